import { clauseTargets, findTargets, metricBefore, tableTargets } from './targets';

const read = (clause: string) => findTargets(clause).map(({ metric, comparator, value, unit }) => ({ metric, comparator, value, unit }));

describe('findTargets', () => {
  it.each([
    ['所有社区、村居的安装率达到辖区总人口数的60%以上', { metric: '安装率', comparator: '>=', value: 60, unit: '%' }],
    ['注册率不低于95%', { metric: '注册率', comparator: '>=', value: 95, unit: '%' }],
    // a space after the comparator; 万 with an area
    ['重点公益林保有量超过 1.33万公顷', { metric: '重点公益林保有量', comparator: '>=', value: 1.33, unit: '万公顷' }],
    // "超" before a figure is "more than", as 超过 is
    ['汽车ETC安装率超80%', { metric: '汽车ETC安装率', comparator: '>=', value: 80, unit: '%' }],
    ['发案增幅控制在5%以内', { metric: '发案增幅', comparator: '<=', value: 5, unit: '%' }],
    ['劝阻成功率提升至90.5%', { metric: '劝阻成功率', comparator: '>=', value: 90.5, unit: '%' }],
    ['案件数同比下降10%', { metric: '案件数下降', comparator: '>=', value: 10, unit: '%' }],
    ['保持全市资金预警预后零转账', { metric: '资金预警预后转账', comparator: '=', value: 0, unit: null }],
    ['确保辖区零发案', { metric: '辖区发案', comparator: '=', value: 0, unit: null }],
    ['确保实现夏季禁烧“零火点”目标', { metric: '火点', comparator: '=', value: 0, unit: null }],
    ['滞留境外涉诈高危人员动态清零', { metric: '滞留境外涉诈高危人员', comparator: '=', value: 0, unit: null }],
    ['首批100个示范社区全面建成', { metric: '示范社区', comparator: '=', value: 100, unit: '个' }],
    ['50%的城市社区建成服务综合体', { metric: '城市社区', comparator: '>=', value: 50, unit: '%' }],
    ['70%以上民生事项实现“一证通办”', { metric: '民生事项', comparator: '>=', value: 70, unit: '%' }],
    ['30%以上的行政村达到“四美乡村”建设标准', { metric: '行政村', comparator: '>=', value: 30, unit: '%' }],
    // comparators written as signs or as 不超; a share without a comparator word; weights in 斤
    ['重点县综合利用率≥90%', { metric: '重点县综合利用率', comparator: '>=', value: 90, unit: '%' }],
    ['确保一般情况下用眼时间不超45分钟', { metric: '一般情况下用眼时间', comparator: '<=', value: 45, unit: '分钟' }],
    ['第三季度:完成工作任务的90%以上', { metric: '完成工作任务', comparator: '>=', value: 90, unit: '%' }],
    ['全年粮食总产量保持在700亿斤以上', { metric: '全年粮食总产量', comparator: '>=', value: 700, unit: '亿斤' }],
    ['全市政务服务事项100%实现网上可办', { metric: '政务服务事项网上可办', comparator: '>=', value: 100, unit: '%' }],
    ['60%以上实现掌上可办', { metric: '掌上可办', comparator: '>=', value: 60, unit: '%' }],
    ['力争累计建成高标准农田13.5亿亩', { metric: '建成高标准农田', comparator: '=', value: 13.5, unit: '亿亩' }],
    ['紧急止付响应时间控制在5分钟以内', { metric: '紧急止付响应时间', comparator: '<=', value: 5, unit: '分钟' }],
    ['制作反诈公益短视频不少于20部', { metric: '制作反诈公益短视频', comparator: '>=', value: 20, unit: '部' }],
    ['确保预警劝阻率达到95%的目标', { metric: '预警劝阻率', comparator: '>=', value: 95, unit: '%' }],
    // a multiplier before a counted thing; 万张, 万户, 万人次 stay units of their own
    ['发放宣传资料不少于5万份', { metric: '发放宣传资料', comparator: '>=', value: 5, unit: '万份' }],
    ['清理涉诈电话卡达到1.2万张', { metric: '清理涉诈电话卡', comparator: '>=', value: 1.2, unit: '万张' }],
    // at least, with the verb between
    ['全县每个社区至少举办1场', { metric: '每个社区举办', comparator: '>=', value: 1, unit: '场' }],
    // measures and their multipliers
    ['细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下', { metric: '细颗粒物(PM2.5)年均浓度', comparator: '<=', value: 29, unit: '微克每立方米' }],
    ['全市用水总量控制在11.88亿立方米以内', { metric: '用水总量', comparator: '<=', value: 11.88, unit: '亿立方米' }],
    ['确保粮食总产稳定在120万吨以上', { metric: '粮食总产', comparator: '>=', value: 120, unit: '万吨' }],
    ['人均预期寿命达82.4岁', { metric: '人均预期寿命', comparator: '>=', value: 82.4, unit: '岁' }],
    // livestock by the head, trillions of yuan
    ['生猪存栏量达到1560万头', { metric: '生猪存栏量', comparator: '>=', value: 1560, unit: '万头' }],
    ['社零额达到2.48万亿元', { metric: '社零额', comparator: '>=', value: 2.48, unit: '万亿元' }],
    ['城乡居民免费健康体检人数达1000万', { metric: '城乡居民免费健康体检人数', comparator: '>=', value: 1000, unit: '万' }],
    ['乡级、村级河长巡河不少于2公里', { metric: '村级河长巡河', comparator: '>=', value: 2, unit: '公里' }],
    ['为退休妇女免费检查不少于2.5万名', { metric: '为退休妇女免费检查', comparator: '>=', value: 2.5, unit: '万名' }],
    // a range: at least its lower end
    ['近期在全市组织3-5次联合执法行动', { metric: '近期在全市组织', comparator: '>=', value: 3, unit: '次' }],
    ['引进2-3个专业服务机构', { metric: '引进', comparator: '>=', value: 2, unit: '个' }],
    // a rate written with its figure, no comparator word
    ['居民消费价格涨幅3%左右', { metric: '居民消费价格涨幅', comparator: '=', value: 3, unit: '%' }],
    ['免疫标识挂标率100%', { metric: '免疫标识挂标率', comparator: '=', value: 100, unit: '%' }],
    ['城镇调查失业率5%以内', { metric: '城镇调查失业率', comparator: '<=', value: 5, unit: '%' }],
  ])('%s', (clause, target) => {
    expect(read(clause)).toEqual([target]);
  });

  it.each([
    ['全市新建5G基站2600个以上', { metric: '新建5G基站', comparator: '>=', value: 2600, unit: '个' }],
    // at least, counted in words; a strict bound read as the goal's bound
    ['每月至少开展一次集中宣传', { metric: '每月开展', comparator: '>=', value: 1, unit: '次' }],
    ['确保第一时间至少有两种手段', { metric: '第一时间有', comparator: '>=', value: 2, unit: '种' }],
    ['辖区内普通省道优良路率大于91%', { metric: '辖区内普通省道优良路率', comparator: '>=', value: 91, unit: '%' }],
    ['空置率小于5%', { metric: '空置率', comparator: '<=', value: 5, unit: '%' }],
    ['统一社会信用代码重错码率低于1‱', { metric: '统一社会信用代码重错码率', comparator: '<=', value: 1, unit: '‱' }],
    ['农民工工资保证金存储率保持100%', { metric: '农民工工资保证金存储率', comparator: '>=', value: 100, unit: '%' }],
    // more verbs of a plan's counted work
    ['力争全年盘活存量土地400亩', { metric: '盘活存量土地', comparator: '=', value: 400, unit: '亩' }],
    ['统筹谋划121个储备项目', { metric: '谋划', comparator: '=', value: 121, unit: '个' }],
    ['制作反诈宣传展板20幅以上', { metric: '制作反诈宣传展板', comparator: '>=', value: 20, unit: '幅' }],
    ['种植行道树苗木8000株', { metric: '种植行道树苗木', comparator: '=', value: 8000, unit: '株' }],
    ['维修人民银行南侧公厕1个', { metric: '维修人民银行南侧公厕', comparator: '=', value: 1, unit: '个' }],
    ['2022年,继续治理300条背街小巷', { metric: '治理', comparator: '=', value: 300, unit: '条' }],
    ['在全省义务教育中小学新建、改扩建厕所250个', { metric: '新建厕所', comparator: '=', value: 250, unit: '个' }],
    ['累计建成5G基站1万个', { metric: '建成5G基站', comparator: '=', value: 1, unit: '万个' }],
    ['组织开展残疾人职业技能培训1300人次以上', { metric: '组织开展残疾人职业技能培训', comparator: '>=', value: 1300, unit: '人次' }],
    ['改建认知障碍照护床位220张', { metric: '改建认知障碍照护床位', comparator: '=', value: 220, unit: '张' }],
    ['建设改善30间生产一线职工工间休息室', { metric: '建设改善', comparator: '=', value: 30, unit: '间' }],
    ['新辟公交线路10条', { metric: '新辟公交线路', comparator: '=', value: 10, unit: '条' }],
  ])('a count after a verb: %s', (clause, target) => {
    expect(read(clause)).toEqual([target]);
  });

  it('reads a threshold without a comparator word: 制造业投资1000亿元以上', () => {
    expect(read('带动未来五年制造业投资1000亿元以上')).toEqual([{ metric: '未来五年制造业投资', comparator: '>=', value: 1000, unit: '亿元' }]);
  });

  it('reads 人次 as one unit after a comparator', () => {
    expect(read('培训人数达到1300人次以上')).toEqual([{ metric: '培训人数', comparator: '>=', value: 1300, unit: '人次' }]);
  });

  it('reads two targets; one without words before it takes the metric of the one before', () => {
    expect(read('实名率达到96%、年底前达到100%')).toEqual([
      { metric: '实名率', comparator: '>=', value: 96, unit: '%' },
      { metric: '实名率', comparator: '>=', value: 100, unit: '%' },
    ]);
    expect(read('安装率达到60%以上，企业安装率要达到100%').map((t) => t.metric)).toEqual(['安装率', '企业安装率']);
  });

  it.each([
    // a campaign's name or its climax is no target
    '结合日前部署的非煤矿山“百日清零”专项行动,对照问题清单整改',
    '全面联动形成合力,掀起治欠清零高潮',
    '下周,我委将对未清零的县(市)区进行专项督导',
    '继续按不高于2017年征收标准征收',
    '在职职工总数30人(含)以下的企业',
    '下调工伤保险费率50%的政策',
    // a share in a breakdown of what was received
    '农林水类提案16件,占比15.5%',
    // a slogan counting standards, and a span of months
    '严格遵守扬尘治理8个100%标准',
    '2-3个月内完成整改',
    '传达会议精神',
    // a time limit, not a count
    '各区要在15个工作日内完成本辖区劝阻力量的配备',
    '3个月内完成整改',
    '通过专项整治3个月',
    '针对目前正在实施的5个老旧小区改造项目',
    // a figure picking out whom a measure applies to
    '对名下电话卡超过5张的用户开展二次实名核验',
    '对一个月内涉诈电话卡达到3张以上的网点一律暂停业务',
    '对单笔损失50万元以上的案件实行挂牌督办',
    '坚决杜绝一次死亡3人以上或直接经济损失1000万元以上的较大安全事故',
  ])('%s holds no target', (clause) => {
    expect(read(clause)).toEqual([]);
  });

  it('keeps the text and offset of each target', () => {
    const clause = '确保安装率达到60%以上';
    const [target] = findTargets(clause);
    expect(clause.slice(target.index, target.index + target.text.length)).toBe(target.text);
  });

  it('takes the metric from the words before, back to a comma or 的', () => {
    expect(metricBefore('确保所有村居的安装率', 10)).toBe('安装率');
    expect(metricBefore('全市企业安装率要', 8)).toBe('企业安装率');
    expect(metricBefore('市委宣传部、市文化广电旅游局要联合制作反诈公益短视频', 27)).toBe('制作反诈公益短视频');
    expect(metricBefore('重要场所覆盖率', 7)).toBe('重要场所覆盖率');
  });
});

