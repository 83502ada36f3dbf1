// Reads the text of one uploaded file in a worker thread of its own, so that a large or hostile file
// is bounded in memory and time (see file-text.ts) and never stalls requests. An ES module: pdfjs-dist
// is one, which the CommonJS application (and its test runner) cannot load itself.
//   workerData: { kind: 'pdf' | 'docx', data: Uint8Array }  →  posts { text } or { failure: 'unreadable' }
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';

// Chinese PDFs often name a predefined character map (UniGB-UCS2-H…) instead of carrying their own:
// pdfjs-dist ships them, read from its folder (never downloaded).
const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function pdfText(data) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data, cMapUrl: join(PDFJS, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(PDFJS, 'standard_fonts') + '/', useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await document.destroy();
  return pages.join('\n');
}

async function docxText(data) {
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.extractRawText({ buffer: Buffer.from(data) });
  return result.value;
}

try {
  const text = workerData.kind === 'pdf' ? await pdfText(workerData.data) : await docxText(workerData.data);
  parentPort.postMessage({ text });
} catch {
  parentPort.postMessage({ failure: 'unreadable' });
}
