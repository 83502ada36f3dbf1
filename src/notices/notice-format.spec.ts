import { chineseDate, chineseOrdinal, noticeNumber } from './notice-format';

describe('official document formats', () => {
  it('writes dates in Arabic numerals without padding', () => {
    expect(chineseDate('2026-03-09')).toBe('2026年3月9日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });

  it('numbers documents with hexagonal brackets and no zero padding', () => {
    expect(noticeNumber('反诈办督', 2026, 12)).toBe('反诈办督〔2026〕12号');
    expect(noticeNumber('反诈办督', 2027, 1)).toBe('反诈办督〔2027〕1号');
  });

  it('counts headings in Chinese', () => {
    expect([1, 2, 9, 10, 11, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十一', '九十九']);
    expect(() => chineseOrdinal(0)).toThrow();
  });
});
