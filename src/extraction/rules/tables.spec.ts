import { cellsOf, columnOf, findTables } from './tables';

describe('columnOf', () => {
  it.each([
    ['序号', 'number'],
    ['重点任务', 'task'],
    ['牵头单位', 'lead'],
    ['责任单位', 'lead'],
    ['配合单位', 'cooperating'],
    ['完成时限', 'deadline'],
    ['备注', 'other'],
    ['工 作 任 务', 'task'],
    ['牵头负责部门', 'lead'],
    ['时间安排', 'deadline'],
    // a 任务清单/责任清单/时限清单 table
    ['责任清单', 'lead'],
    ['时限清单', 'deadline'],
    ['专项整治行业名称', 'task'],
    ['2022年预期目标', 'task'],
    ['重点工作和要求', 'task'],
    // a 分工方案's target column, which the ledger import reads as such
    ['目标', 'other'],
    ['量化目标', 'other'],
    // headers as offices vary them, read by the word that says what the column holds
    ['主要责任单位', 'lead'],
    ['责任科室', 'lead'],
    ['协同配合单位', 'cooperating'],
    ['责任主体与协同单位', 'cooperating'],
    ['计划完成时间', 'deadline'],
    ['2023年重点工作任务', 'task'],
    ['目标与任务', 'task'],
    ['分 管 县领导', 'leader'],
    ['牵头领导', 'leader'],
    ['目前完成情况', 'other'],
    ['是否达到序时进度', 'other'],
  ])('%s → %s', (header, column) => expect(columnOf(header)).toBe(column));
});

describe('cellsOf', () => {
  it('splits at tabs, "|" and runs of spaces, keeping offsets', () => {
    const line = { start: 10, end: 30, text: '1\t建立台账 | 市公安局  年底前' };
    expect(cellsOf(line).map((c) => [c.text, c.start - 10])).toEqual([['1', 0], ['建立台账', 2], ['市公安局', 9], ['年底前', 15]]);
  });
});

