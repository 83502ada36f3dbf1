import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool on a PDF held in memory. */
function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'dbs-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text as pdftotext extracts it, with line breaks and spaces removed (lines wrap anywhere in Chinese). */
export const pdfText = (pdf: Buffer): string => poppler('pdftotext', pdf, ['-layout']).replace(/\s+/g, '');

/** Each page's text, in order, as `pdfText` gives it (pdftotext ends every page with a form feed). */
export const pdfPageTexts = (pdf: Buffer): string[] =>
  poppler('pdftotext', pdf)
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ''));

export const pdfPages = (pdf: Buffer): number => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))![1]);

export const pdfPageSize = (pdf: Buffer): string => /Page size:\s+([^\n]+)/.exec(poppler('pdfinfo', pdf))![1];

/** Each font: its name, type and whether it is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; type: string; embedded: boolean }[] {
  return poppler('pdffonts', pdf)
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const match = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line)!;
      return { name: match[1], type: match[2], embedded: match[3] === 'yes' };
    });
}
