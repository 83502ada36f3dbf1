/**
 * Deadlines as written, resolved against the document's date. Each pattern below names what it reads.
 *
 * Choices where the text leaves room:
 * - a month or a day without a year ("6月底前", "9月30日前") falls in the document's year, or in the next
 *   year when that date is already before the document's date;
 * - "每月5日前报送" is a monthly cycle whose date is the first such day on or after the document's date;
 *   a cycle without a day ("每季度报送") has no date;
 * - "长期坚持" is standing work: no date and no cycle, the text kept;
 * - "本周内" ends on the document's week's Friday, "下周" on the next week's ("下周三" on that day); "周四之前"
 *   on the next Thursday from the document's date, the date itself included; "本月底" at the document's
 *   month's end, "本月15日之前" on that day;
 * - "A至B" ends at B; a date followed by 起/开始 starts something and one after 截至 states a fact: neither
 *   is a deadline.
 */
import type { IsoDate } from '../../calendar/working-calendar';
import { parseIsoDate } from '../../calendar/working-calendar';
import { MONTH_END_DAY } from '../../reminders/chase-terms';
import { reportDueOnOrAfter } from '../../reminders/escalation-ladder';
import { claimMatches } from './claim-matches';
import type { ExtractedDeadline, ReportingCycle } from './types';

export interface DeadlineContext {
  documentDate: IsoDate;
  addWorkingDays(start: IsoDate, days: number): IsoDate;
}

