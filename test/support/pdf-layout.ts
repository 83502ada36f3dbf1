import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A run of text as the PDF places it: mm from the page's top-left corner (y is the baseline), size in pt. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

export interface PdfPageLayout {
  width: number;
  height: number;
  runs: TextRun[];
}

/** Each PDF's pages with their text runs, read by pdfjs-dist in one child process for all of them. */
export function pdfLayouts(pdfs: Buffer[]): PdfPageLayout[][] {
  const dir = mkdtempSync(join(tmpdir(), 'dbs-layout-'));
  try {
    const files = pdfs.map((pdf, i) => {
      const file = join(dir, `${i}.pdf`);
      writeFileSync(file, pdf);
      return file;
    });
    const out = execFileSync(process.execPath, [join(__dirname, 'pdf-glyphs.mjs'), ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return (JSON.parse(out) as { pages: PdfPageLayout[] }[]).map((doc) => doc.pages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
