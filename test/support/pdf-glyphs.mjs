// Reads PDFs with pdfjs-dist and prints, as JSON, each page's size and text runs with their position
// (millimetres from the page's top-left corner), font size (pt) and embedded font name. Run as a child
// process: pdfjs-dist is an ES module, which the CommonJS test runner cannot load itself.
//   node test/support/pdf-glyphs.mjs a.pdf b.pdf > layout.json
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const MM = 25.4 / 72;

async function read(file) {
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    await page.getOperatorList(); // loads the fonts, so that their names can be read
    const content = await page.getTextContent();
    const runs = content.items
      .filter((item) => 'str' in item && item.str.trim() !== '')
      .map((item) => {
        const [a, b, , , e, f] = item.transform;
        const font = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : null;
        return {
          text: item.str,
          x: e * MM,
          // Baseline, from the top edge.
          y: (height - f) * MM,
          width: item.width * MM,
          size: Math.hypot(a, b),
          font: font?.name ?? item.fontName,
        };
      });
    pages.push({ width: width * MM, height: height * MM, runs });
  }
  return { pages };
}

const files = process.argv.slice(2);
const out = [];
for (const file of files) out.push(await read(file));
process.stdout.write(JSON.stringify(out));