describe('tableTargets: every figure of a quantitative task table is a target', () => {
  const table = (cell: string) => tableTargets(cell).map(({ comparator, value, unit }) => [comparator, value, unit]);

  it.each([
    ['居民消费价格涨幅3%左右', [['=', 3, '%']]],
    // 万 stays in the unit as written
    ['城镇新增就业1000万人以上', [['>=', 1000, '万人']]],
    ['安排财政赤字2.18万亿元,赤字率提高到3%', [['=', 2.18, '万亿元'], ['>=', 3, '%']]],
    ['中央财政安排1000亿元专项奖补资金,重点用于职工分流安置,2016年安排500亿元', [['=', 1000, '亿元'], ['=', 500, '亿元']]],
    ['推进5万个行政村通光纤', [['=', 5, '万个']]],
    ['再开工20项重大水利工程', [['=', 20, '项']]],
    ['烟花爆竹', []],
  ])('%s', (cell, targets) => {
    expect(table(cell)).toEqual(targets);
  });

  it('reads a time cut to a limit, and figures listed after a target', () => {
    expect(read('审批时间压缩至100个工作日以内')).toEqual([{ metric: '审批时间', comparator: '<=', value: 100, unit: '个工作日' }]);
    expect(read('创建比例分别要达到60%、80%').map((t) => [t.comparator, t.value])).toEqual([['>=', 60], ['>=', 80]]);
  });

  it('reads energy, land and counted things with their own units', () => {
    expect(read('全年新增光伏装机5万千瓦以上')).toEqual([{ metric: '新增光伏装机', comparator: '>=', value: 5, unit: '万千瓦' }]);
    expect(read('新增公共充电设施260根以上')).toEqual([{ metric: '新增公共充电设施', comparator: '>=', value: 260, unit: '根' }]);
    expect(read('保障全社会电量供给35亿千瓦时左右').map((t) => [t.comparator, t.value, t.unit])).toEqual([['=', 35, '亿千瓦时']]);
  });

  it('reads "左右" as about that figure, in prose too', () => {
    expect(read('努力实现地区生产总值增长6.2%左右')).toEqual([{ metric: '地区生产总值增长', comparator: '=', value: 6.2, unit: '%' }]);
    expect(read('失业率控制在5%左右')).toEqual([{ metric: '失业率', comparator: '=', value: 5, unit: '%' }]);
  });
});

