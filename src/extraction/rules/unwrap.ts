/**
 * Text taken out of a PDF keeps the page's line breaks inside sentences ("…保障公共安全\n和人身安全…") and
 * spaces around figures ("2020 年 9 月 30 日前"); some public mirrors insert the pinyin of a character after
 * it ("各部門(mén)"). The rules read lines and words, so such breaks and glosses are taken out first, and
 * every offset found in the joined text is mapped back to the text as given.
 */
import { itemMarkerAt } from './structure';

export interface Unwrapped {
  /** The text with the page's breaks inside sentences and the spaces around figures taken out. */
  text: string;
  /** For each character of `text` (and its end), its offset in the text as given. */
  offsets: number[];
}

/** Ends a sentence, a heading's colon, or a closing bracket after one: the line really ends there. */
const LINE_END = /[。；;！!？?：:”’」』）)]\s*$/;
/** A line ending where no sentence can: after a comma, an enumeration comma or a joining word. */
const OPEN_END = /(?:[，,、]|(?<=\p{Script=Han})[和及与])\s*$/u;
/** A table's row: cells apart by tabs, bars or runs of spaces. */
const TABLE_ROW = /\t|[|｜]| {2,}/;
/** "加強(qiáng)", "部門(mén)": a syllable of pinyin in brackets right after a character. */
const PINYIN_GLOSS = /(?<=\p{Script=Han})\((?:[bcdfghjklmnpqrstwxyz]{0,2}[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{0,4})\)/gu;
/**
 * "向?qū)W生": a character the mirror could not encode, left as "?" with its gloss's bracket lost. It is no
 * question mark ending a sentence, so it is taken out with the gloss.
 */
const LOST_GLOSS = /\?(?:[bcdfghjklmnpqrstwxyz]{0,2}[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{0,4})\)/gu;
/** The gloss read only where it is asked for (sticky), so that no search leaves a position behind in PINYIN_GLOSS. */
const GLOSS_HERE = new RegExp(PINYIN_GLOSS.source, 'uy');

/** The length of the pinyin gloss right at `at` in the text ("(mén)"), 0 when there is none. */
export function glossAt(text: string, at: number): number {
  GLOSS_HERE.lastIndex = at;
  return GLOSS_HERE.exec(text)?.[0].length ?? 0;
}

/** "2020 年 9 月 30 日前", "提高到 95 %": a space a PDF put beside a figure. */
const SPACE_BY_FIGURE = /(?<=\d) (?=[年月日号%％个万亿元])|(?<=[年月至到]) (?=\d)/g;
/**
 * Lines of one width are a page's lines when at least this many share it, and they are at least half of the
 * long lines that end no sentence (a table's cells or a few long headings are not a page). A page's line
 * holds at least this many characters.
 */
const WRAPPED_LINES = 5;
const SHORTEST_WRAP = 20;

/** The width the page wrapped its lines at, or null when the text is not wrapped. */
export function wrapWidth(lines: readonly string[]): number | null {
  const counts = new Map<number, number>();
  let unended = 0;
  for (const line of lines) {
    const length = line.trim().length;
    if (length < SHORTEST_WRAP || LINE_END.test(line) || TABLE_ROW.test(line)) continue;
    unended += 1;
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [width, count] of counts) {
    // Lines of a width and one character either side: full-width punctuation shifts a line by one.
    const around = count + (counts.get(width - 1) ?? 0) + (counts.get(width + 1) ?? 0);
    if (around > bestCount || (around === bestCount && best !== null && width > best)) [best, bestCount] = [width, around];
  }
  return best !== null && bestCount >= WRAPPED_LINES && bestCount * 2 >= unended ? best : null;
}

export function unwrap(text: string): Unwrapped {
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  const drop = new Set<number>();
  if (width !== null) {
    let offset = 0;
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i];
      const next = lines[i + 1].trim();
      offset += line.length + 1;
      // A line as long as the page's lines, not ending a sentence, before more of it: the break is the page's.
      const wrapped = line.trim().length >= width - 1 && !LINE_END.test(line) && !TABLE_ROW.test(line) && next.length > 0 && itemMarkerAt(next) === null && !TABLE_ROW.test(lines[i + 1]);
      if (!wrapped) continue;
      // The break, the spaces before it and the next line's indent.
      const lineStart = offset - line.length - 1;
      for (let k = lineStart + line.trimEnd().length; k < offset; k++) drop.add(k);
      const indent = lines[i + 1].length - lines[i + 1].trimStart().length;
      for (let k = offset; k < offset + indent; k++) drop.add(k);
    }
  }
  // A line ending inside a sentence ("…生活垃圾收集和", "…有效的警示,") goes on after the one blank line a page put between.
  const lineStarts = [0];
  for (const line of lines) lineStarts.push(lineStarts[lineStarts.length - 1] + line.length + 1);
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (!OPEN_END.test(line) || line.trim().length < 6 || TABLE_ROW.test(line.trim())) continue;
    const next = lines[i + 1].trim() === '' && i + 2 < lines.length ? i + 2 : i + 1;
    if (lines[next].trim() === '' || itemMarkerAt(lines[next].trim()) !== null) continue;
    const indent = lines[next].length - lines[next].trimStart().length;
    for (let k = lineStarts[i] + line.trimEnd().length; k < lineStarts[next] + indent; k++) drop.add(k);
  }
  for (const match of text.matchAll(SPACE_BY_FIGURE)) drop.add(match.index);
  for (const match of [...text.matchAll(PINYIN_GLOSS), ...text.matchAll(LOST_GLOSS)]) for (let k = match.index; k < match.index + match[0].length; k++) drop.add(k);
  if (drop.size === 0) return { text, offsets: Array.from({ length: text.length + 1 }, (_, i) => i) };
  const kept: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (drop.has(i)) continue;
    kept.push(text[i]);
    offsets.push(i);
  }
  offsets.push(text.length);
  return { text: kept.join(''), offsets };
}