export interface FoundDeadline extends ExtractedDeadline {
  text: string;
  /** Offset of the deadline's text in the clause. */
  index: number;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "5", "十", "十二", "二十" → a number; NaN when it is not one. */
export function readNumber(written: string): number {
  if (/^\d+$/.test(written)) return Number(written);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(written);
  if (!match || written === '') return NaN;
  if (!match[2]) return match[1] && !match[3] ? CN_DIGITS[match[1]] : NaN;
  return (match[1] ? CN_DIGITS[match[1]] : 1) * 10 + (match[3] ? CN_DIGITS[match[3]] : 0);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** "十四五" → 2025: the last year of the five-year plan its ordinal names. */
export function lastYearOfFiveYearPlan(ordinal: string): number {
  return 2005 + 5 * readNumber(ordinal);
}

function dateOrNull(year: number, month: number, day: number): IsoDate | null {
  const date = `${year}-${pad(month)}-${pad(day)}`;
  try {
    parseIsoDate(date);
    return date;
  } catch {
    return null;
  }
}

/**
 * A month (and day) without a year: the document's year, or the next one when half a year or more past
 * ("3月底前" in a November notice is next March). A month just past is the document's own: plans and
 * reports are often published weeks after they were written, and their annotators kept the year (dev
 * fixtures: 15 such dates, none read as the next year).
 */
const NEXT_YEAR_AFTER_MONTHS = 6;

function upcoming(documentDate: IsoDate, month: number, day: number | 'end'): IsoDate | null {
  const year = Number(documentDate.slice(0, 4));
  const make = (y: number) => dateOrNull(y, month, day === 'end' ? lastDayOfMonth(y, month) : day);
  const date = make(year);
  const monthsPast = Number(documentDate.slice(5, 7)) - month;
  return date !== null && date < documentDate && monthsPast >= NEXT_YEAR_AFTER_MONTHS ? make(year + 1) : date;
}

function yearOf(written: string | undefined, documentDate: IsoDate): number {
  const documentYear = Number(documentDate.slice(0, 4));
  if (written === undefined || written === '今' || written === '本' || written === '') return documentYear;
  if (written === '明' || written === '次' || written === '翌') return documentYear + 1;
  return Number(written);
}

interface DeadlinePattern {
  /** The pattern the rule serves, e.g. "6月底前". */
  serves: string;
  regex: RegExp;
  resolve(match: RegExpExecArray, context: DeadlineContext): Omit<ExtractedDeadline, 'text'> | null;
}

const CN_OR_DIGITS = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
/** The work a mechanism's rhythm names: "周调度", "月通报", "季总结", "一月一考核". */
const RHYTHM_WORK = '盘点|调度|研判|通报|报告|汇报|分析|督查|督导|检查|巡查|排查|讲评|点评|小结|总结|考核|评比|统计|会商|例会';

/**
 * A day is a deadline when the text says so: "9月30日前", "于9月30日完成", "实施期限至2022年12月31日", "以4月10日为时间节点". A day
 * on its own ("10月16日上午，我市召开…", "3月24日，会议召开") is when something happened.
 */
function isDeadlineDate(match: RegExpMatchArray): boolean {
  const before = match.input!.slice(0, match.index);
  const after = match.input!.slice(match.index! + match[0].length);
  if (/(?:前|止)$/.test(match[0])) return true;
  if (/^(?:上午|下午|晚上|晚|凌晨|中午)/.test(after)) return false;
  return /(?:于|在|到|至|截止|期限为|时限为|最迟|最晚)$/.test(before) || RANGE_END.test(before) || /^(?:完成|办结|报送|上报|结束|到期|为(?:时间节点|截止时间|截止日期|最后期限|完成时限))/.test(after);
}
/** The end of a span written with a dash: "3月1日—3月31日", "即日起—2021年3月31日" (as "A至B" ends at B). */
const RANGE_END = /(?:日|号|即日起?|起)\s*(?:—|－|-|~|～)\s*$/;
const BEFORE = '(?:[）)]?(?:前|之前|以前)|止)?';
/** The hour of a day something is due by: "12月2日下午前", "5月16日17:00前", "3月3日上午12时前". */
const TIME_OF_DAY = '(?:(?:上午|下午|中午|晚上|下班|\\d{1,2}[:：]\\d{2}|\\d{1,2}[时点])+(?=前|之前|以前))?';

/**
 * "专项行动结束后10个工作日内", "在收到书面反馈意见和移交资料30个工作日内": the days count from an event the text
 * names, not from the document's date (the text is kept, no date); "本通知印发后10个工作日内" counts from the
 * document itself.
 */
function afterAnEvent(match: RegExpExecArray): boolean {
  const before = match.input.slice(Math.max(0, match.index - 16), match.index);
  if (/(?:收到|接到)[^，,。；;]{1,20}$/.test(match.input.slice(Math.max(0, match.index - 24), match.index))) return true;
  return /后$/.test(before) && !/(?:通知|方案|文件|印发|下发)[^，,。；;]{0,8}后$/.test(before);
}

/** "办理时间压缩至3个工作日内": how long a service may take, a target, not a time to finish by. */
const DURATION_BEFORE = /(?:压缩|缩短|减少|降低|控制)(?:至|到|在)$/;
const isDuration = (match: RegExpExecArray) => DURATION_BEFORE.test(match.input.slice(Math.max(0, match.index - 4), match.index));

/**
 * "自4月起，每月3日前报送": the cycle starts in the month the text names (the first report is due in it),
 * else on the document's date.
 */
function cycleStart(match: RegExpExecArray, documentDate: IsoDate): IsoDate {
  const start = /(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:起|开始)[，,]?[^，,。；;\d]{0,4}$/.exec(match.input.slice(Math.max(0, match.index - 16), match.index).replace(/^.*?[自从]/, ''));
  if (!start) return documentDate;
  const month = readNumber(start[2]);
  if (!(month >= 1 && month <= 12)) return documentDate;
  const year = start[1] ? Number(start[1]) : Number(documentDate.slice(0, 4));
  const first = dateOrNull(year, month, 1);
  return first && first > documentDate ? first : documentDate;
}

const QUARTER_END: Record<number, [number, number]> = { 1: [3, 31], 2: [6, 30], 3: [9, 30], 4: [12, 31] };
const CYCLES: Record<string, ReportingCycle> = { 周: 'weekly', 星期: 'weekly', 月: 'monthly', 季: 'quarterly', 季度: 'quarterly', 年: 'yearly' };

export const DEADLINE_PATTERNS: readonly DeadlinePattern[] = [
  {
    serves: '每年1月10日前 (a yearly cycle due on a day of the year: the first such day on or after the document\'s date)',
    regex: new RegExp(`每年${CN_OR_DIGITS}月${CN_OR_DIGITS}日${BEFORE}`, 'g'),
    resolve: (m, c) => {
      const [month, day] = [readNumber(m[1]), readNumber(m[2])];
      const year = Number(c.documentDate.slice(0, 4));
      const thisYear = dateOrNull(year, month, day);
      if (!thisYear) return null;
      return { date: thisYear >= c.documentDate ? thisYear : dateOrNull(year + 1, month, day), cycle: 'yearly' };
    },
  },
  {
    serves: '6月1日至30日 / 2010年6月1至30日 (a span of days in one month: its last day)',
    regex: new RegExp(`(?:(\\d{4})年)?${CN_OR_DIGITS}月${CN_OR_DIGITS}日?(?:至|到|—|－|-|~|～)${CN_OR_DIGITS}日(?:前|止)?`, 'g'),
    resolve: (m, c) => {
      const [month, day] = [readNumber(m[2]), readNumber(m[4])];
      if (!(day > readNumber(m[3]))) return null;
      const date = m[1] ? dateOrNull(Number(m[1]), month, day) : upcoming(c.documentDate, month, day);
      return date ? { date, cycle: null } : null;
    },
  },
  {
    serves: '2026年9月30日前 / 9月30日前',
    regex: new RegExp(`(?:(\\d{4}|次|翌|明)年)?${CN_OR_DIGITS}月${CN_OR_DIGITS}日${TIME_OF_DAY}${BEFORE}`, 'g'),
    resolve: (m, c) => {
      if (!isDeadlineDate(m)) return null;
      const [month, day] = [readNumber(m[2]), readNumber(m[3])];
      const date = m[1] ? dateOrNull(yearOf(m[1], c.documentDate), month, day) : upcoming(c.documentDate, month, day);
      return date ? { date, cycle: null } : null;
    },
  },
  {
    serves: '“十二五”末 / 十四五期末 / “十四五”期间，城镇新增就业… / 我市“十四五”期间力争… (the last day of a five-year plan)',
    // The plan's years as the time frame of what is asked; not a plan named inside a phrase ("以及“十四五”时期…的思路",
    // "“十四五”期间规划新建的学校") nor the frame of a yearly duty ("“十二五”期间每年数据真实") nor a topic ("“十三五”期间是…关键时期").
    regex: /[“"]?十([一二三四五六])五[”"]?(?:(?:时期|期)?末|(?<![及和与的为])(?:期间|时期|期間|時期)(?![^，,。；;]{0,12}的|每年|是|为))/g,
    resolve: (m) => ({ date: `${lastYearOfFiveYearPlan(m[1])}-12-31`, cycle: null }),
  },
  {
    serves: '6月底前 / 2022年10月底前 / 次年1月底前 / 9月份前 / 5月份在全市组织开展…',
    regex: new RegExp(`(?:(\\d{4}|次|翌|明)年)?${CN_OR_DIGITS}月(?!一(?:${RHYTHM_WORK}|次))(?:份)?(底|末|中旬|上旬|下旬)?${BEFORE}`, 'g'),
    resolve: (m, c) => {
      // "11月，…制定了" names a time, not a deadline; a month alone (a table's 完成时限 cell "2025年11月") is
      // one, and so is a month opening a clause that asks for something in it ("5月份在全市组织开展…").
      const opensAnAct = m.index === 0 && /份$/.test(m[0]) && /^(?:在|内|[，,])?[^，,。；;]{0,8}(?:组织|开展|完成|召开|举办|启动)/.test(m.input!.slice(m[0].length));
      // "我市7月份将完成…", "计划8月份进行招投标": a month a plan puts an act in, later in its clause.
      const plansAnAct = /^(?:将|要|份将|份要|份)?(?:在|内)?[^，,。；;\d]{0,4}?(?:组织|开展|完成|召开|举办|启动|进行|实施|建成|开工)(?!了)/.test(m.input!.slice(m.index + m[0].length)) && !/已|截至|截止|了(?!解)/.test(m.input!.slice(0, m.index));
      if (!m[3] && !/(?:前|止)$/.test(m[0]) && m.input!.trim() !== m[0] && !opensAnAct && !plansAnAct) return null;
      const month = readNumber(m[2]);
      if (!(month >= 1 && month <= 12)) return null;
      const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : 'end';
      const year = m[1] ? yearOf(m[1], c.documentDate) : null;
      const date = year ? dateOrNull(year, month, day === 'end' ? lastDayOfMonth(year, month) : day) : upcoming(c.documentDate, month, day);
      return date ? { date, cycle: null } : null;
    },
  },
  {
    serves: '本月底 / 本月内 / 下月中旬前 / 本月15日之前 (the document\'s month or the next; a day only when due before it)',
    regex: new RegExp(`(本|下)月(?:(底|末|内|中旬|上旬|下旬)(?:前|之前)?|${CN_OR_DIGITS}[日号](?:前|之前|以前))`, 'g'),
    resolve: (m, c) => {
      const [year, month] = c.documentDate.split('-').map(Number);
      const [y, mo] = m[1] === '下' ? (month === 12 ? [year + 1, 1] : [year, month + 1]) : [year, month];
      const day = m[3] ? readNumber(m[3]) : m[2] === '上旬' ? 10 : m[2] === '中旬' ? 20 : lastDayOfMonth(y, mo);
      return { date: dateOrNull(y, mo, day), cycle: null };
    },
  },
  {
    serves: '周四之前 / 星期五前 (the next such weekday from the document\'s date)',
    regex: /(?<![每上本这下隔])(?:周|星期)([一二三四五六日天])(?:前|之前)/g,
    resolve: (m, c) => {
      const today = parseIsoDate(c.documentDate);
      const weekday = m[1] === '天' ? 6 : '一二三四五六日'.indexOf(m[1]);
      const ahead = (weekday - ((new Date(today).getUTCDay() + 6) % 7) + 7) % 7;
      return { date: new Date(today + ahead * 86_400_000).toISOString().slice(0, 10), cycle: null };
    },
  },
  {
    serves: '年底前 / 年内 / 2025年底前 / 今年年底 / 于年中和年末 (mid-year: 30 June)',
    regex: /(?<![每全去前半个一两二三四五六七八九十\d]|每年)(?:(\d{4})|今|本|明)?年(?:年)?(?:底|末|内|(中)(?=[和及与、，,]|前|之前))(?:前|之前)?/g,
    resolve: (m, c) => ({ date: `${yearOf(m[1] ?? /^[今本明]/.exec(m[0])?.[0], c.documentDate)}-${m[2] ? '06-30' : '12-31'}`, cycle: null }),
  },
  {
    serves: '全年破获案件不少于260起 / 今年空气质量优良率要达到90% (the year as the time frame of a figure asked for: its last day)',
    regex: /(?<![\d今去上本明前])(?:全年|今年|本年度)(?![共累]|以来|上半年|下半年|[一二三四]季度|\d{1,2}月)(?=[^，,。；;]{1,30}?(?:不少于|不低于|不超过|达到|达|以上|以内|控制在|\d+(?:\.\d+)?(?:万|亿)?(?:个|项|家|所|座|条|件|场|次|户|人|亩|公里|平方公里|吨|块)))/g,
    resolve: (m, c) => ({ date: `${yearOf(undefined, c.documentDate)}-12-31`, cycle: null }),
  },
  {
    serves: '力争今年圆满实现… / 确保今年完成… / 今年将… / 今年计划… / 今年继续… (this year as the time frame of what is asked: its last day)',
    regex: /(?<=力争|确保|争取|力爭|確保|爭取)今年(?![年底末内內]|以来|上半年|下半年|[一二三四]季度|\d{1,2}月|[一二三四五六七八九十]{1,2}月)|今年(?=力争|确保|争取|力爭|確保|爭取|继续|繼續|将|將|计划|計劃|要(?!求))/g,
    resolve: (m, c) => ({ date: `${yearOf(undefined, c.documentDate)}-12-31`, cycle: null }),
  },
  {
    serves: '上半年 / 下半年 / 一季度末 / 第三季度',
    // Not a period named as a topic: "四季度是全年工作的冲刺阶段".
    regex: /(?<![每])(?:(\d{4})年)?(?:(上半年|下半年)|第?([一二三四1-4])季度(?:末|底)?)(?:前|之前|内)?(?!是|为|以来|期间)/g,
    resolve: (m, c) => {
      const year = yearOf(m[1], c.documentDate);
      if (m[2]) return { date: m[2] === '上半年' ? `${year}-06-30` : `${year}-12-31`, cycle: null };
      const [month, day] = QUARTER_END[readNumber(m[3])] ?? [];
      return month ? { date: `${year}-${pad(month)}-${pad(day)}`, cycle: null } : null;
    },
  },
  {
    serves: '到2025年，… / 2022年，全市新建… / 2025年实现… / 2013年前建成 / 2021年计划投资… / 2018年全省生产总值增长6%左右 / 会议要求，2022年要… / 2024年，长安将… (a year as the time frame: its last day)',
    // A year the text plans for: "2021年计划投资…", "项目2021年二期计划投资…", "2021年力争…"; not a plan's
    // title ("2018年实施计划", "《2023年政府工作报告…》").
    regex:
      /^(\d{4})年(?=[，,]|(?:实现|完成|达到|建成|基本|全面|力争|确保))|(?<=[到至于在])(?<!(?:低|高|少|多)于)(\d{4})年(?![\d上下底末内度第季月一二三四])|(\d{4})年(?:前|之前)(?![\d一二两三四五六七八九十的])|(?<![《“"])(\d{4})年(?=[^，,。；;：:\d《》“”"]{0,14}?(?:计划(?=投资|完成|新建|建设|实施|开工|申报|打造|改造|新增|实现|建成)|力争|争取))|(?<![《“"\d较比])(\d{4})年(?=[^，,。；;：:\d《》“”"]{0,16}?(?:增长|下降|达到|不低于|不少于|控制在)\d)|(?<=^|[，,：:])(\d{4})年[，,]?(?=[^，,。；;：:\d《》“”"]{0,8}?(?:要(?!求)|将(?![^，,。；;]{0,6}(?:作为|列为|定为))))/g,
    resolve: (m) => ({ date: `${m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6]}-12-31`, cycle: null }),
  },
  {
    serves: '10个工作日内 (working days on the office calendar)',
    regex: new RegExp(`${CN_OR_DIGITS}个工作日内`, 'g'),
    resolve: (m, c) => {
      if (isDuration(m)) return null;
      if (afterAnEvent(m)) return { date: null, cycle: null };
      const days = readNumber(m[1]);
      try {
        return { date: c.addWorkingDays(c.documentDate, days), cycle: null };
      } catch {
        return { date: null, cycle: null }; // a year the calendar does not cover: the text is kept
      }
    },
  },
  {
    serves: '本周内 / 下周 / 下周五前 (the week\'s Friday, or the day named)',
    regex: /(本|这|下)(?:一)?周(?:([一二三四五六日天])|内|末)?(?:前|之前)?(?![年月期的工])/g,
    resolve: (m, c) => {
      // "将本周工作进展报送": this week's work, not a time limit.
      if (m[1] !== '下' && /^[本这]一?周$/.test(m[0])) return null;
      const monday = parseIsoDate(c.documentDate) - ((new Date(parseIsoDate(c.documentDate)).getUTCDay() + 6) % 7) * 86_400_000;
      const weekday = m[2] ? '一二三四五六日天'.indexOf(m[2]) : 4;
      const offset = (m[1] === '下' ? 7 : 0) + Math.min(weekday, 6);
      return { date: new Date(monday + offset * 86_400_000).toISOString().slice(0, 10), cycle: null };
    },
  },
  {
    // Not an ordinal: "开学第一周内" is the first week of an event, not a week from the document's date.
    serves: '30日内 / 15天内 / 一周内 / 48小时内 (calendar days; hours in whole days)',
    regex: new RegExp(`(?<!工作|第[\\d一二两三四五六七八九十]{0,3})(\\d{1,3}|[一二两三四五六七八九十]{1,3})(?:个)?(日|天|周|星期|小时)内`, 'g'),
    resolve: (m, c) => {
      const days = m[2] === '小时' ? Math.ceil(readNumber(m[1]) / 24) : readNumber(m[1]) * (m[2] === '周' || m[2] === '星期' ? 7 : 1);
      if (!(days > 0) || isDuration(m)) return null;
      if (afterAnEvent(m)) return { date: null, cycle: null };
      return { date: new Date(parseIsoDate(c.documentDate) + days * 86_400_000).toISOString().slice(0, 10), cycle: null };
    },
  },
  {
    serves: '每月5日前报送 / 每周五 / 每1周 / 每季度 / 每年 / 按月 / 每季度最后一个月的30日前 / 每月工作情况请于10日前报送 / 每月月底 / 每季度末 / 每年年底前',
    regex: new RegExp(`(?:每(?:[1一]?个|[1一])?|按)(周|星期|月|季度|季|年)(?:(?:最后一个月|末月)的?)?(?:${CN_OR_DIGITS}日|([月年]?(?:底|末)))?${BEFORE}`, 'g'),
    resolve: (m, c) => {
      const cycle = CYCLES[m[1]];
      // "每月月底", "每季度末", "每年年底前": the period's last day.
      if (m[3] && (cycle === 'monthly' || cycle === 'quarterly')) return { date: reportDueOnOrAfter(cycle, MONTH_END_DAY, cycleStart(m, c.documentDate)), cycle };
      if (m[3] && cycle === 'yearly') return { date: `${cycleStart(m, c.documentDate).slice(0, 4)}-12-31`, cycle };
      // The day may come a few words later: "每月工作开展情况请于10日前报…".
      const later = m[2] ? null : /^[^，,。；;\d]{0,16}?(?:于|在)(\d{1,2})日(?:[、和]\d{1,2}日)*(?:前|之前)/.exec(m.input.slice(m.index + m[0].length, m.index + m[0].length + 24));
      const day = m[2] ? readNumber(m[2]) : later ? Number(later[1]) : NaN;
      // (A day past a short month's end falls on its last day: "每月30日前" in February is the 28th.)
      if ((cycle === 'monthly' || cycle === 'quarterly') && day >= 1 && day <= 31) return { date: reportDueOnOrAfter(cycle, day, cycleStart(m, c.documentDate)), cycle };
      return { date: null, cycle };
    },
  },
  {
    serves: '每月15日和30日前 / 每月9日、19日、28日前 (each further day of a monthly cycle)',
    regex: new RegExp(`(?<=每(?:[1一]?个)?月\\d{1,2}日(?:[、和]\\d{1,2}日)*[、和])(\\d{1,2})日${BEFORE}`, 'g'),
    resolve: (m, c) => {
      const day = Number(m[1]);
      return day >= 1 && day <= 31 ? { date: reportDueOnOrAfter('monthly', day, cycleStart(m, c.documentDate)), cycle: 'monthly' } : null;
    },
  },
  {
    serves: '月度盘点 / 季度研判 / 日盯办、周调度、月通报 / 周排查、月考核、季总结 / 一周一统计、一月一调度 / 一月一次 (a cycle named by its period)',
    regex: new RegExp(`(?:(月度|季度)|(?<=^|[、，,“"；;：:\\s]|建立|实行|落实|坚持|执行|推行)([周月季])(?=${RHYTHM_WORK})|[一每]([周月季])一(?=${RHYTHM_WORK}|次))`, 'g'),
    resolve: (m) => {
      const period = m[1] ?? m[2] ?? m[3];
      return { date: null, cycle: period === '周' ? 'weekly' : period.startsWith('月') ? 'monthly' : 'quarterly' };
    },
  },
  {
    serves: '长期坚持 / 长期',
    // Not "长期不动户": a thing that has long been so.
    regex: /长期(?:坚持|推进|开展|(?=[，,。；;）)]|$))|常态化开展/g,
    resolve: () => ({ date: null, cycle: null }),
  },
];

const RANGE_JOIN = /^\s*(?:至|到|—|－|-|~|～)\s*/;
const START_AFTER = /^(?:起|开始|以来)/;
const FACT_BEFORE = /(?:截至|截止到|截止)$/;

/** Every deadline in a clause, in order; the start of a range and start or status dates are left out. */
/** A space a web page puts around a date's figures: "将于 7 月 12 日", "2023 年 9 月底前". */
const SPACED_DATE = /(?<=\d)[ \u00a0\u3000]+(?=[年月日号])|(?<=[年月])[ \u00a0\u3000]+(?=\d)|(?<=[于在至到])[ \u00a0\u3000]+(?=\d)/g;

/**
 * The day standing work reports on, as its deadline's text says it: a weekly cycle's weekday ("每周五" 5), a
 * monthly or quarterly cycle's day ("每月5日前" 5, "每季度末月20日前" 20) or its end ("每月月底", "每季度末":
 * MONTH_END_DAY); else Friday, or the 5th.
 */
export function reportDayOf(text: string, cycle: 'weekly' | 'monthly' | 'quarterly'): number {
  if (cycle === 'weekly') {
    const weekday = /(?:周|星期)([一二三四五1-5])/.exec(text)?.[1];
    return weekday ? '一二三四五'.indexOf(weekday) + 1 || Number(weekday) : 5;
  }
  const day = readNumber(new RegExp(`${CN_OR_DIGITS}日`).exec(text)?.[1] ?? '');
  if (day >= 1 && day <= MONTH_END_DAY) return day;
  // "末月" is the quarter's last month, not its end.
  return /(?:底|末)(?!月)/.test(text) ? MONTH_END_DAY : 5;
}

/**
 * Whether a deadline found still holds on the document's date: a date before it is history ("3月5日召开…"),
 * unless written as the day something is due by ("6月底前", "4月2日前"): a plan published weeks after it was
 * written keeps its first dates.
 */
export function holdsOn(deadline: FoundDeadline, documentDate: IsoDate): boolean {
  return deadline.date === null || deadline.date >= documentDate || /(?:前|之前|以前)$/.test(deadline.text);
}

/** "元月3日前": January, as official letters write it. Same length as "1月", so offsets stay put. */
const FIRST_MONTH = /元月(?=\d|[一二三]|份|底|初|中旬|上旬|下旬)/g;

export function findDeadlines(clause: string, context: DeadlineContext): FoundDeadline[] {
  const read = clause.replace(FIRST_MONTH, '1月');
  const found = findSpaced(read, context);
  return read === clause ? found : found.map((d) => ({ ...d, text: clause.slice(d.index, d.index + d.text.length) }));
}

function findSpaced(clause: string, context: DeadlineContext): FoundDeadline[] {
  if (clause.search(SPACED_DATE) < 0) return findInClause(clause, context);
  // Read the date without its spaces, then give each deadline its place and words in the clause as written.
  const kept: number[] = [];
  let tight = '';
  let last = 0;
  for (const space of clause.matchAll(SPACED_DATE)) {
    for (let i = last; i < space.index; i++) kept.push(i);
    tight += clause.slice(last, space.index);
    last = space.index + space[0].length;
  }
  for (let i = last; i < clause.length; i++) kept.push(i);
  tight += clause.slice(last);
  return findInClause(tight, context).map((d) => {
    const index = kept[d.index];
    const end = kept[d.index + d.text.length - 1] + 1;
    return { ...d, index, text: clause.slice(index, end) };
  });
}

function findInClause(clause: string, context: DeadlineContext): FoundDeadline[] {
  const found = claimMatches(
    clause,
    DEADLINE_PATTERNS,
    (match, pattern) => {
      const after = clause.slice(match.index + match[0].length);
      if (START_AFTER.test(after) || FACT_BEFORE.test(clause.slice(Math.max(0, match.index - 3), match.index))) return null;
      return pattern.resolve(match, context);
    },
    true,
  );
  // "A至B": the deadline is B.
  const ends = found.filter((d, i) => {
    const next = found[i + 1];
    if (!next) return true;
    const between = clause.slice(d.index + d.text.length, next.index);
    return !(RANGE_JOIN.test(between) && RANGE_JOIN.exec(between)![0].length === between.length);
  });
  // "每年的3月至12月每月巡查…": the season of a year, then how often within it; the finer cycle is the one kept.
  const seasonal = ends.filter((d) => !(d.cycle === 'yearly' && d.date === null && ends.some((o) => o.index > d.index && o.index - d.index <= 16 && o.cycle !== null && o.cycle !== 'yearly')));
  // "每月报送一篇…，每月25日前通过OA系统报…": one cycle, its due day said the second time.
  // "每周例会…一周一汇报": one cycle, named twice.
  return seasonal.filter((d, i) => !(d.cycle !== null && d.date === null && seasonal.some((o, j) => o !== d && o.cycle === d.cycle && (o.date !== null || j < i))));
}