describe('clauseTargets: a clause that sets a target sets each figure it lists beside it', () => {
  const listed = (clause: string) => clauseTargets(clause).map(({ comparator, value, unit }) => [comparator, value, unit]);
  it.each([
    // a run of goals after one verb
    ['力争新增国家5A级旅游景区1家、国家4A级旅游景区2家,新增省级旅游度假区1家。', [['=', 1, '家'], ['=', 2, '家'], ['=', 1, '家']]],
    ['全市实现城镇新增就业12.2万人,城镇失业人员再就业0.85万人,城镇登记失业率控制在3.5%以内。', [['=', 12.2, '万人'], ['=', 0.85, '万人'], ['<=', 3.5, '%']]],
    ['新增公交线路6条,优化公交线路9条;', [['=', 6, '条'], ['=', 9, '条']]],
    // a figure listed with its own bound is read once
    ['全市欠薪案件涉及人数、金额同比分别下降12%以上、15%以上,', [['>=', 12, '%'], ['>=', 15, '%']]],
    ['实名制、代发制运行率分别达85%以上、70%以上、85%以上;', [['>=', 85, '%'], ['>=', 70, '%'], ['>=', 85, '%']]],
    // verbs of output that count what they give (增加, 认定, 开放, 支持, 宣树…), and buildings counted in 栋 and 套
    ['增加学位5000个,其中幼儿园420个,中小学4580个。', [['=', 5000, '个'], ['=', 420, '个'], ['=', 4580, '个']]],
    ['新认定市级示范基地10个、宣树市级“乡村出彩巧媳妇”30名;', [['=', 10, '个'], ['=', 30, '名']]],
    ['支持成功自主创业2000人,支持大学生创业240人;', [['=', 2000, '人'], ['=', 240, '人']]],
    ['左云县计划改造老旧小区46个,131栋楼,5075套房;', [['=', 46, '个'], ['=', 131, '栋'], ['=', 5075, '套']]],
    ['计划今年新增安全警示标志61块、道口标柱150根。', [['=', 61, '块'], ['=', 150, '根']]],
    ['2016年,免费开放6个公共图书馆,6个文化馆,1个美术馆。', [['=', 6, '个'], ['=', 6, '个'], ['=', 1, '个']]],
    // the thing counted after its figure
    ['为全省不少于900所中小学建设不少于6500间多媒体教室、500间信息技术教室。', [['>=', 900, '所'], ['>=', 6500, '间'], ['=', 500, '间']]],
  ])('%s', (clause, expected) => {
    expect(listed(clause)).toEqual(expected);
  });

  it.each([
    // no target set, no figure read: a count in passing is not a goal
    '各村选派2名网格员参加培训。',
    // a span of time is no figure
    '专项整治1-2个月内完成宣传覆盖率达到100%。',
    // a report of what was done
    '已完成市政中压管道0.5公里,建成率达到80%,四联东路1.25公里。',
    // a figure picking out a group
    '100人以上的学校专职保安配备率达到100%。',
  ])('%s reads no figure beyond its target', (clause) => {
    expect(clauseTargets(clause)).toEqual(findTargets(clause));
  });

  it('names what a figure counts from the words after it when none stand before', () => {
    expect(clauseTargets('建设不少于6500间多媒体教室、500间信息技术教室。')[1].metric).toBe('信息技术教室');
  });
});

describe('metricBefore: what a figure measures', () => {
  it.each([
    // a deadline opening the words is the task's, not the metric's
    ['6月底前实现预警信息当日处置率达到95%', '预警信息当日处置率'],
    ['年底前全市安装注册率达到60%', '安装注册率'],
    ['2026年底前建成率达到90%', '建成率'],
    ['月底前完成率达到80%', '完成率'],
    ['一季度末覆盖率达到50%', '覆盖率'],
    ['宣传部要联合制作短视频达到10条', '制作短视频'],
  ])('%s → %s', (clause, metric) => {
    expect(metricBefore(clause, clause.indexOf('达到'))).toBe(metric);
  });
});
