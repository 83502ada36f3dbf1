import type { PdfPageLayout, TextRun } from './pdf-layout';

/** GB/T 9704-2012, in millimetres from the page's top-left corner. */
export const A4 = { width: 210, height: 297 };
export const TYPE_AREA = { left: 28, top: 37, right: 184, bottom: 262 };
export const PITCH = 225 / 22;
const MM = 25.4 / 72;
const TOLERANCE = 1;

/** Where a line box of this type sits around its baseline: half the line height either side of the glyphs' middle. */
function lineBox(run: TextRun, lineHeight: number): { top: number; bottom: number } {
  const middle = run.y - 0.38 * run.size * MM;
  return { top: middle - lineHeight / 2, bottom: middle + lineHeight / 2 };
}

const near = (value: number, expected: number, tolerance = TOLERANCE) => Math.abs(value - expected) <= tolerance;
const isBody = (run: TextRun) => near(run.size, 16, 0.3);
const isPageNumber = (run: TextRun) => /^—\s*\d+\s*—$/.test(run.text.trim());
const IDEOGRAPHS = /^[\u4e00-\u9fff，。、；：“”（）]+$/;
const NO_LINE_START = /[，。、；：”）]/;

export interface NoticeExpectations {
  title: string;
  issuer: string;
  date: string;
  letter: boolean;
  /** Whether the document has a distribution record (a letter without 抄送 has none). */
  colophon: boolean;
  /** The text of the record's last line (`…印发`, or the 抄送 line of a letter). */
  colophonLast: RegExp;
}

/** The body's lines on a page: 16 pt runs grouped by baseline, the signature and the page number left out. */
function bodyLines(page: PdfPageLayout, expect: NoticeExpectations): TextRun[][] {
  const lines = new Map<number, TextRun[]>();
  for (const run of page.runs.filter((r) => isBody(r) && !isSignature(r, expect) && !isPageNumber(r))) {
    const key = [...lines.keys()].find((y) => near(y, run.y, 0.3)) ?? run.y;
    lines.set(key, [...(lines.get(key) ?? []), run]);
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, runs]) => runs.sort((a, b) => a.x - b.x));
}

function isSignature(run: TextRun, expect: NoticeExpectations): boolean {
  return isBody(run) && run.x > TYPE_AREA.left + 20 && (run.text.trim() === expect.issuer || run.text.trim() === expect.date);
}

