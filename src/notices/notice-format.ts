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
