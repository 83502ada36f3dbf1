import { tidyText } from './file-text';

describe('tidyText: text read from a file, as a person would paste it', () => {
  it.each([
    ['Windows line ends and blank lines between paragraphs', '一、总体要求。\r\n\r\n二、主要任务。\r\n', '一、总体要求。\n二、主要任务。'],
    ['a paragraph a PDF wrapped mid-sentence is joined', '全面推广国家反诈中心APP，6月底前\n完成全市社区覆盖。', '全面推广国家反诈中心APP，6月底前完成全市社区覆盖。'],
    ['a line ending a sentence stays a line', '会议要求。\n各单位落实。', '会议要求。\n各单位落实。'],
    ['a numbered heading starts a line even after an open sentence', '主要任务\n（一）加强宣传\n1.开展宣传', '主要任务\n（一）加强宣传\n1.开展宣传'],
    // (a title, a salutation and a signature are lines well short of the page's width)
    [
      'a line well short of the page’s width ends its paragraph',
      '关于开展断卡行动的通知\n各成员单位：\n为深入贯彻落实全国打击治理电信网络诈骗工作部署，切实\n加强涉诈电话卡治理，现就有关事项通知如下。\n市反诈联席办\n2026年11月28日',
      '关于开展断卡行动的通知\n各成员单位：\n为深入贯彻落实全国打击治理电信网络诈骗工作部署，切实加强涉诈电话卡治理，现就有关事项通知如下。\n市反诈联席办\n2026年11月28日',
    ],
    ['spaces a PDF puts between Chinese characters are removed, others kept', '市 公 安 局 牵头 APP 推广', '市公安局牵头 APP 推广'],
    ['radical forms a PDF’s font maps characters to are read as the characters', '开展专项⾏动，3⽉31⽇前完成⽹络排查。', '开展专项行动，3月31日前完成网络排查。'],
    ['simplified radical forms too, which Unicode normalisation leaves as they are', '防范⾼⻛险⻔店，⻓期坚持。', '防范高风险门店，长期坚持。'],
    ['control and invisible characters are dropped', 'a\u0000b\u200bc\u00a0d', 'abc d'],
    ['nothing but white space is nothing', ' \n\t\n ', ''],
  ])('in a PDF: %s', (_case, raw, expected) => {
    expect(tidyText(raw, true)).toBe(expected);
  });

  it.each([
    // A Word file's paragraphs are paragraphs: a title runs into no salutation, whatever its ending.
    ['each paragraph stays a line', '关于开展断卡行动的通知\n\n各成员单位：\n\n全面推广国家反诈中心APP，6月底前\n\n完成全市社区覆盖。', '关于开展断卡行动的通知\n各成员单位：\n全面推广国家反诈中心APP，6月底前\n完成全市社区覆盖。'],
    ['radical forms are read as the characters', '3⽉31⽇前', '3月31日前'],
  ])('in a Word file: %s', (_case, raw, expected) => {
    expect(tidyText(raw, false)).toBe(expected);
  });
});
