import { publishedCalendar } from '../../calendar/calendar-data';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { extractTasks } from './index';
import type { ExtractionContext } from './types';

const calendar = new WorkingCalendar(publishedCalendar());
const context: ExtractionContext = {
  documentDate: '2026-03-02',
  units: [
    { id: 1, names: ['市公安局', '公安局'] },
    { id: 2, names: ['市通信管理局'] },
    { id: 3, names: ['人民银行云澜分行', '人民银行'] },
    { id: 4, names: ['东湖街道'] },
  ],
  addWorkingDays: (start, days) => calendar.addWorkingDays(start, days),
};
const extract = (text: string) => extractTasks(text, context);
const owners = (list: { text: string }[]) => list.map((o) => o.text);

describe('extractTasks', () => {
  it('reads owners from a closing note, matched to units, with the deadline', () => {
    const text = '（一）强化源头管控。6月底前建立涉诈重点人员数据库（市公安局牵头，市通信管理局、人民银行配合）。';
    const [task] = extract(text);
    expect(task.leadUnits).toEqual([{ text: '市公安局', unitId: 1 }]);
    expect(task.cooperatingUnits).toEqual([{ text: '市通信管理局', unitId: 2 }, { text: '人民银行', unitId: 3 }]);
    expect(task.deadline).toEqual({ text: '6月底前', date: '2026-06-30', cycle: null });
    expect(task.requirement).toBe('建立涉诈重点人员数据库');
    expect(task.paragraph).toBe(text.slice(task.start, task.end));
  });

  it('gives the work of a kind of body to the units the clause names to carry it out ("各镇街要…，由南溪镇、北塘街道具体落实"), not to another kind', () => {
    const [named] = extract('会议强调，各镇街要加大国家反诈中心APP推广力度，年底前全市安装注册率达到60%，由南溪镇、北塘街道、高新区管委会具体落实。');
    expect(owners(named.leadUnits)).toEqual(['南溪镇', '北塘街道', '高新区管委会']);
    const [kind] = extract('各镇街要加大国家反诈中心APP推广力度，由各村具体落实。');
    expect(owners(kind.leadUnits)).toEqual(['各镇街']);
    const [own] = extract('市公安局要加大国家反诈中心APP推广力度，由各派出所具体落实。');
    expect(owners(own.leadUnits)).toEqual(['市公安局']);
  });

  it('reads "A要配合B做…" as B leading with A, and carries A on to the subjectless clause after it', () => {
    const [helped, next] = extract('市通信管理局要配合市公安局在6月底前完成涉诈号码快速关停系统建设。及时通报处置结果。');
    expect([owners(helped.leadUnits), owners(helped.cooperatingUnits)]).toEqual([['市公安局'], ['市通信管理局']]);
    expect([owners(next.leadUnits), owners(next.cooperatingUnits)]).toEqual([['市通信管理局'], []]);
  });

  it('dates the goals after "到2027年，" to its paragraph\'s end, and the lines under "到2030年，具体实现以下目标："', () => {
    const tasks = extractTasks('一、总体目标\n开展专项行动,到2027年,有效解决农村地区供水问题。城乡供水一体化率达到83.5%。\n到2030年,具体实现以下目标:\n居民健康素养水平达到30%以上。\n二、主要任务\n加强社区卫生服务中心建设。', { ...context, documentDate: '2025-05-01' }, { model: null });
    expect(tasks.map((t) => [t.paragraph.slice(0, 6), t.deadline.date])).toEqual([
      ['开展专项行动', '2027-12-31'],
      ['城乡供水一体', '2027-12-31'],
      ['居民健康素养', '2030-12-31'],
      ['加强社区卫生', null],
    ]);
  });

  it('dates the items under "…，到2020年将实现：" to that year, and those under a five-year plan\'s goals to its last year', () => {
    const opened = extractTasks('深圳“卫生强市”战略,到2020年将实现:\n1、新建投入使用市级三级公立医院12家\n2、全市常住人口千人床位数达到4.3张', { ...context, documentDate: '2016-01-05' }, { model: null });
    expect(opened.map((t) => t.deadline.date)).toEqual(['2020-12-31', '2020-12-31']);
    const plan = extractTasks('一、林业保护发展“十四五”规划目标\n1.森林覆盖率达到27.30%。\n二、重点任务\n1.市公安局要建立涉林案件台账。', { ...context, documentDate: '2022-05-03' }, { model: null });
    expect(plan.map((t) => [t.paragraph.slice(0, 6), t.deadline.date])).toEqual([
      ['1.森林覆盖', '2025-12-31'],
      ['1.市公安局', null],
    ]);
  });

  it('dates the sentences of a paragraph that opens with a year\'s end ("2018年底前，…") to it, and not the next paragraph', () => {
    const text = '2026年底前，以东湖街道为重点，完成存栏3000头以上养殖场设施建设。全市畜禽养殖废弃物综合利用率达到83%以上。\n全市规模养殖场设施装备配套率达到95%以上。';
    expect(extractTasks(text, { ...context, documentDate: '2026-02-01' }, { model: null }).map((t) => [t.paragraph.slice(0, 6), t.deadline.date])).toEqual([
      ['2026年底', '2026-12-31'],
      ['全市畜禽养殖', '2026-12-31'],
      ['全市规模养殖', null],
    ]);
  });

  it('dates the items under a numbered year heading ("（一）2020年任务") to that year, not those under a report\'s expected figures', () => {
    const text = '一、工作目标\n（一）2026年任务\n东湖街道完成剩余量的50%以上。\n1.设区城市：西城街道改造完成率达到100%。\n（二）2027年任务\n东湖街道完成剩余量的70%以上。\n二、2026年主要预期目标\n地区生产总值增长6%以上。';
    expect(extractTasks(text, { ...context, documentDate: '2026-02-01' }, { model: null }).map((t) => [t.paragraph.slice(0, 7), t.deadline.date])).toEqual([
      ['东湖街道完成剩', '2026-12-31'],
      ['1.设区城市：', '2026-12-31'],
      ['东湖街道完成剩', '2027-12-31'],
      ['地区生产总值增', null],
    ]);
    const past = extractTasks('（一）2025年任务\n东湖街道完成剩余量的50%以上。', { ...context, documentDate: '2026-02-01' }, { model: null });
    expect(past.map((t) => t.deadline.date)).toEqual([null]);
  });

  it('reads a short title opening its line ("（二）目标指标。到2020年，…") as the section it names', () => {
    const text = '一、总体要求\n（一）指导思想。以新时代中国特色社会主义思想为指导，全面贯彻省委省政府决策部署。\n（二）目标指标。到2020年，全面完成“十三五”约束性指标。全市PM2.5浓度比2015年下降22%以上。';
    const tasks = extractTasks(text, { ...context, documentDate: '2018-08-01' });
    expect(tasks.map((t) => [t.paragraph, t.deadline.date])).toEqual([
      ['到2020年，全面完成“十三五”约束性指标。', '2020-12-31'],
      ['全市PM2.5浓度比2015年下降22%以上。', '2020-12-31'],
    ]);
  });

  it('gives the points a clause announces ("A要做好以下工作。一是…") to its subject', () => {
    const tasks = extract('会议要求，各镇(办)要继续做好以下工作。一是组织开展入户宣传，扎实做好宣传工作。二是严格把关，做好参合信息的核对工作。');
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([['各镇(办)'], ['各镇(办)']]);
  });

  it('gives the items a request announces ("请A…，具体要求如下：") to whom it asks', () => {
    const text = ['自治区人民政府办公厅将委托第三方机构对政府网站开始扫描。请各部门立即对本单位的“文件”栏目进行自查整改，具体要求如下：', '一、关于网站文件栏目整改要求', '（一）对所有已发布的文件进行自查，不适合网上发布的请立即删除。', '（二）发布的文件加载不规范的请立即整改，严格按照要求规范排版。'].join('\n');
    expect(extract(text).map((t) => owners(t.leadUnits)).pop()).toEqual(['各部门']);
  });

  it('gives the points a request announces ("会议要求A从四个方面…：一是…") to whom it asks', () => {
    const tasks = extract('会议要求总部部门和各级分公司从四个方面深入推进防范打击通讯信息诈骗工作:一是要加快落实电话用户实名制,确保实名率10月底前达到96%。二是完善技术手段,提升对诈骗电话发现拦截能力。');
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([['总部部门', '各级分公司'], ['总部部门', '各级分公司']]);
  });

  it('reads a note closed in square brackets, its semicolon inside the note ("[牵头单位:A;配合单位:B]")', () => {
    const tasks = extract('6.河长制。全面推行河长制。[牵头单位:市水利局;配合单位:各镇(办、区)]\n7.下一项。');
    expect(tasks).toHaveLength(1);
    expect([owners(tasks[0].leadUnits), owners(tasks[0].cooperatingUnits)]).toEqual([['市水利局'], ['各镇(办、区)']]);
  });

  it('ends points numbered inside a paragraph with it: the next paragraph\'s owner is its own points\' owner', () => {
    const tasks = extract('会议指出，各单位要全面落实上级要求。一要认清形势；二要突出重点，持续开展防范宣传；\n会议强调，市移动将抓好三项工作：一是狠抓实名登记，年底前实名率达到100%；二是狠抓诈骗电话拦截工作；');
    const points = tasks.filter((t) => /狠抓/.test(t.paragraph));
    expect(points).toHaveLength(2);
    expect(points.map((t) => owners(t.leadUnits))).toEqual([['市移动'], ['市移动']]);
  });

  it('reads a closing note after a comma-separated clause, whatever the length of the clause before the note', () => {
    const text = '一、全面推广国家反诈中心APP，10月底前完成全市社区覆盖（市公安局牵头，电信主管部门配合）。';
    const [task] = extract(text);
    expect(task.leadUnits).toEqual([{ text: '市公安局', unitId: 1 }]);
    expect(task.cooperatingUnits).toEqual([{ text: '电信主管部门', unitId: null }]);
    expect(task.deadline).toEqual({ text: '10月底前', date: '2026-10-31', cycle: null });
  });

  it('gives a note closing an item to every clause of the item, and makes them tasks', () => {
    const text = '1.全面实施清单管理。年底前编制并公布清单。逐项编制实施规范，提升标准化水平。（市政府办公室牵头，各县区政府按职责分工负责）\n2.下一项。';
    const tasks = extract(text);
    expect(tasks).toHaveLength(2);
    for (const task of tasks) {
      expect(owners(task.leadUnits)).toEqual(['市政府办公室']);
      expect(owners(task.cooperatingUnits)).toEqual(['各县区政府']);
    }
    expect(tasks[0].deadline.date).toBe('2026-12-31');
  });

  it('gives a note on its own line after sub-items to all of them', () => {
    const text = '1.完善应急预案体系\n（1）加强应急预案管理，规范预案编制。\n（2）加强应急预案演练，完善演练制度。\n（责任单位：市应急局、各县（市、区）人民政府）\n2.健全机制\n（1）建立部门会商机制，定期研究新情况新问题。';
    const tasks = extract(text);
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([['市应急局', '各县（市、区）人民政府'], ['市应急局', '各县（市、区）人民政府'], []]);
  });

  it('adds the implementers and partners on the lines after a lead line to the item, a leader named there to nothing', () => {
    const text = ['34.开工建设启阳机场航站楼改扩建及附属工程,增开国际国内航线。', '牵头负责领导:刘惠。', '牵头单位:市交通运输局', '实施单位:临沂国际机场集团', '配合单位:市发改委、市铁路民航发展中心等。'].join('\n');
    const tasks = extract(text);
    expect(tasks.map((t) => [owners(t.leadUnits), owners(t.cooperatingUnits)])).toEqual([[['市交通运输局'], ['临沂国际机场集团', '市发改委', '市铁路民航发展中心']]]);
  });

  it('keeps a date written before a second subject with that subject\'s task', () => {
    const tasks = extract('一是高度重视。各责任村要进一步落实责任,落实专人负责,强力推进各项问题的整改落实,8月7日前金元村、石宝沟村要完成河道浮漂、水葫芦的打捞工作。');
    expect(tasks.map((t) => [owners(t.leadUnits), t.deadline.date])).toEqual([
      [['各责任村'], null],
      [['金元村', '石宝沟村'], '2026-08-07'],
    ]);
    expect(tasks[1].paragraph.startsWith('8月7日前金元村')).toBe(true);
  });

  it('gives whom a lead addresses to the points after its colon', () => {
    const tasks = extract('检查组向各基础电信企业通报了存在问题,并提出三点要求:一是建立问题台账,6月底前完成整改;二是加大考核力度,每月通报一次整改进展。');
    expect(tasks.map((t) => [t.paragraph.slice(0, 4), owners(t.leadUnits)])).toEqual([
      ['一是建立', ['各基础电信企业']],
      ['二是加大', ['各基础电信企业']],
    ]);
  });

  it('gives the points on the lines below a lead-in to whom it addresses ("对A提出相关要求：\n一是…")', () => {
    const text = '副局长传达了会议精神,对各县区生态环境部门提出相关要求:\n一是要加快“无废城市”建设,积极谋划2025年建设项目。\n二是加快固废信访整改,处置好相关舆情。';
    expect(extract(text).map((t) => [t.paragraph.slice(0, 4), owners(t.leadUnits)])).toEqual([
      ['一是要加', ['各县区生态环境部门']],
      ['二是加快', ['各县区生态环境部门']],
    ]);
  });

  it('gives the subject of an exhortation to the points that follow it, on its line or the lines below', () => {
    const points = '一要抓好主要负责人培训提升行动,督促企业履行好安全生产主体责任;二要抓好从业人员教育培训,提升基层末梢人员安全素质。';
    const tasks = extract(`会议强调,全市交通运输系统要按决策部署抓实抓好安全生产工作。${points}`);
    expect(tasks.map((t) => [t.paragraph.slice(0, 6), owners(t.leadUnits)])).toEqual([
      ['一要抓好主要', ['全市交通运输系统']],
      ['二要抓好从业', ['全市交通运输系统']],
    ]);
    // on lines of their own too ("各部室要高度重视。\n\n一要…\n二要…"), but not numbered items below it
    const lines = '一要抓好主要负责人培训提升行动,督促企业履行好安全生产主体责任。\n二要抓好从业人员教育培训,提升基层末梢人员安全素质。';
    expect(extract(`会议强调,全市交通运输系统要按决策部署抓实抓好安全生产工作。\n\n  ${lines}`).map((t) => owners(t.leadUnits))).toEqual([['全市交通运输系统'], ['全市交通运输系统']]);
    const items = '（一）抓好主要负责人培训提升行动,督促企业履行好安全生产主体责任。\n（二）抓好从业人员教育培训,提升基层末梢人员安全素质。';
    expect(extract(`会议强调,全市交通运输系统要按决策部署抓实抓好安全生产工作。\n${items}`).map((t) => owners(t.leadUnits))).toEqual([[], []]);
  });

  it('reads what frames a clause\'s first subject as part of its task, not a task before it', () => {
    const tasks = extract('针对当前正在开展的多业态产业园区和物流园区的排查整治,各部门要持续跟踪、督促整改到位。');
    expect(tasks.map((t) => [t.paragraph.slice(0, 4), owners(t.leadUnits)])).toEqual([['针对当前', ['各部门']]]);
  });

  it('reads a mirror in traditional characters with pinyin, and quotes it as written', () => {
    const text = '會議要求,市公安局、各部門(mén)要於6月30日前完成轄區重點人員排查(chá)。';
    const [task] = extract(text);
    expect(task.paragraph).toBe(text);
    expect(task.leadUnits).toEqual([
      { text: '市公安局', unitId: 1 },
      { text: '各部門(mén)', unitId: null },
    ]);
    expect(task.deadline).toEqual({ text: '6月30日前', date: '2026-06-30', cycle: null });
  });

  it('gives a target\'s metric and unit as the text writes them', () => {
    const [task] = extract('到2030年,新增高效節水灌溉面積8000萬畝。');
    expect(task.target).toMatchObject({ text: '新增高效節水灌溉面積8000萬畝', metric: '新增高效節水灌溉面積', value: 8000, unit: '萬畝' });
    // a figure without words before it keeps its empty metric, however the text around it is glossed
    expect(extract('市公安局要確保達到95%以上(shàng)。')[0].target).toMatchObject({ text: '達到95%以上(shàng)', metric: '', value: 95, unit: '%' });
    // a unit in a glossed text, in its characters as written: "個", "萬億元"
    expect(extract('2021年,左云縣計劃改造老舊小區(qū)46個(gè)。')[0].target).toMatchObject({ value: 46, unit: '個' });
    expect(extract('到2028年,全省社零額達(dá)到2.48萬(wàn)億元。')[0].target).toMatchObject({ value: 2.48, unit: '萬億元' });
  });

  it('splits a list of duties, each unit with its own, however short', () => {
    // (The rules alone: which clauses the shipped model adds moves with each retraining.)
    const tasks = extractTasks('会议要求，党政办负责外围环境整治，社会管理办公室负责质量监督检查，财政所负责资金兑付台账。', context, { model: null });
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([['党政办'], ['社会管理办公室'], ['财政所']]);
  });

  it('gives a unit named alone ("县环保局。") the duties after it in its item, each opening with 负责 or a verb', () => {
    const tasks = extractTasks('（一）县环保局。负责对全县秸秆禁烧工作实施统一监督。加强现场执法检查，责令立即停止。\n（二）县交通局、公路局。负责国道、省道两侧的巡查。', { ...context }, { model: null });
    expect(tasks.map((t) => [t.paragraph, owners(t.leadUnits)])).toEqual([
      ['负责对全县秸秆禁烧工作实施统一监督。', ['县环保局']],
      ['加强现场执法检查，责令立即停止。', ['县环保局']],
      ['负责国道、省道两侧的巡查。', ['县交通局', '公路局']],
    ]);
  });

  it('dates the sentences of an item by the date opening it, also those a note closing the item makes tasks', () => {
    const text = '（七）6月9日前，市公安局在莲城大道插100面有安全宣传标语的刀旗。同时会同有关部门在行政办公中心悬挂宣传空飘10个。\n责任单位：市公安局及有关单位。\n（八）6月20日前，市通信管理局组织开展宣传咨询活动。';
    const tasks = extractTasks(text, { ...context, documentDate: '2026-05-01' }, { model: null });
    expect(tasks.map((t) => [t.paragraph.slice(0, 12), t.deadline.date])).toEqual([
      ['（七）6月9日前，市公安', '2026-06-09'],
      ['同时会同有关部门在行政办', '2026-06-09'],
      ['（八）6月20日前，市通', '2026-06-20'],
    ]);
  });

  it('reads a measure placed under 总体要求 when it names whom it asks, not the principles beside it', () => {
    const tasks = extractTasks('一、总体要求\n坚持以防为主、全力抢险的方针，把保证人民群众生命财产安全放在首位。\n（一）杨树湾水库防汛。杨树湾水库属于小型水库，镇包库领导及相关责任人要严格落实防汛责任制，汛期确定专人看管。', context, { model: null });
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([['镇包库领导', '相关责任人']]);
  });

  it('gives the owner carried over the partners a clause without a subject names ("要会同…")', () => {
    const tasks = extract('（三）加强学校食堂管理。各地教育部门要严格落实学校食堂管理制度。要会同市场监管部门指导学校开展食堂安全检查。');
    expect(tasks.map((t) => [owners(t.leadUnits), owners(t.cooperatingUnits)])).toEqual([
      [['各地教育部门'], []],
      [['各地教育部门'], ['市场监管部门']],
    ]);
  });

  it('reads owners on the line after each item, the first leading once the document says so ("下同")', () => {
    const text = [
      '一、主要目标',
      '1.生产总值增长6%以上。',
      '责任单位:市发改委',
      '2.一般公共预算收入与经济增长基本同步。',
      '责任单位:市财政局、市税务局(列第一位为牵头单位,下同)',
      '(一)全力以赴稳增长。',
      '3.实施招商引资行动,每年招引制造业项目100个。',
      '责任单位:市商务局、市发改委',
    ].join('\n');
    const tasks = extract(text);
    expect(tasks.map((t) => [owners(t.leadUnits), owners(t.cooperatingUnits)])).toEqual([
      [['市发改委'], []],
      [['市财政局'], ['市税务局']],
      [['市商务局'], ['市发改委']],
    ]);
    expect(tasks[2].deadline.cycle).toBe('yearly');
  });

  it('makes every measure of an item closed by a 〔责任单位〕 note a task', () => {
    const text = '(二)优化市场准入环境。实施“证照分离”改革全覆盖。提升市场主体登记便利化水平。持续实施“歇业登记”等新制度。〔责任单位:省市场监管局〕';
    const tasks = extract(text);
    expect(tasks).toHaveLength(3);
    expect(tasks.every((t) => owners(t.leadUnits).join() === '省市场监管局')).toBe(true);
  });

  it('gives a clause without a subject the owner of the clause before it in the same item, not across items', () => {
    const text = '（一）要强化打击。公安机关要开展集群打击。要深入串并深挖，落实领导包案机制。\n（二）要加强宣传。要组织开展反诈宣传进校园活动。';
    const tasks = extract(text);
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([['公安机关'], ['公安机关'], []]);
  });

  it('makes two tasks of one sentence with two owners', () => {
    const text = '工信要及时封堵诈骗电话；网信、公安机关要建立联合巡查处置机制。';
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['工信'], ['网信', '公安机关']]);
  });

  it('splits a clause where a second subject starts', () => {
    const text = '要进一步完善考核评价体系，将防范治理工作纳入综合绩效考核，各级各有关部门要结合工作实际，制定本单位具体方案。';
    const tasks = extract(text);
    expect(tasks.map((t) => owners(t.leadUnits))).toEqual([[], ['各级各有关部门']]);
    expect(tasks[1].paragraph.startsWith('各级各有关部门')).toBe(true);
  });

  it('makes two tasks of two targets, each with the deadline written before it', () => {
    const text = '各通信运营商要确保上半年实名率达到96%、年底前达到100%。';
    const tasks = extract(text);
    expect(tasks.map((t) => [t.target?.value, t.deadline.date])).toEqual([[96, '2026-06-30'], [100, '2026-12-31']]);
    expect(tasks[0].start).toBe(tasks[1].start);
  });

  it('gives a deadline written between two targets to the second only, and one written before or after them all to each', () => {
    const between = extract('各通信运营商要确保物联网卡实名率达到98%、年底前达到100%。');
    expect(between.map((t) => [t.target?.value, t.deadline.date])).toEqual([[98, null], [100, '2026-12-31']]);
    const after = extract('各镇街要确保反诈APP注册率达到70%以上、预警劝阻率达到95%以上，年底前完成。');
    expect(after.map((t) => [t.target?.value, t.deadline.date])).toEqual([[70, '2026-12-31'], [95, '2026-12-31']]);
  });

  it('reads partners after the subject as cooperating: "A要会同B，…", "由A牵头，B配合，…"', () => {
    const [withPartner, ledBy] = extract('市公安局要会同东湖街道，建立预警信息分级推送机制。由市公安局牵头，市通信管理局、人民银行配合，开展新一轮“断卡”行动。');
    expect([owners(withPartner.leadUnits), owners(withPartner.cooperatingUnits)]).toEqual([['市公安局'], ['东湖街道']]);
    expect(withPartner.cooperatingUnits[0].unitId).toBe(4);
    expect([owners(ledBy.leadUnits), owners(ledBy.cooperatingUnits)]).toEqual([['市公安局'], ['市通信管理局', '人民银行']]);
  });

  it('passes a subject on to the clauses after it without the partners it named in its own ("A要会同B…。要…")', () => {
    const tasks = extract('（二）市公安局要会同东湖街道建立预警信息分级推送机制。要每月通报预警劝阻情况。');
    expect(tasks.map((t) => [owners(t.leadUnits), owners(t.cooperatingUnits)])).toEqual([
      [['市公安局'], ['东湖街道']],
      [['市公安局'], []],
    ]);
  });

  it('passes on the partners assigned with a lead ("A牵头、B配合，…") to the clauses after it', () => {
    const tasks = extractTasks('会议要求，县水利局牵头、各乡镇场配合，认真做好水源地巡查工作。同时对水厂要实行封闭式管理。', context, { model: null });
    expect(tasks.map((t) => [owners(t.leadUnits), owners(t.cooperatingUnits)])).toEqual([
      [['县水利局'], ['各乡镇场']],
      [['县水利局'], ['各乡镇场']],
    ]);
  });

  it('reads the figures after a goal label under 总体要求 as goals of the label\'s year', () => {
    const text = ['一、总体要求', '基本思路：坚持精准治污、科学治污、依法治污，聚焦突出短板。', '行动目标：到2028年，农村环境整治水平显著提升。新增完成8万个行政村环境整治，农村生活污水治理率达到40%；畜禽粪污综合利用率达到80%以上。', '二、重点任务', '（一）市公安局要建立涉诈重点人员台账。'].join('\n');
    const goals = extract(text).filter((t) => t.target !== null);
    expect(goals.map((t) => [t.target!.value, t.deadline.date])).toEqual([[8, '2028-12-31'], [40, '2028-12-31'], [80, '2028-12-31']]);
    expect(extract(text).map((t) => t.paragraph)).not.toContain('基本思路：坚持精准治污、科学治污、依法治污，聚焦突出短板。');
  });

  it('reads a dated figure under 总体要求 as the plan\'s goal, and nothing else of that section', () => {
    const text = ['一、总体要求', '坚持以人民为中心，坚持打防管控建一体推进，构建社会参与的反诈格局。到2027年底，全省电诈案件破案率达到40%以上。', '二、重点任务', '（一）市公安局要建立涉诈重点人员台账。'].join('\n');
    expect(extract(text).map((t) => [t.paragraph, t.deadline.date, t.target?.value ?? null])).toEqual([
      ['到2027年底，全省电诈案件破案率达到40%以上。', '2027-12-31', 40],
      ['（一）市公安局要建立涉诈重点人员台账。', null, null],
    ]);
  });

  it('proposes nothing for a clause that only names a period', () => {
    expect(extract(['一、活动时间', '2025年6月1日至6月30日。'].join('\n'))).toEqual([]);
  });

  it('makes two tasks of two deadlines', () => {
    const tasks = extract('东湖街道要在6月底前完成摸排，年底前全部建成无诈社区。');
    expect(tasks.map((t) => t.deadline.date)).toEqual(['2026-06-30', '2026-12-31']);
    expect(tasks[0].leadUnits).toEqual([{ text: '东湖街道', unitId: 4 }]);
  });

  it('makes one task of one date said twice', () => {
    const tasks = extract('园区管理局要年底前完成第三期标准厂房的建设,确保今年完成15万平方米标准厂房建设。');
    expect(tasks.map((t) => t.deadline.date)).toEqual(['2026-12-31']);
  });

  it('reads working days, reporting cycles and standing work', () => {
    const [withinDays, monthly, standing] = extract('市公安局要在10个工作日内报送整改方案。各镇街要每月5日前报送工作进展。各成员单位要长期坚持开展宣传进社区活动。');
    expect(withinDays.deadline).toEqual({ text: '10个工作日内', date: '2026-03-16', cycle: null });
    expect(monthly.deadline).toEqual({ text: '每月5日前', date: '2026-03-05', cycle: 'monthly' });
    expect(standing.deadline).toEqual({ text: '长期坚持', date: null, cycle: null });
  });

  it('proposes nothing for exhortations, facts, the public, conditional sanctions and fact sections', () => {
    const text = [
      '全市各级各部门要提高政治站位，切实增强责任感紧迫感，形成工作合力。',
      '2025年全市共破获案件1132起，同比上升39.48%。',
      '请广大市民切勿轻信陌生来电。',
      '对工作不力的镇街，予以通报并约谈主要负责人。',
      '一、工作开展情况',
      '全市公安机关坚持全链条打击，建立研判机制。',
    ].join('\n');
    expect(extract(text)).toEqual([]);
  });

  it('reads a reply to a deputy as facts, except what it says will be done next', () => {
    const text = ['现答复如下:', '一、加强宣传', '通过利用移动宣传车辆开展防范电信网络诈骗宣传活动。', '二、下步工作', '下一步,全市公安机关将建立预警劝阻工作机制,开展集中宣传活动。'].join('\n');
    const tasks = extract(text);
    expect(tasks.map((t) => [owners(t.leadUnits), t.paragraph.slice(0, 3)])).toEqual([[['全市公安机关'], '下一步']]);
  });

  it('gives what a reply promises without a subject to the unit that signs it', () => {
    const text = ['蒲文常委员:', '你提出的提案已转交我们办理,现将办理情况复函如下:', '一、与有条件建客运站的乡镇联系对接,研究建站事宜。', '二、积极向省、市争取项目资金,逐步实施。', '蓬溪县交通运输局', '2021年7月16日'].join('\n');
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['蓬溪县交通运输局'], ['蓬溪县交通运输局']]);
  });

  it('gives what a plan lists without an owner to the issuer its title names', () => {
    const text = ['教育部2019年工作要点', '一、完善教育经费投入机制', '优化教育经费投入使用结构，加强教育经费使用管理。', '二、推进督导评估', '各省级教育督导部门要开展县域义务教育督导评估。'].join('\n');
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['教育部'], ['各省级教育督导部门']]);
  });

  it('gives what a reply signed by no unit promises to the one it calls itself ("我局")', () => {
    const text = ['现答复如下:', '近年来,我局持续推进污水管网建设。', '二期计划投入4.3亿元,建设管道约50公里,预计2025年底完工。'].join('\n');
    // (two figures, two tasks)
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['我局'], ['我局']]);
  });

  it('gives what a reply without a signing line promises to the unit it names before calling itself "我局"', () => {
    const text = ['盘山县人大代表建议的答复', '您提出的建议已收悉,答复如下:盘山县水利局对所提问题进行逐步解决。', '下一步我局将完善补充实施方案,7月底之前上报省厅审查。'].join('\n');
    expect(extract(text).map((t) => owners(t.leadUnits))).toContainEqual(['盘山县水利局']);
    expect(extract(text).flatMap((t) => owners(t.leadUnits))).not.toContain('我局');
  });

  it('names the signer of a reply where it writes "我局将…"', () => {
    const text = ['现答复如下:', '下一步,我局将积极会同相关部门开展现场核查。', '马关县交通运输局', '2017年6月25日'].join('\n');
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['马关县交通运输局']]);
  });

  it('reads the points after "存在如下问题：" as the problems found, and a new list after them as what to do', () => {
    const text = '检查组了解情况,但也存在如下问题:一是个别镇对排查工作不够重视;二是个别镇排查进度滞后。针对问题,提出建议:一是各镇要在6月底前完成排查;二是要加强宣传,6月底前完成。';
    expect(extract(text).map((t) => t.paragraph)).toEqual(['一是各镇要在6月底前完成排查;', '二是要加强宣传,6月底前完成。']);
  });

  it('proposes nothing for the words announcing the problems found', () => {
    const text = [
      '会上首先由物业企业代表分享防汛工作经验。随后传达上级关于小区楼院防汛工作的具体要求。',
      '会议指出,二季度物业管理存在三方面突出问题:一是物业服务质量问题集中,引发居民大量投诉;二是部分小区楼院汛期准备存在明显漏洞。',
      '会议要求,各物业企业一要提升服务质量,落实环境卫生常态化清理;二要做好防汛准备。',
    ].join('\n');
    expect(extract(text).map((t) => t.paragraph)).toEqual(['会议要求,各物业企业一要提升服务质量,落实环境卫生常态化清理;']);
  });

  it('does not carry a subject into the next unnumbered paragraph', () => {
    const text = '通信运营商须落实涉诈号码关停响应机制。\n同步推行反诈准入制,要求企业、房东签订《反诈责任状》,建立租户登记台账。';
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['通信运营商'], []]);
  });

  it('proposes nothing under 指导思想, and under 工作目标 only what sets a number', () => {
    const text = ['一、指导思想', '坚持以人民为中心，建立健全工作机制，开展精准宣传活动。', '二、工作目标', '深入开展反诈宣传活动，全面提高群众识别能力。', '到2027年，全市新增就业800人以上。'].join('\n');
    const tasks = extract(text);
    expect(tasks.map((t) => [t.target?.value, t.deadline.date])).toEqual([[800, '2027-12-31']]);
  });

  it('proposes one task per row of a task table, with owners and deadline from the columns', () => {
    const text = ['附件：任务分工表', '序号\t任务\t牵头单位\t配合单位\t完成时限', '1\t建立涉诈重点人员台账\t市公安局\t东湖街道、各镇街\t2026年9月30日前', '2\t开展反诈宣传进校园\t市教育局\t\t长期坚持'].join('\n');
    const tasks = extract(text);
    expect(tasks.map((t) => [t.paragraph, owners(t.leadUnits), owners(t.cooperatingUnits), t.deadline.date, t.deadline.text])).toEqual([
      ['建立涉诈重点人员台账', ['市公安局'], ['东湖街道', '各镇街'], '2026-09-30', '2026年9月30日前'],
      ['开展反诈宣传进校园', ['市教育局'], [], null, '长期坚持'],
    ]);
    expect(tasks[0].cooperatingUnits[0].unitId).toBe(4);
  });

  it('proposes one task per sentence of a table cell listing several measures, each due when it says', () => {
    const text = ['序号 | 实事项目 | 工作举措及实施计划 | 责任单位 | 配合单位 |', '1 | 新增托位500个。 | 1.9月底前新建成照护驿站2家;2.年底前完成驿站验收。 | 卫健局 | 财政局、各街道 |'].join('\n');
    const tasks = extract(text);
    expect(tasks.map((t) => [t.paragraph, owners(t.leadUnits), owners(t.cooperatingUnits), t.deadline.date, t.target?.value ?? null])).toEqual([
      ['新增托位500个。', ['卫健局'], ['财政局', '各街道'], null, 500],
      ['1.9月底前新建成照护驿站2家;', ['卫健局'], ['财政局', '各街道'], '2026-09-30', 2],
      ['2.年底前完成驿站验收。', ['卫健局'], ['财政局', '各街道'], '2026-12-31', null],
    ]);
    // a cell of units closed by a full stop as a sentence would be
    expect(owners(extract('序号\t任务\t牵头单位\t配合单位\n1\t建成驿站2家\t卫健局\t财政局、各街道。')[0].cooperatingUnits)).toEqual(['财政局', '各街道']);
  });

  it('gives the points below a short line announcing them to the unit it names ("A将…推进四方面重点工作：")', () => {
    const text = '会议指出，工业和信息化部将立足职责，推进四方面重点工作：\n一是指导电信企业落实电话用户实名登记制度；\n二是在6月底前完成虚拟运营商涉诈号码清理。\n检查组向各基础电信企业提出两点要求：\n一是清理涉诈电话卡；\n二是加强新入网审核登记。';
    expect(extractTasks(text, context, { model: null }).map((t) => [t.paragraph.slice(0, 4), owners(t.leadUnits)])).toEqual([
      ['一是指导', ['工业和信息化部']],
      ['二是在6', ['工业和信息化部']],
      ['一是清理', ['各基础电信企业']],
      ['二是加强', ['各基础电信企业']],
    ]);
  });

  it('gives confidences between 0 and 1, higher with more evidence', () => {
    const [weak, strong] = extract('要组织开展反诈宣传进校园活动。\n市公安局要在6月底前建成反诈中心，破案率达到90%以上。');
    expect(weak.confidence).toBeGreaterThan(0);
    expect(strong.confidence).toBeLessThanOrEqual(1);
    expect(strong.confidence).toBeGreaterThan(weak.confidence);
  });

  it('proposes nothing among the criteria for a title ("…标准。"), and tasks under the item after them', () => {
    const text = '（一）无诈村（社区）标准。\n1.村（社区）内没有电信网络诈骗案件发生，或发案量同比下降50%以上。\n（二）工作措施。\n1.各村要建立重点人员台账。';
    expect(extract(text).map((t) => t.requirement)).toEqual(['建立重点人员台账']);
  });

  it('reads the sentences under a heading that asks ("二要强化宣传教育。") as asking', () => {
    const text = '会议强调，一要强化宣传教育。村广播循环播放反诈信息，覆盖每个自然村。二要统一思想。同志们辛苦了。';
    // (The rules alone: whether the shipped model doubts a subjectless sentence moves with each retraining.)
    expect(extractTasks(text, context, { model: null }).map((t) => t.paragraph)).toEqual(['村广播循环播放反诈信息，覆盖每个自然村。']);
  });

  it('reads a 责任单位 line right after a 牵头单位 line as the units carrying the item out with the lead', () => {
    const text = '一、主要预期目标\n1.努力实现地区生产总值增长6.2%左右。\n牵头单位:市公安局\n责任单位:东湖街道,全区经济运行各专班\n2.固定资产投资增长15%左右。\n牵头单位:市通信管理局';
    const [first, second] = extract(text);
    expect([owners(first.leadUnits), owners(first.cooperatingUnits)]).toEqual([['市公安局'], ['东湖街道', '全区经济运行各专班']]);
    expect(first.cooperatingUnits[0].unitId).toBe(4);
    expect([owners(second.leadUnits), owners(second.cooperatingUnits)]).toEqual([['市通信管理局'], []]);
  });

  it('reads a 相关责任单位 line after a 牵头责任单位 line as the partners of the item above', () => {
    const text = '1.加快工业结构调整,规模以上工业增加值占GDP比重达45%以上。\n牵头责任单位:市公安局\n相关责任单位:各县(市、区)政府\n2.加快服务业发展,服务业增加值占GDP比重达到37%。\n牵头责任单位:市通信管理局';
    const [first, second] = extract(text);
    expect([owners(first.leadUnits), owners(first.cooperatingUnits)]).toEqual([['市公安局'], ['各县(市、区)政府']]);
    expect([owners(second.leadUnits), owners(second.cooperatingUnits)]).toEqual([['市通信管理局'], []]);
  });

  it('gives the parts of a requirement ("其中…；…") its deadline', () => {
    const text = '明确要求到今年年底,全市创建比例要达到50%。其中,城区创建比例要达到60%;农村创建比例要达到40%。\n各村要建立重点人员台账。';
    expect(extract(text).map((t) => [t.target?.value ?? null, t.deadline.date])).toEqual([[50, '2026-12-31'], [60, '2026-12-31'], [40, '2026-12-31'], [null, null]]);
  });

  it('gives an owner line right under a numbered heading to the lines of its item after it', () => {
    const text = '三、分组情况\n（一）第一检查督导组；\n责任单位：市公安局、东湖街道\n检查范围：消防易爆物品、烟花爆竹批发零售点。\n（二）第二检查督导组；\n责任单位：市通信管理局\n检查范围：加油站、液化气站。';
    expect(extract(text).map((t) => [t.paragraph, owners(t.leadUnits)])).toEqual([
      ['检查范围：消防易爆物品、烟花爆竹批发零售点。', ['市公安局', '东湖街道']],
      ['检查范围：加油站、液化气站。', ['市通信管理局']],
    ]);
  });

  it('reads a numbered line without a full stop as a task when it sets a figure, and leaves a headline alone', () => {
    const text = '湖北全力推动无诈社区创建 各地无诈社区年底要达到30%\n一、主要预期目标\n（一）地区生产总值增长7%以上\n（二）规上工业增加值增长12%以上';
    expect(extract(text).map((t) => [t.paragraph, t.target?.value])).toEqual([
      ['（一）地区生产总值增长7%以上', 7],
      ['（二）规上工业增加值增长12%以上', 12],
    ]);
  });

  it('gives a time note closing an item to its tasks, and is no task itself', () => {
    const text = '（一）安排部署\n市公安局要召开全市动员大会，部署反诈宣传工作。各村要做好村干部反诈培训。\n（完成时限：2026年11月底）\n（二）深入宣传\n各村要张贴宣传海报。';
    expect(extract(text).map((t) => [t.paragraph, t.deadline.date])).toEqual([
      ['市公安局要召开全市动员大会，部署反诈宣传工作。', '2026-11-30'],
      ['各村要做好村干部反诈培训。', '2026-11-30'],
      ['各村要张贴宣传海报。', null],
    ]);
  });

  it('gives a time line under an item (完成时限:…) to its tasks, and is no task itself', () => {
    const text = '1.完成全市农村公益性公墓建设工作。\n责任单位:各县(区)人民政府\n完成时限:2026年6月底前。\n2.规范经营性公墓建设管理。';
    expect(extract(text).map((t) => [t.paragraph, t.deadline.date])).toEqual([
      ['1.完成全市农村公益性公墓建设工作。', '2026-06-30'],
      ['2.规范经营性公墓建设管理。', null],
    ]);
  });

  it('starts a topic ("道路交通方面，…") without the owner of the topic before it', () => {
    const text = '会议要求，东湖街道要加强宣传，提高全社会交通安全意识。森林防火方面，要大力推行网格化巡查，建立火情台账。';
    expect(extract(text).map((t) => owners(t.leadUnits))).toEqual([['东湖街道'], []]);
  });

  it('reads the wrapped lines of a PDF page as sentences, and gives spans in the text as it came', () => {
    const wrap = (paragraph: string) => paragraph.match(/.{1,26}/gu)!.join('\n');
    const paragraph = '市公安局要在全市范围内开展“断卡”专项行动，对涉诈电话卡和银行卡开展集中清理，2026 年 6 月 30 日前完成对全市营业网点的排查。东湖街道要组织网格员逐户走访辖区内的独居老人，开展面对面的反诈宣传，做到应宣尽宣不留死角，并将走访情况逐户登记造册，形成工作台账备查。';
    const text = `一、工作任务\n${wrap(paragraph)}\n二、工作要求`;
    const tasks = extract(text);
    expect(tasks.map((t) => [owners(t.leadUnits), t.deadline.date])).toEqual([
      [['市公安局'], '2026-06-30'],
      [['东湖街道'], null],
    ]);
    for (const task of tasks) expect(task.paragraph).toBe(text.slice(task.start, task.end));
    expect(tasks[0].paragraph).toContain('\n');
  });

  it('dates the sentences of a step by the end of the dates its heading gives, and proposes no heading', () => {
    const text = '四、工作步骤\n（一）动员部署阶段（2026年4月1日至4月17日）。\n东湖街道要对辖区进行拉网式排查，建立整治台账。\n（二）集中整治阶段（2026年4月18日至6月30日）。\n东湖街道要开展集中整治。';
    expect(extract(text).map((t) => [t.paragraph, t.deadline.date])).toEqual([
      ['东湖街道要对辖区进行拉网式排查，建立整治台账。', '2026-04-17'],
      ['东湖街道要开展集中整治。', '2026-06-30'],
    ]);
  });

  it('reads the figures after a year\'s goal label under 总体要求 as that year\'s goals, to the paragraph\'s end', () => {
    const text = '一、总体要求\n以习近平新时代中国特色社会主义思想为指导,全面治理欠薪。2026年主要目标是:欠薪线索按期办结率96%以上;农民工工资保证金存储率保持100%,实名制运行率达70%以上;齐抓共管的工作格局基本形成。\n二、重点任务';
    expect(extract(text).map((t) => [t.deadline.date, t.target?.comparator, t.target?.value])).toEqual([
      ['2026-12-31', '>=', 96],
      ['2026-12-31', '>=', 100],
      ['2026-12-31', '>=', 70],
    ]);
  });

  it('reads a step opening its paragraph unnumbered, or after the words announcing the steps, and ends its dates at a step named without them', () => {
    const text = '专项整治分三个阶段:排查清理阶段(2026年5月10日至5月31日),各部门要开展排查活动,对违法发布广告的企业责令整改。\n活动总结阶段(2026年6月1日至6月15日)。各部门要对前期排查清理情况进行总结汇报。\n督查评估阶段。市处非办要对排查清理活动开展情况进行督查。';
    expect(extract(text).map((t) => [t.paragraph.slice(0, 8), owners(t.leadUnits), t.deadline.date])).toEqual([
      ['专项整治分三个阶', ['各部门'], '2026-05-31'],
      ['各部门要对前期排', ['各部门'], '2026-06-15'],
      ['市处非办要对排查', ['市处非办'], null],
    ]);
  });

  it('reads a step numbered by its own name ("第二阶段：检查整改（…）") as a heading with its dates', () => {
    const text = '四、工作步骤\n第一阶段:动员摸底(2026年3月16日前)。\n东湖街道要对辖区进行拉网式排查，建立整治台账。\n第二阶段:检查整改(2026年4月16日至2026年10月30日)。\n东湖街道要开展集中整治。';
    expect(extract(text).map((t) => [t.paragraph, t.deadline.date])).toEqual([
      ['东湖街道要对辖区进行拉网式排查，建立整治台账。', '2026-03-16'],
      ['东湖街道要开展集中整治。', '2026-10-30'],
    ]);
  });

  it('dates the sentences of a step whose heading opens its first sentence, its dates written with a dash', () => {
    const text = '（一）准备阶段（即日起—2026年3月31日）东湖街道要组织开展一轮企业核查；对社区民警组织开展培训。\n（二）宣传阶段（2026年4月1日—6月30日）。\n东湖街道要走访辖区企业。';
    expect(extractTasks(text, context, { model: null }).map((t) => [t.paragraph, owners(t.leadUnits), t.deadline.date])).toEqual([
      ['（一）准备阶段（即日起—2026年3月31日）东湖街道要组织开展一轮企业核查；', ['东湖街道'], '2026-03-31'],
      ['对社区民警组织开展培训。', ['东湖街道'], '2026-03-31'],
      ['东湖街道要走访辖区企业。', ['东湖街道'], '2026-06-30'],
    ]);
  });

  it('dates each clause after "2026年的主要预期目标是：" or "今年…主要指标为：" to that year\'s end', () => {
    const tasks = extractTasks('2026年的主要预期目标是：地区生产总值增长7.5%；城镇新增就业70万人；居民消费价格涨幅控制在3%左右。\n今年全市主要指标分别为：森林覆盖率达到45%。', context, { model: null });
    expect(tasks.map((t) => [t.paragraph, t.deadline.date])).toEqual([
      ['2026年的主要预期目标是：地区生产总值增长7.5%；', '2026-12-31'],
      ['城镇新增就业70万人；', '2026-12-31'],
      ['居民消费价格涨幅控制在3%左右。', '2026-12-31'],
      ['今年全市主要指标分别为：森林覆盖率达到45%。', '2026-12-31'],
    ]);
  });

  it('dates the projects a year\'s list includes ("2026年为民办实事项目主要包括：") to that year\'s end', () => {
    const tasks = extractTasks('2026年为民办实事项目主要包括:建设30家智慧养老院,新增500张养护床位,完成5000户适老化改造。', context, { model: null });
    expect(tasks.map((t) => [t.target?.value, t.deadline.date])).toEqual([
      [30, '2026-12-31'],
      [500, '2026-12-31'],
      [5000, '2026-12-31'],
    ]);
  });

  it('dates the months of points after "2027年任务：" in that year, to the paragraph\'s end', () => {
    const text = '2026年任务：一是完成村庄分类工作；二是10月底前完成评估。\n2027年任务：一是4月底前完成村庄规划评估工作；二是10月底前完成修编。\n6月底前完成验收。';
    expect(extractTasks(text, context, { model: null }).map((t) => [t.paragraph.slice(0, 4), t.deadline.date])).toEqual([
      ['二是10', '2026-10-31'],
      ['一是4月', '2027-04-30'],
      ['二是10', '2027-10-31'],
      ['6月底前', '2026-06-30'],
    ]);
  });

  it('reads a short act asked of a subject ("责任单位要每周一调度") as a task of its own', () => {
    const tasks = extractTasks('责任单位、建设单位要每周一调度,分管领导要经常过问跟进进度,督查人员要每日一督查,紧盯时间节点。', context, { model: null });
    expect(tasks[0]).toMatchObject({ paragraph: '责任单位、建设单位要每周一调度,', deadline: { cycle: 'weekly' } });
    expect(owners(tasks[0].leadUnits)).toEqual(['责任单位', '建设单位']);
  });

  it('gives the unit a heading is named for, its other names in brackets, the duties under it', () => {
    const text = '（一）综合办公室（党群工作部、监察室）\n（1）年度主要任务与要求：\n①在相关新闻媒体完成上稿8篇；②每月拿出部门当月小结和下月计划。\n（二）招商合作局\n（1）年度主要任务与要求：\n①年内新引进工业项目5个以上。';
    expect(extractTasks(text, context, { model: null }).map((t) => owners(t.leadUnits))).toEqual([['综合办公室'], ['综合办公室'], ['招商合作局']]);
  });

  it('gives the unit a heading names as leading ("东湖街道牵头工作（2项）") to the items under it', () => {
    const text = '附件1\n一、东湖街道牵头工作（2项）\n1.建设3个社区反诈宣传站。推动宣传站年底前投入使用。\n2.打造反诈宣传一条街。\n二、市公安局牵头工作（1项）\n3.开展“断卡”专项行动。';
    expect(extractTasks(text, context, { model: null }).map((t) => [t.requirement, owners(t.leadUnits)])).toEqual([
      ['建设3个社区反诈宣传站', ['东湖街道']],
      ['推动宣传站投入使用', ['东湖街道']],
      ['打造反诈宣传一条街', ['东湖街道']],
      ['开展“断卡”专项行动', ['市公安局']],
    ]);
  });

  it('reads no deadline from a slogan in quotes', () => {
    const [task] = extract('东湖街道要严格按照“年初建账、逐月查账、年底交账”的要求，建立重点人员台账。');
    expect(task.deadline).toEqual({ text: null, date: null, cycle: null });
  });

  it('reads the things a plan counts out to build as targets, not as units heading its item', () => {
    const tasks = extractTasks('（一）建设或改造1个县级农村电子商务公共服务中心、350个以上村级服务站。\n各乡镇要按期完成站点建设。', context, { model: null });
    expect(tasks.every((t) => t.leadUnits.every((o) => !/\d/.test(o.text)))).toBe(true);
    expect(tasks.find((t) => t.paragraph.startsWith('各乡镇'))?.leadUnits.map((o) => o.text)).toEqual(['各乡镇']);
  });

  it('gives the work asked after a statement about a unit to that unit, in the same item', () => {
    const [task] = extract('县教体局始终把教育作为重中之重的工作来抓。近年来不断加大教育投入。2022年6月底前完成尚店中学建设工作。');
    expect(task.leadUnits.map((o) => o.text)).toEqual(['县教体局']);
    expect(extract('近年来不断加大教育投入。2022年6月底前完成尚店中学建设工作。')[0].leadUnits).toEqual([]);
  });

  it('reads the rhythm of a mechanism in quotes as its cycles, one task each', () => {
    const tasks = extract('各镇街要严格执行“日管控、周排查、月调度”工作机制，全面落实安全主体责任。');
    expect(tasks.map((t) => t.deadline.cycle)).toEqual(['weekly', 'monthly']);
    expect(tasks.map((t) => t.leadUnits.map((o) => o.text))).toEqual([['各镇街'], ['各镇街']]);
  });

  it('returns nothing for an empty text', () => {
    expect(extract('')).toEqual([]);
  });
});
