import { publishedCalendar } from '../../calendar/calendar-data';
import { WorkingCalendar } from '../../calendar/working-calendar';
import { DeadlineContext, findDeadlines, holdsOn, readNumber, reportDayOf } from './deadlines';

const calendar = new WorkingCalendar(publishedCalendar());
const at = (documentDate: string): DeadlineContext => ({ documentDate, addWorkingDays: (s, n) => calendar.addWorkingDays(s, n) });
const read = (clause: string, documentDate = '2026-03-02') => findDeadlines(clause, at(documentDate)).map(({ text, date, cycle }) => ({ text, date, cycle }));

describe('readNumber', () => {
  it.each([['5', 5], ['十', 10], ['十二', 12], ['二十', 20], ['三', 3], ['二十五', 25]])('%s → %i', (written, n) => expect(readNumber(written)).toBe(n));
  it('is NaN for what is no number', () => expect(readNumber('半')).toBeNaN());
});

describe('reportDayOf: the day standing work reports on, as its deadline says it', () => {
  it.each<[string, Parameters<typeof reportDayOf>[1], number]>([
    ['每月5日前报送', 'monthly', 5],
    ['每月十日前', 'monthly', 10],
    ['每月30日前', 'monthly', 30],
    ['每月月底', 'monthly', 31],
    ['每月末', 'monthly', 31],
    ['每季度末', 'quarterly', 31],
    ['每季度末月20日前', 'quarterly', 20],
    ['每季度最后一个月', 'quarterly', 5],
    ['每季度末月', 'quarterly', 5],
    ['每月报送', 'monthly', 5],
    ['每周五前', 'weekly', 5],
    ['每周一', 'weekly', 1],
    ['每周星期三', 'weekly', 3],
    ['每周', 'weekly', 5],
  ])('%s (%s): %i', (text, cycle, day) => expect(reportDayOf(text, cycle)).toBe(day));
});