/** Every rule of the standard this document breaks, as readable lines; empty when it passes. */
export function layoutViolations(pages: PdfPageLayout[], expect: NoticeExpectations): string[] {
  const problems: string[] = [];
  const fail = (page: number, check: string, detail: string) => problems.push(`第${page}页 ${check}：${detail}`);
  const last = pages.length;
  let colophonPage = 0;
  pages.forEach((page, index) => {
    const n = index + 1;
    const first = n === 1;
    const areaTop = first && expect.letter ? 30 : TYPE_AREA.top;
    if (!near(page.width, A4.width) || !near(page.height, A4.height)) fail(n, 'A4', `${page.width.toFixed(1)} × ${page.height.toFixed(1)} mm`);
    const numbers = page.runs.filter(isPageNumber);
    const text = page.runs.filter((r) => !isPageNumber(r));
    // Type area: every run within it, left to right; body lines within it, top to bottom.
    for (const run of text) {
      if (run.x < TYPE_AREA.left - TOLERANCE || run.x + run.width > TYPE_AREA.right + TOLERANCE) fail(n, '版心左右', `“${run.text.slice(0, 12)}”自 ${run.x.toFixed(1)} 至 ${(run.x + run.width).toFixed(1)} mm`);
    }
    const lines = bodyLines(page, expect);
    lines.forEach((line, i) => {
      const box = lineBox(line[0], PITCH);
      if (box.top < areaTop - TOLERANCE || box.bottom > areaTop + 225 + TOLERANCE) fail(n, '版心上下', `“${line[0].text.slice(0, 12)}”行位于 ${box.top.toFixed(1)}–${box.bottom.toFixed(1)} mm`);
      // 28 characters to a full line; 27 where the 28th went down with the mark that may not start a line (避头),
      const chars = [...line.map((r) => r.text).join('')];
      const right = line[line.length - 1].x + line[line.length - 1].width;
      const next = lines[i + 1]?.map((r) => r.text).join('') ?? '';
      // …or fewer where a number, which is never split, begins the next line.
      const keptDown = (chars.length === 27 && NO_LINE_START.test(next.slice(1, 2))) || (chars.length >= 26 && /^[0-9A-Za-z]{2}/.test(next));
      if (near(line[0].x, TYPE_AREA.left, 0.5) && right > TYPE_AREA.right - 2 && IDEOGRAPHS.test(chars.join('')) && chars.length !== 28 && !keptDown) fail(n, '每行28字', `满行 ${chars.length} 字：${chars.slice(0, 10).join('')}…`);
    });
    // The 225/22 mm pitch between consecutive body lines, nothing else between them.
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i][0].y - lines[i - 1][0].y;
      const between = page.runs.some((r) => !isBody(r) && r.y > lines[i - 1][0].y + 0.5 && r.y < lines[i][0].y - 0.5);
      const signatureBetween = page.runs.some((r) => isSignature(r, expect) && r.y > lines[i - 1][0].y && r.y < lines[i][0].y);
      if (!between && !signatureBetween && gap < PITCH * 1.5 && !near(gap, PITCH, 0.5)) fail(n, '行距', `${gap.toFixed(2)} mm（应为 ${PITCH.toFixed(2)}）`);
    }
    // A full body page: 22 lines from the top of the type area to its bottom.
    const onlyBody = !first && n !== last && page.runs.every((r) => isBody(r) || isPageNumber(r)) && !page.runs.some((r) => isSignature(r, expect));
    if (onlyBody && lines.length !== 22 && lines.length > 0) {
      const bottom = lineBox(lines[lines.length - 1][0], PITCH).bottom;
      // A page may end early only where a paragraph must keep lines together (widows, headings).
      const next = pages[n];
      const keptTogether = next && (next.runs.some((r) => isSignature(r, expect)) || /ZenHei|Hei/i.test(next.runs.find((r) => isBody(r) && !isPageNumber(r))?.font ?? ''));
      if (!keptTogether && (lines.length < 20 || near(bottom, TYPE_AREA.bottom, 0.5))) fail(n, '每页22行', `${lines.length} 行`);
    }
    if (onlyBody && lines.length === 22 && !near(lineBox(lines[0][0], PITCH).top, TYPE_AREA.top)) fail(n, '版心上边', `首行上沿 ${lineBox(lines[0][0], PITCH).top.toFixed(1)} mm`);
    // Headings: 一、 in the Hei face.
    for (const line of lines) {
      if (/^[一二三四五六七八九十]+、/.test(line[0].text) && !/ZenHei|Hei/i.test(line[0].font)) fail(n, '一级标题黑体', `“${line[0].text}”用 ${line[0].font}`);
    }
    // Signature and date never without body text.
    const signed = page.runs.some((r) => isSignature(r, expect));
    if (signed && lines.length === 0) fail(n, '署名独页', '署名、日期所在页没有正文');
    // Page numbers: 14 pt, 7 mm under the type area, one character in from the right (odd) or left (even).
    const colophonHere = page.runs.some((r) => expect.colophonLast.test(r.text));
    if (colophonHere) colophonPage = n;
    const blank = text.length === 0;
    const unnumbered = (first && expect.letter) || blank || (colophonHere && lines.length === 0 && n > 2 && pages[n - 2].runs.length === 0);
    if (unnumbered) {
      if (numbers.length > 0) fail(n, '页码', `此页不应编页码，却有“${numbers[0].text}”`);
    } else if (numbers.length !== 1) fail(n, '页码', `页码 ${numbers.length} 个`);
    else {
      const number = numbers[0];
      if (number.text.replace(/\D/g, '') !== String(n)) fail(n, '页码', `印为“${number.text}”`);
      if (!near(number.size, 14, 0.3)) fail(n, '页码字号', `${number.size.toFixed(1)} pt`);
      const top = number.y - 0.88 * number.size * MM;
      if (!near(top, TYPE_AREA.bottom + 7)) fail(n, '页码位置', `上沿 ${top.toFixed(1)} mm（应为版心下 7 mm）`);
      const oneChar = 14 * MM;
      if (n % 2 === 1 && !near(number.x + number.width, TYPE_AREA.right - oneChar)) fail(n, '单页码居右空一字', `右端 ${(number.x + number.width).toFixed(1)} mm`);
      if (n % 2 === 0 && !near(number.x, TYPE_AREA.left + oneChar)) fail(n, '双页码居左空一字', `左端 ${number.x.toFixed(1)} mm`);
    }
  });
  // The title in 22 pt on page 1.
  const titleRuns = pages[0].runs.filter((r) => r.size > 18 && r.size < 26 && expect.title.includes(r.text.trim()));
  if (titleRuns.map((r) => r.text.trim()).join('') !== expect.title || titleRuns.some((r) => !near(r.size, 22, 0.3))) problems.push(`标题：${titleRuns.map((r) => `“${r.text}”${r.size.toFixed(1)}pt`).join(',') || '未找到'}（应为 22 pt）`);
  // §7.2.3: the issuer's mark 35 mm below the type area's top edge.
  if (!expect.letter) {
    const mark = pages[0].runs.find((r) => r.text.trim() === expect.issuer && r.size > 17);
    const top = mark ? mark.y - 0.88 * mark.size * MM : NaN;
    if (!near(top, TYPE_AREA.top + 35)) problems.push(`版头：发文机关标志上边缘 ${top.toFixed(1)} mm（应在版心上边缘下 35 mm）`);
  }
  // §10.1, a letter: the issuer's top 30 mm from the top edge, the number at the type area's right edge.
  if (expect.letter) {
    const mark = pages[0].runs.find((r) => r.text.trim() === expect.issuer && r.size > 17);
    const top = mark ? mark.y - 0.88 * mark.size * MM : NaN;
    if (!near(top, 30)) problems.push(`信函格式：发文机关标志上边缘 ${top.toFixed(1)} mm（应距上页边 30 mm）`);
    const number = pages[0].runs.find((r) => /〔\d{4}〕\d+号/.test(r.text));
    if (!number || !near(number.x + number.width, TYPE_AREA.right)) problems.push(`信函格式：发文字号${number ? `右端 ${(number.x + number.width).toFixed(1)} mm` : '未找到'}（应顶格居版心右边缘）`);
  }
  // The distribution record on the last page, an even one, its last line on the type area's bottom edge.
  if (expect.colophon) {
    if (colophonPage !== last) problems.push(`版记：在第${colophonPage}页，文件共${last}页`);
    if (last % 2 !== 0) problems.push(`版记：末页为第${last}页（应为偶数页）`);
    const lastLine = pages[last - 1].runs.filter((r) => expect.colophonLast.test(r.text)).pop();
    if (lastLine) {
      const bottom = lineBox(lastLine, 14 * MM * 1.6).bottom + (expect.letter ? 0 : 0.35);
      if (!near(bottom, TYPE_AREA.bottom)) problems.push(`版记：末条线 ${bottom.toFixed(1)} mm（应与版心下边缘 ${TYPE_AREA.bottom} mm 重合）`);
    }
  }
  return problems;
}
