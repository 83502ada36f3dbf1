import { tidyText } from './file-text';

describe('tidyText: text read from a file, as a person would paste it', () => {
  it.each([
    ['Windows line ends and blank lines between paragraphs', '一、总体要求。\r\n\r\n二、主要任务。\r\n', '一、总体要求。\n二、主要任务。'],
    ['a paragraph a PDF wrapped mid-sentence is joined', '全面推广国家反诈中心APP，6月底前\n完成全市社区覆盖。', '全面推广国家反诈中心APP，6月底前完成全市社区覆盖。'],
    ['a line ending a sentence stays a line', '会议要求。\n各单位落实。', '会议要求。\n各单位落实。'],
    ['a numbered heading starts a line even after an open sentence', '主要任务\n（一）加强宣传\n1.开展宣传', '主要任务\n（一）加强宣传\n1.开展宣传'],
    ['spaces a PDF puts between Chinese characters are removed, others kept', '市 公 安 局 牵头 APP 推广', '市公安局牵头 APP 推广'],
    ['control and invisible characters are dropped', 'a\u0000b\u200bc\u00a0d', 'abc d'],
    ['nothing but white space is nothing', ' \n\t\n ', ''],
  ])('%s', (_case, raw, expected) => {
    expect(tidyText(raw)).toBe(expected);
  });
});