describe('findDeadlines', () => {
  it.each([
    ['2026年9月30日前完成整改', '2026-09-30'],
    ['9月30日前报送', '2026-09-30'],
    ['6月底前完成', '2026-06-30'],
    ['2022年10月底前编制并公布清单', '2022-10-31'],
    ['六月底前完成', '2026-06-30'],
    ['年底前全部建成', '2026-12-31'],
    ['年内完成', '2026-12-31'],
    ['到2027年底前推开', '2027-12-31'],
    ['上半年完成安装', '2026-06-30'],
    ['2022年上半年所有社区安装率达到60%', '2022-06-30'],
    ['一季度末前完成', '2026-03-31'],
    ['第三季度完成', '2026-09-30'],
    ['服务业增加值占GDP比重“十二五”末要达到45%', '2015-12-31'],
    ['到“十四五”期末建成', '2025-12-31'],
  ])('%s → %s', (clause, date) => {
    expect(read(clause)[0]).toMatchObject({ date, cycle: null });
  });

  it('reads a year as the time frame ("到2025年，" "2022年，全市…") as its last day, not a year as a topic', () => {
    expect(read('到2025年,全市新增就业800人以上', '2023-03-13')[0].date).toBe('2025-12-31');
    expect(read('2022年,全市新建5G基站2600个以上', '2022-12-02')[0].date).toBe('2022-12-31');
    expect(read('2025年实现“两降两升”核心指标', '2025-03-01')[0].date).toBe('2025-12-31');
    expect(read('2022年至2024年全年总发案逐年下降5%', '2021-07-01').map((d) => d.date)).toEqual(['2024-12-31']);
    expect(read('2016年是全面建成小康社会决胜阶段的开局之年', '2016-05-28')).toEqual([]);
    expect(read('2013年前,省直部门要建成网上办事大厅', '2012-06-13')[0].date).toBe('2013-12-31');
    expect(read('2021年计划投资2500万元再建27公里农村道路', '2020-12-20')[0].date).toBe('2021-12-31');
    expect(read('云塑小镇项目2021年二期计划投资20亿元', '2020-12-20')[0].date).toBe('2021-12-31');
    expect(read('现将《2021年县委、县政府为民办实事工作计划》印发给你们', '2021-03-01')).toEqual([]);
    expect(read('拱墅区“清洁排放区”建设暨大气污染防治2018年实施计划', '2018-03-01')).toEqual([]);
    expect(read('2019年以前建成的小区', '2021-05-01')).toEqual([]);
  });

  it('reads a date a web page wrote with spaces, and gives its words as written', () => {
    expect(read('市创城办将于 7 月 12 日对以上4个社区开展督查')).toEqual([{ text: '7 月 12 日', date: '2026-07-12', cycle: null }]);
    expect(read('请于2026 年 9 月底前完成')).toEqual([{ text: '2026 年 9 月底前', date: '2026-09-30', cycle: null }]);
    expect(findDeadlines('将于 7 月 12 日开展', at('2026-03-02'))[0].index).toBe(3);
  });

  it('reads this week and next week as their Friday, or the day named', () => {
    expect(read('电信将于本周内将自查情况报联席办', '2021-03-03')[0]).toMatchObject({ text: '本周内', date: '2021-03-05', cycle: null });
    expect(read('将于下周汇总报联席办', '2021-03-03')[0].date).toBe('2021-03-12');
    expect(read('下周三前报送', '2026-03-02')[0].date).toBe('2026-03-11');
    expect(read('每周五报送', '2026-03-02')[0]).toMatchObject({ cycle: 'weekly' });
    expect(read('本周期内', '2026-03-02')).toEqual([]);
    expect(read('每周五下午5点前将本周工作进展报送', '2026-03-02').map((d) => d.cycle)).toEqual(['weekly']);
  });

  it('reads a weekday before which as the next such day, and this month\'s or next month\'s end', () => {
    // 2018-05-07 is a Monday
    expect(read('周四之前把拆迁问题整理成台账', '2018-05-07')[0]).toMatchObject({ text: '周四之前', date: '2018-05-10' });
    expect(read('周四之前把拆迁问题整理成台账', '2018-05-10')[0].date).toBe('2018-05-10');
    expect(read('星期一前报送', '2018-05-08')[0].date).toBe('2018-05-14');
    expect(read('本月底要完成征地协议', '2020-10-12')[0]).toMatchObject({ text: '本月底', date: '2020-10-31' });
    expect(read('下月中旬前报送', '2020-12-03')[0].date).toBe('2021-01-20');
    expect(read('所有危旧房屋本月15日之前必须拆除', '2018-09-05')[0]).toMatchObject({ text: '本月15日之前', date: '2018-09-15' });
    expect(read('下月五日前报送', '2020-12-03')[0].date).toBe('2021-01-05');
    // A day of this month without 前 is when something happens, not a deadline.
    expect(read('本月15日召开推进会', '2018-09-05')).toEqual([]);
  });

  it('reads the day of a cycle written after the cycle, and a cycle starting from a month', () => {
    expect(read('从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前报送', '2023-02-10')[0]).toMatchObject({ date: '2023-03-30', cycle: 'quarterly' });
    expect(read('每月工作开展情况请于10日前报送', '2023-05-20')[0]).toMatchObject({ text: '每月', date: '2023-06-10', cycle: 'monthly' });
    expect(read('从2022年3月起,务于每月25日前报送', '2022-02-16')[0]).toMatchObject({ date: '2022-03-25', cycle: 'monthly' });
    expect(read('汇总后每月在10日、25日前将报表报镇安监站', '2021-06-03')[0]).toMatchObject({ date: '2021-06-10', cycle: 'monthly' });
  });

  it('reads a month opening a clause that asks for something in it, not a month named in passing', () => {
    expect(read('5月份在全市组织开展一次集中宣传月活动', '2020-04-27')[0]).toMatchObject({ date: '2020-05-31' });
    expect(read('11月份,全市破获案件120起', '2020-04-27')).toEqual([]);
  });

  it('reads a cycle named by its period', () => {
    expect(read('实行“月度盘点+季度研判”动态监管').map((d) => d.cycle)).toEqual(['monthly', 'quarterly']);
  });

  it('puts a month half a year or more past in the next year, one just past in the document\'s year', () => {
    // a notice of late autumn sets next spring's dates
    expect(read('3月底前完成', '2026-11-20')[0].date).toBe('2027-03-31');
    expect(read('6月底前完成', '2026-12-01')[0].date).toBe('2027-06-30');
    // a plan published a little after it was written keeps its own year
    expect(read('2月底前完成', '2026-03-02')[0].date).toBe('2026-02-28');
    expect(read('3月底前完成', '2026-07-10')[0].date).toBe('2026-03-31');
    expect(read('3月2日前完成', '2026-03-02')[0].date).toBe('2026-03-02');
  });

  it('reads a span of days in one month to its last day, and an hour before 前 as part of the day', () => {
    expect(read('6月1日至30日,县电视台每天滚动播出安全生产公益广告', '2010-05-20').map((d) => d.date)).toEqual(['2010-06-30']);
    expect(read('各村民小组须在12月2日下午前将调查表报送', '2011-12-01').map((d) => d.date)).toEqual(['2011-12-02']);
    expect(read('请于5月16日17:00前报送', '2025-05-10').map((d) => d.date)).toEqual(['2025-05-16']);
    // an hour with no 前 is when something happened
    expect(read('10月16日上午,我市召开联席会议', '2025-10-10')).toEqual([]);
  });

  it('dates a figure asked for this year at its end, not one reported since the year began', () => {
    expect(read('今年市区空气质量优良率要达到90%', '2022-03-01').map((d) => d.date)).toEqual(['2022-12-31']);
    expect(read('今年以来全县空气质量优良率达到90%', '2022-03-01')).toEqual([]);
  });

  it('dates what is to be done this year (力争今年…, 今年将…) at its end, not this year named as a topic or a month of it', () => {
    expect(read('要统筹协调,压实责任,力争今年圆满实现创建目标', '2020-06-25').map((d) => d.date)).toEqual(['2020-12-31']);
    expect(read('《方案》提出,今年确保全面建立河长制运行机制', '2017-03-10').map((d) => d.date)).toEqual(['2017-12-31']);
    expect(read('市妇联今年将科学制定新周期妇女儿童发展规划', '2022-02-20').map((d) => d.date)).toEqual(['2022-12-31']);
    expect(read('确保今年8月底前全面完成排查', '2022-05-10').map((d) => d.date)).toEqual(['2022-08-31']);
    expect(read('今年要求各地加快进度', '2022-05-10')).toEqual([]);
    expect(read('今年是新中国成立75周年', '2024-03-10')).toEqual([]);
  });

  it('dates a five-year plan\'s years as the time frame of a goal at their last day, not the plan named inside a phrase', () => {
    expect(read('“十四五”期间,城镇新增就业23.5万人以上', '2022-06-01').map((d) => d.date)).toEqual(['2025-12-31']);
    expect(read('我市“十四五”期间力争成功申报1家以上示范村', '2021-08-01').map((d) => d.date)).toEqual(['2025-12-31']);
    expect(read('全力推进“十四五”期间规划新(改)扩建的学校建设', '2022-02-01')).toEqual([]);
    expect(read('及早谋划“十四五”时期进一步打响品牌的思路举措', '2020-05-01')).toEqual([]);
    expect(read('确保“十二五”期间每年数据真实可靠', '2012-05-01').map((d) => d.text)).toEqual(['每年']);
    expect(read('“十三五”期间是全面建成小康社会的关键时期', '2016-05-01')).toEqual([]);
  });

  it('counts weeks as seven days, and dates a count asked for this year (全年谋划储备项目15个) at its end', () => {
    expect(read('五是要一周内上报问题整改措施意见初稿', '2018-05-18').map((d) => d.date)).toEqual(['2018-05-25']);
    // An ordinal week or day is of an event, not counted from the document's date.
    expect(read('各学校要在开学第一周内组织开展一次反诈主题班会', '2025-08-28')).toEqual([]);
    expect(read('在学期第十一周内完成期中检查', '2025-08-28')).toEqual([]);
    expect(read('两周内完成整改', '2018-05-18').map((d) => d.date)).toEqual(['2018-06-01']);
    expect(read('全年谋划储备项目15个', '2024-03-01').map((d) => d.date)).toEqual(['2024-12-31']);
    expect(read('全年共办理案件15个', '2024-03-01')).toEqual([]);
  });

  it('dates a cycle due at the end of its period by the first such end', () => {
    expect(read('镇河长制办公室将在每月月底将巡河情况上报', '2018-05-10')).toEqual([{ text: '每月月底', date: '2018-05-31', cycle: 'monthly' }]);
    expect(read('每季度末报送工作进展', '2018-05-10')).toEqual([{ text: '每季度末', date: '2018-06-30', cycle: 'quarterly' }]);
    expect(read('每年底报送工作总结', '2018-05-10')).toEqual([{ text: '每年底', date: '2018-12-31', cycle: 'yearly' }]);
    expect(read('每年年底前报送工作总结', '2018-05-10')).toEqual([{ text: '每年年底前', date: '2018-12-31', cycle: 'yearly' }]);
  });

  it('reads one cycle named twice as one, with the due day the second names', () => {
    expect(read('机关各部门每月报送一篇信用信息,每月25日前通过OA系统报综合处', '2018-03-10')).toEqual([{ text: '每月25日前', date: '2018-03-25', cycle: 'monthly' }]);
  });

  it('reads a date in brackets before 之前 ("15周（12月13日）之前")', () => {
    expect(read('均要在15周(12月13日)之前完成出卷任务', '2019-11-14').map((d) => d.date)).toEqual(['2019-12-13']);
  });

  it('keeps how often within a season of the year, not the year', () => {
    expect(read('乡(镇)级河湖长每年的3月至12月每月巡查不少于1次', '2022-06-14')).toEqual([{ text: '每月', date: null, cycle: 'monthly' }]);
    expect(read('村级河湖长每年汛期每周巡查不少于1次', '2022-06-14').map((d) => d.cycle)).toEqual(['weekly']);
  });

  it('reads hours in whole days, and the end of a span written with a dash', () => {
    expect(read('由公安部门牵头，48小时内完成排查', '2020-01-29')).toEqual([{ text: '48小时内', date: '2020-01-31', cycle: null }]);
    expect(read('集中整治时间为3月1日—3月31日', '2021-02-20')).toEqual([{ text: '3月31日', date: '2021-03-31', cycle: null }]);
    expect(read('准备阶段(即日起—2021年3月31日)', '2021-03-15')).toEqual([{ text: '2021年3月31日', date: '2021-03-31', cycle: null }]);
  });

  it('reads a day set as the time node of the work', () => {
    expect(read('二是建立工作群,以4月10日为时间节点,全力以赴抓好展板设计', '2025-03-21')).toEqual([{ text: '4月10日', date: '2025-04-10', cycle: null }]);
  });

  it('reads a month a plan puts an act in, not one an act was done in', () => {
    expect(read('按照计划,我市7月份将完成第一剂次疫苗接种工作', '2021-06-20')).toEqual([{ text: '7月份', date: '2021-07-31', cycle: null }]);
    expect(read('8月份进行招投标工作', '2021-06-20')).toEqual([{ text: '8月份', date: '2021-08-31', cycle: null }]);
    expect(read('今年3月份完成了改造', '2021-06-20')).toEqual([]);
    expect(read('目前已于7月份完成招标', '2021-06-20')).toEqual([]);
    // (a news report's "据了解" is no sign the act was done)
    expect(read('据了解,株洲在8月至11月开展项目建设“百日攻坚”行动', '2022-08-10')).toEqual([{ text: '11月', date: '2022-11-30', cycle: null }]);
  });

  it('reads a monthly due day past a short month as its last day', () => {
    expect(read('县营商办于每月30日前提出上会企业名单建议', '2020-09-01')).toEqual([{ text: '每月30日前', date: '2020-09-30', cycle: 'monthly' }]);
    expect(read('每月31日前报送', '2021-02-01')).toEqual([{ text: '每月31日前', date: '2021-02-28', cycle: 'monthly' }]);
  });

  it('reads each day a monthly cycle lists as a cycle of its own', () => {
    expect(read('请各地于每月9日、19日、28日前报送', '2021-03-01').map((d) => d.date)).toEqual(['2021-03-09', '2021-03-19', '2021-03-28']);
    expect(read('务必于每月15日和30日前报送我办', '2021-02-01').map((d) => [d.date, d.cycle])).toEqual([['2021-02-15', 'monthly'], ['2021-02-28', 'monthly']]);
  });

  it('reads a cycle named by its period in a list of routines', () => {
    expect(read('建立日盯办、周调度、月通报工作机制', '2025-03-10').map((d) => d.cycle)).toEqual(['weekly', 'monthly']);
    expect(read('要建立周调度、月考核机制', '2025-03-10').map((d) => d.cycle)).toEqual(['weekly', 'monthly']);
    expect(read('严格执行日管控、周排查、月调度、季总结工作机制', '2025-03-10').map((d) => d.cycle)).toEqual(['weekly', 'monthly', 'quarterly']);
    // "一月一调度" is once a month, not January; a cycle named twice is one cycle
    expect(read('拆除进度一日一统计,签订协议进度一周一统计,打击处理情况一月一调度', '2025-03-10').map((d) => d.cycle)).toEqual(['weekly', 'monthly']);
    expect(read('遵守每周例会,落实一周一汇报,一月一总结', '2025-03-10').map((d) => d.cycle)).toEqual(['weekly', 'monthly']);
    expect(read('村(居)法律顾问在一月一次驻村问诊期间开展法治讲座', '2025-03-10').map((d) => d.cycle)).toEqual(['monthly']);
    expect(read('一月底前完成', '2025-01-02')).toEqual([{ text: '一月底前', date: '2025-01-31', cycle: null }]);
  });

  it('reads a year framing a figure asked for as its end, not a year compared with', () => {
    expect(read('2018年全省生产总值增长6%左右,固定资产投资增长7%', '2018-02-01')).toEqual([{ text: '2018年', date: '2018-12-31', cycle: null }]);
    expect(read('茶叶投产面积较2019年增长10%以上', '2020-03-01')).toEqual([]);
    expect(read('追回违规基金总额不低于2025年水平', '2026-02-12')).toEqual([]);
  });

  it('reads a year the text says something is to be or will be done in as its end', () => {
    expect(read('会议要求,2022年要按照“任务项目化”的要求抓好落实', '2022-01-26')[0]).toMatchObject({ text: '2022年', date: '2022-12-31' });
    expect(read('2024年,长安将重点抓好治安防控管理', '2024-02-01')[0]).toMatchObject({ text: '2024年', date: '2024-12-31' });
    // a year asked about, or one something is made: no deadline
    expect(read('要求2022年财政收支情况按时报送', '2022-01-26')).toEqual([]);
    expect(read('将2022年作为项目攻坚年', '2022-01-26')).toEqual([]);
  });

  it('reads 年中 beside 年末 as mid-year, not the 年中 of 今年中央', () => {
    expect(read('各地、各部门应于年中和年末分别组织一次自查活动', '2015-03-15').map((d) => d.date)).toEqual(['2015-06-30', '2015-12-31']);
    expect(read('落实今年中央一号文件', '2015-03-15')).toEqual([]);
  });

  it('reads 元月 as January, keeping the words as written', () => {
    expect(read('各单位要于元月10日前完成自查', '2010-11-20')).toEqual([{ text: '元月10日前', date: '2011-01-10', cycle: null }]);
    expect(read('每年元月3日前报送上一年度的工作总结', '2009-12-10')).toEqual([{ text: '每年元月3日前', date: '2010-01-03', cycle: 'yearly' }]);
  });

  it('reads a yearly cycle due on a day of the year as its first such day on or after the document', () => {
    expect(read('每年3月31日前报送年度报告', '2020-02-10')).toEqual([{ text: '每年3月31日前', date: '2020-03-31', cycle: 'yearly' }]);
    expect(read('每年3月31日前报送年度报告', '2020-05-10')).toEqual([{ text: '每年3月31日前', date: '2021-03-31', cycle: 'yearly' }]);
  });

  it('puts a month of 次年 or 明年 in the year after the document', () => {
    expect(read('考核结果于次年1月底前通报', '2025-02-10')[0].date).toBe('2026-01-31');
    expect(read('明年3月15日前完成验收', '2025-11-10')[0].date).toBe('2026-03-15');
  });

  it('keeps a date before the document when written as due by it, not one that names an event', () => {
    const first = (clause: string, documentDate: string) => findDeadlines(clause, at(documentDate))[0];
    expect(holdsOn(first('6月底前新建成2家', '2022-07-14'), '2022-07-14')).toBe(true);
    expect(holdsOn(first('于4月2日之前完成摸底', '2019-04-10'), '2019-04-10')).toBe(true);
    expect(holdsOn(first('2021年3月底完成首轮排查', '2021-05-01'), '2021-05-01')).toBe(false);
    expect(holdsOn(first('12月底前完成', '2022-07-14'), '2022-07-14')).toBe(true);
  });

  it('counts working days on the calendar: 10个工作日内 skips weekends and holidays', () => {
    // 2026-09-25 is a Friday; 1–7 October are the National Day holidays and 10 October a make-up working day.
    expect(read('10个工作日内报送', '2026-09-25')[0]).toEqual({ text: '10个工作日内', date: '2026-10-15', cycle: null });
  });

  it('keeps the text but no date when the calendar does not cover the year', () => {
    expect(read('10个工作日内报送', '2031-12-25')[0]).toEqual({ text: '10个工作日内', date: null, cycle: null });
  });

  it('counts calendar days for 30日内', () => {
    expect(read('30日内完成', '2026-03-02')[0].date).toBe('2026-04-01');
  });

  it('reads reporting cycles; a monthly day gives the first such day on or after the document date', () => {
    expect(read('每月5日前报送进展', '2026-03-02')[0]).toEqual({ text: '每月5日前', date: '2026-03-05', cycle: 'monthly' });
    expect(read('每月5日前报送进展', '2026-03-06')[0].date).toBe('2026-04-05');
    expect(read('每季度报送一次')[0]).toMatchObject({ date: null, cycle: 'quarterly' });
    expect(read('每周通报')[0]).toMatchObject({ date: null, cycle: 'weekly' });
    expect(read('每1周通报各乡镇发案情况')[0]).toMatchObject({ date: null, cycle: 'weekly' });
    expect(read('每一个月报送')[0]).toMatchObject({ date: null, cycle: 'monthly' });
    expect(read('按月报送')[0]).toMatchObject({ date: null, cycle: 'monthly' });
    // "自4月起": the first report is due in the month the text names
    expect(read('自4月起,每月3日前报送上月情况', '2025-03-03')[0]).toMatchObject({ date: '2025-04-03', cycle: 'monthly' });
    expect(read('每月3日前报送上月情况', '2025-03-03')[0]).toMatchObject({ date: '2025-03-03', cycle: 'monthly' });
  });

  it('reads standing work as no date and no cycle, keeping the text', () => {
    expect(read('长期坚持')[0]).toEqual({ text: '长期坚持', date: null, cycle: null });
  });

  it('reads "长期" before a noun as no deadline: 长期不动户 are accounts, not standing work', () => {
    expect(read('完成对长期不动户、“睡眠卡”的清理')).toEqual([]);
  });

  it('reads 全年 before a figure asked for as the year\'s last day, not 全年 before a count', () => {
    expect(read('全年破获电信网络诈骗案件不少于260起', '2025-03-12')[0]).toMatchObject({ text: '全年', date: '2025-12-31' });
    expect(read('全年破获案件同比上升10%以上', '2025-01-20')[0].date).toBe('2025-12-31');
    expect(read('全年共立案件3126起，同比下降21.4%', '2025-01-20')).toEqual([]);
  });

  it('reads a month alone, as a table\'s 完成时限 cell gives it, as the month\'s end', () => {
    expect(read('2025年11月', '2025-02-20')[0].date).toBe('2025-11-30');
    expect(read('11月', '2025-02-20')[0].date).toBe('2025-11-30');
  });

  it('keeps no date for days counted from an event the text names, but counts from the notice itself', () => {
    expect(read('专项行动结束后10个工作日内报送工作总结', '2025-04-02')[0]).toEqual({ text: '10个工作日内', date: null, cycle: null });
    expect(read('整改完成后30日内报送', '2025-04-02')[0]).toEqual({ text: '30日内', date: null, cycle: null });
    expect(read('在收到书面反馈意见和移交资料30个工作日内完成整改', '2022-06-06')[0]).toEqual({ text: '30个工作日内', date: null, cycle: null });
    expect(read('本通知印发后10个工作日内报送', '2026-09-25')[0].date).toBe('2026-10-15');
  });

  it('reads how long a service may take ("压缩至3个工作日内") as no deadline', () => {
    expect(read('新设立企业办理营业执照压缩至3个工作日内完成', '2018-05-21')).toEqual([]);
    expect(read('审批时间缩短至15日内', '2018-05-21')).toEqual([]);
  });

  it('ends "A至B" at B', () => {
    expect(read('2021年5月1日至2022年4月30日实施')).toEqual([{ text: '2022年4月30日', date: '2022-04-30', cycle: null }]);
  });

  it('finds two deadlines in one clause, in order', () => {
    expect(read('6月底前完成摸排，年底前全部建成').map((d) => d.date)).toEqual(['2026-06-30', '2026-12-31']);
  });

  it('takes a day for a deadline only when the text says so', () => {
    expect(read('于9月30日完成', '2026-03-02')[0].date).toBe('2026-09-30');
    expect(read('力争9月30日完成验收', '2026-03-02')[0].date).toBe('2026-09-30');
    expect(read('实施期限至2022年12月31日', '2021-05-01')[0].date).toBe('2022-12-31');
  });

  it.each(['10月16日上午，应城市召开联席会议', '3月24日，会议召开', '2021年5月1日起执行', '截至去年底，共安装20万人次', '11月，制定了实施方案', '三年内完成', '全年共破获案件', '每年组织', '四季度是全年反诈工作的冲刺阶段'])('%s holds no deadline date', (clause) => {
    expect(read(clause).filter((d) => d.date !== null)).toEqual([]);
  });
});
