import { itemMarkerAt, sectionKind, splitClauses } from './structure';

describe('itemMarkerAt: the numbering of official documents', () => {
  it.each([
    ['一、总体要求', 1, 2],
    ['（三）要强化督导考核。', 2, 3],
    ['(二)强化行业治理', 2, 3],
    ['1.全面实施清单管理。', 3, 2],
    ['12、建立台账', 3, 3],
    // a point opening with its year: "1.2025年，…"
    ['1.2025年，居民知晓率达90%以上', 3, 2],
    ['（2）按月报送', 4, 3],
    ['二是加强基层基础。', 5, 2],
    // "一要" reads as "一是要": the content keeps the word that asks
    ['一要加大宣传力度', 5, 1],
    ['第三，完善机制', 5, 3],
  ])('%s → level %i, %i characters', (text, level, length) => {
    expect(itemMarkerAt(text)).toEqual({ level, length });
  });

  it.each(['2022年上半年', '1.5倍', '1.2025倍', '市公安局要', '一定要'])('%s is no numbering', (text) => {
    expect(itemMarkerAt(text)).toBeNull();
  });
});

describe('splitClauses', () => {
  const texts = (text: string) => splitClauses(text).map((c) => text.slice(c.start, c.end));

  it('ends a clause at 。；！？ in both widths and at the end of a line', () => {
    expect(texts('甲要做A。乙要做B；丙要做C;丁\n戊要做D！')).toEqual(['甲要做A。', '乙要做B；', '丙要做C;', '丁', '戊要做D！']);
  });

  it('never splits inside parentheses or quotes', () => {
    expect(texts('建立台账。（A、B负责。列第一位者为牵头单位）')).toEqual(['建立台账。', '（A、B负责。列第一位者为牵头单位）']);
    expect(texts('强调“要坚持。要落实。”各地要做好。')).toEqual(['强调“要坚持。要落实。”各地要做好。']);
  });

  it('ends after the full stop that follows a quotation', () => {
    expect(texts('做到“人员不到案不放过”。下一句。')).toEqual(['做到“人员不到案不放过”。', '下一句。']);
  });

  it('starts a clause at a paragraph marker after a short lead-in ("会议要求，一要…")', () => {
    const text = '会议要求,一要加大宣传力度;二要举办活动。';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => text.slice(c.start, c.end))).toEqual(['一要加大宣传力度;', '二要举办活动。']);
    expect(clauses.map((c) => c.marker?.level)).toEqual([5, 5]);
  });

  it('reads a page copied flat: an item number after a space starts a line, a date written with spaces does not', () => {
    const text = '三、相关要求 （一）各单位要高度重视。（责任单位：住建局） 7.加大改造力度。将于 7 月 12 日开展检查。';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => text.slice(c.start, c.end))).toEqual(['三、相关要求', '（一）各单位要高度重视。', '（责任单位：住建局）', '7.加大改造力度。', '将于 7 月 12 日开展检查。']);
    expect(clauses.map((c) => c.marker?.level ?? null)).toEqual([1, 2, null, 3, null]);
    expect(clauses.map((c) => c.endsLine)).toEqual([true, false, true, false, true]);
    expect(clauses[0].headingLine).toBe(true);
  });

  it('starts the first point after a colon, however long the lead to it, and keeps the lead a clause', () => {
    const text = '接着,由吴瑞勇同志对我镇禁毒工作作出相关部署,会上强调:一是压实禁毒工作责任;二是加强宣传教育。';
    const clauses = splitClauses(text);
    expect(clauses.map((c) => [text.slice(c.start, c.end), c.marker?.level ?? null])).toEqual([
      ['接着,由吴瑞勇同志对我镇禁毒工作作出相关部署,会上强调:', null],
      ['一是压实禁毒工作责任;', 5],
      ['二是加强宣传教育。', 5],
    ]);
  });

  it('marks heading lines (no full stop) and the clause that ends a line', () => {
    const clauses = splitClauses('一、工作开展情况\n（一）强化依法严惩。公安机关要严打。');
    expect(clauses.map((c) => [c.headingLine, c.endsLine])).toEqual([[true, true], [false, false], [false, true]]);
    expect(clauses[0].contentStart).toBe(2);
  });

  it('does not take a note in parentheses on its own line for a heading', () => {
    expect(splitClauses('（1）加强演练。\n（责任单位：市应急局）')[1].headingLine).toBe(false);
    expect(splitClauses('1.地区生产总值增长4.5%以上。\n主要责任单位：区发展改革委')[1].headingLine).toBe(false);
  });

  it('leaves out blank lines and surrounding spaces, offsets pointing into the text', () => {
    const text = '  甲要做A。 \n\n   乙要做B。';
    for (const clause of splitClauses(text)) expect(text.slice(clause.start, clause.end)).toMatch(/^[甲乙]要做[AB]。$/);
  });
});

describe('sectionKind: what a heading says its section holds', () => {
  it.each([
    ['工作开展情况', 'facts'],
    ['全市打击治理电信网络诈骗犯罪工作的现状', 'facts'],
    ['当前工作中存在的问题', 'facts'],
    ['下步工作举措', 'tasks'],
    ['加强打击治理工作的意见建议', 'tasks'],
    ['重点任务', 'tasks'],
    ['指导思想', 'principles'],
    ['基本原则', 'principles'],
    ['工作目标', 'goals'],
    ['主要目标', 'goals'],
    ['提高站位、深化认识，切实增强责任感紧迫感', 'neutral'],
    // who does what is no fact; what earns a title is no task
    ['分组情况', 'neutral'],
    ['无诈村（社区）标准', 'criteria'],
  ])('%s → %s', (heading, kind) => {
    expect(sectionKind(heading)).toBe(kind);
  });
});