describe('findTables', () => {
  it('reads a table with one row per line', () => {
    const text = ['说明文字。', '序号\t任务\t牵头单位\t配合单位\t完成时限', '1\t建立涉诈重点人员台账\t市公安局\t各镇街\t6月底前', '2\t开展反诈宣传进校园\t市教育局\t\t长期坚持', '以上任务请抓好落实。'].join('\n');
    const [table] = findTables(text);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0].cells.task?.text).toBe('建立涉诈重点人员台账');
    expect(table.rows[0].cells.cooperating?.text).toBe('各镇街');
    expect(table.rows[1].cells.lead?.text).toBe('市教育局');
    expect(text.slice(table.start, table.end)).not.toContain('以上任务');
  });

  it('reads a table flattened to one cell per line, a row ending early where the next number starts', () => {
    const text = ['序号', '任务', '牵头单位', '配合单位', '完成时限', '1', '建立台账', '市公安局', '各镇街', '年底前', '2', '开展宣传', '市委宣传部', '3', '清理两卡', '人民银行', '市通信管理局', '长期坚持'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.task?.text, r.cells.lead?.text, r.cells.cooperating?.text, r.cells.deadline?.text])).toEqual([
      ['建立台账', '市公安局', '各镇街', '年底前'],
      ['开展宣传', '市委宣传部', undefined, undefined],
      ['清理两卡', '人民银行', '市通信管理局', '长期坚持'],
    ]);
  });

  it('reads a table whose cells a web page left separated by single spaces, a task keeping its own space', () => {
    const text = ['2016年量化指标任务分工', '序号 工 作 任 务 牵头负责部门', '1 居民消费价格涨幅3%左右 发展改革委', '2 安排财政赤字2.18万亿元, 赤字率提高到3% 财政部', '(本文有删减)'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.number?.text, r.cells.task?.text, r.cells.lead?.text])).toEqual([
      ['1', '居民消费价格涨幅3%左右', '发展改革委'],
      ['2', '安排财政赤字2.18万亿元, 赤字率提高到3%', '财政部'],
    ]);
  });

  it('reads a table without a 序号 column, row by row until the prose resumes', () => {
    const text = ['一、专项整治安排表', '专项整治行业名称 | 时间安排 | 责任单位 |', '烟花爆竹 | 1月份 | 安监站 安监所 |', '电力设施 | 3月份 | 电管所 |', '二、工作要求'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.task?.text, r.cells.deadline?.text, r.cells.lead?.text])).toEqual([
      ['烟花爆竹', '1月份', '安监站 安监所'],
      ['电力设施', '3月份', '电管所'],
    ]);
  });

  it('reads a table flattened one cell a line with blank lines between the cells', () => {
    const text = ['附件1', '', '序号', '', '2022年预期目标', '', '责任单位', '', '1', '', '地区生产总值增长5.5%左右', '', '区发展改革委', '', '2', '', '固定资产投资增长6%左右', '', '区发展改革委'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.task?.text, r.cells.lead?.text])).toEqual([
      ['地区生产总值增长5.5%左右', '区发展改革委'],
      ['固定资产投资增长6%左右', '区发展改革委'],
    ]);
  });

  it('reads a progress table: its 进展情况 column is part of the header, not a task', () => {
    const text = ['序号', '', '内容与要求', '', '进展情况', '', '责任单位', '', '1', '', '加强数据监测,确保地区生产总值增长7%左右。', '', '1-2月主要经济指标实现正增长。', '', '市发改委', '', '2', '', '持续推进重大项目攻坚。', '', '市县长项目已安排36个。', '', '市发改委'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.task?.text, r.cells.lead?.text])).toEqual([
      ['加强数据监测,确保地区生产总值增长7%左右。', '市发改委'],
      ['持续推进重大项目攻坚。', '市发改委'],
    ]);
  });

  it('reads a cell of units taking a line per unit before the 完成时限, and stops before the next table', () => {
    const text = ['序号', '民生实事', '责任单位', '完成时限', '1', '启动建设东湖湿地公园。', '县水务局', '', '县住建局', '12月底前', '2', '新建2座人行天桥。', '县住建局', '9月底前', '附件2'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.task?.text, r.cells.lead?.text.split(/\s+/), r.cells.deadline?.text])).toEqual([
      ['启动建设东湖湿地公园。', ['县水务局', '县住建局'], '12月底前'],
      ['新建2座人行天桥。', ['县住建局'], '9月底前'],
    ]);
    expect(text.slice(table.start, table.end)).not.toContain('附件2');
  });

  it('lines up a row whose cells were left out or split by what each line holds, not by its place', () => {
    // a leader's name, an empty 全年目标 cell, a progress column: the units still land under 牵头单位
    const text = ['序号 |', '主要任务 |', '全年目标任务 |', '分管 领导 |', '牵头 单位 |', '责任主体与协同单位 |', '1-10月推进情况 |', '24 |', '优化提升50条背街后巷交通组织。 |', '徐国江 |', '城管局 |', '市政局、相关街道 |', '已进场施工,完成30%。 |', '||', '25 |', '新增达标小区210个。 |', '徐国江 |', '城管局 |', '环卫处 |'].join('\n');
    const [table] = findTables(text);
    expect(table.rows.map((r) => [r.cells.task?.text, r.cells.leader?.text, r.cells.lead?.text, r.cells.cooperating?.text])).toEqual([
      ['优化提升50条背街后巷交通组织。', '徐国江', '城管局', '市政局、相关街道'],
      ['新增达标小区210个。', '徐国江', '城管局', '环卫处'],
    ]);
  });

  it('starts a row at the next number only, skipping figures in cells and the headings grouping the rows', () => {
    const text = ['序号', '项目名称', '建设内容', '年度投资', '责任单位', '1', '城北道路项目', '建成唐塔北路延伸段道路。', '300', '住建局', '二、全力以赴惠民生', '2', '老旧小区改造项目', '实施三个小区功能改善。', '1360', '住建局', '68', '新增托位400个。', '教育局'].join('\n');
    const [table] = findTables(text);
    // "项目名称" beside "建设内容" names the row; the content is the task
    expect(table.rows.map((r) => [r.cells.number?.text, r.cells.task?.text, r.cells.lead?.text])).toEqual([
      ['1', '建成唐塔北路延伸段道路。', '住建局'],
      ['2', '实施三个小区功能改善。', '住建局'],
      ['68', '新增托位400个。', '教育局'],
    ]);
  });

  it('reads a second column of units responsible beside the leads as cooperating', () => {
    const text = ['序号', '目标与任务', '牵头责任单位', '责任单位', '80', '新增托位数400个以上。', '县教育局', '县各有关单位'].join('\n');
    const [table] = findTables(text);
    expect([table.rows[0].cells.lead?.text, table.rows[0].cells.cooperating?.text]).toEqual(['县教育局', '县各有关单位']);
  });

  it('keeps the cells of a further task column ("细化措施" beside "主要任务")', () => {
    const text = ['序号\t主要任务\t细化措施\t牵头单位', '1\t严守用水总量红线\t实施双控行动。到2020年用水总量控制在11.88亿立方米以内。\t市水利局'].join('\n');
    const [table] = findTables(text);
    expect([table.rows[0].cells.task?.text, table.rows[0].moreTasks?.map((c) => c.text)]).toEqual(['严守用水总量红线', ['实施双控行动。到2020年用水总量控制在11.88亿立方米以内。']]);
  });

  it('finds no table in prose that mentions the column names', () => {
    expect(findTables('各牵头单位要会同配合单位，在完成时限内报送任务进展。')).toEqual([]);
  });
});
