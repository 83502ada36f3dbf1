import { parseIsoDate } from '../calendar/working-calendar';

/** `2026-03-09` → `2026年3月9日`: Arabic numerals without zero padding, as GB/T 9704 writes dates. */
export function chineseDate(date: string): string {
  const day = new Date(parseIsoDate(date));
  return `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日`;
}

/** `反诈办督〔2026〕12号`: the issuer code, the year in hexagonal brackets, the number unpadded. */
export function noticeNumber(issuerCode: string, year: number, seq: number): string {
  return `${issuerCode}〔${year}〕${seq}号`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: for headings 一、（一）. Up to 99. */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new Error(`No Chinese ordinal for ${n}`);
  const [tens, ones] = [Math.floor(n / 10), n % 10];
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`}${DIGITS[ones]}`;
}

/** A text's width in body characters: CJK characters take one, digits and Latin letters half of one. */
export function characters(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

/** The office's terms, never broken across a title's lines: 成员 / 单位 would read as two words. */
const TITLE_TERMS = ['成员单位', '联席会议', '督办事项', '考核排名', '电信网络诈骗'];
const WORDS = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * §7.3.3: a title turned onto more lines keeps its words whole. The pieces it may turn between: words
 * as ICU reads Chinese, except beside a word of one character (年, 第, 3, 的, quotation marks, and the
 * halves of words ICU does not know: 督 / 办), after 关于 (it leads its object), and inside the office's terms.
 */
export function titlePieces(title: string): string[] {
  const words = [...WORDS.segment(title)];
  const inTerm = (at: number) => TITLE_TERMS.some((term) => {
    for (let from = title.indexOf(term); from >= 0; from = title.indexOf(term, from + 1)) if (at > from && at < from + term.length) return true;
    return false;
  });
  const pieces: string[] = [];
  words.forEach((word, i) => {
    const before = words[i - 1];
    const turns = before && [...before.segment].length > 1 && [...word.segment].length > 1 && before.segment !== '关于' && !inTerm(word.index);
    if (turns || pieces.length === 0) pieces.push(word.segment);
    else pieces[pieces.length - 1] += word.segment;
  });
  return pieces;
}
