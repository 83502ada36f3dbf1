import { chineseDate, chineseOrdinal, noticeNumber, titlePieces } from './notice-format';

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

describe('titlePieces: where a title may turn onto its next line (§7.3.3, words kept whole)', () => {
  const cases: [string, string, string[]][] = [
    ['the office\'s terms stay whole: 成员单位, 考核排名', '关于2026年第3季度成员单位考核排名情况的通报', ['关于2026年第3季度', '成员单位', '考核排名', '情况的通报']],
    ['a month and its year stay with 关于', '关于2026年11月成员单位考核排名情况的通报', ['关于2026年11月成员单位', '考核排名', '情况的通报']],
    ['督办事项 whole; 的 stays with its noun', '关于督办事项逾期未办结情况的通报', ['关于督办事项', '逾期', '未办结情况的通报']],
    ['words ICU halves (督 / 促) never turn', '关于督促办理涉诈高风险电话卡二次实人核验工作的通知书', ['关于督促', '办理涉诈高风险', '电话卡二次实人核验', '工作的通知书']],
    ['a short title', '约谈通知书', ['约谈', '通知书']],
    ['nothing to break', '', []],
  ];

  it.each(cases)('%s', (_, title, pieces) => {
    expect(titlePieces(title)).toEqual(pieces);
    expect(titlePieces(title).join('')).toBe(title);
  });
});
