/**
 * Quantitative targets: "安装率达到60%以上", "不低于95%", "实名率达到96%、年底前达到100%" (two targets),
 * "零发案", "动态清零", "100个示范社区全面建成", "50%的城市社区建成…". Each pattern names what it reads.
 */
import { claimMatches } from './claim-matches';
import type { ExtractedTarget, TargetComparator } from './types';

export interface FoundTarget extends ExtractedTarget {
  /** Offset of the target's text in the clause. */
  index: number;
}

const NUMBER = '(\\d+(?:\\.\\d+)?)';
/**
 * What a figure after a comparator counts or measures, longest first: "29微克每立方米", "11.88亿立方米",
 * "120万吨", "82.4岁", "2公里", "1560万头", "2.48万亿元"; "ug/m³" as a page may garble it. A bare 万 ("人数达1000万") is a unit too.
 */
const UNIT =
  '(%|％|‱|‰|微克每立方米|微克/立方米|ug/m\\S|μg/m\\S|亿立方米|万立方米|立方米|平方公里|万平方米|平方米|万公顷|万人次|人次|万人|万亿元|万元|亿元|万户|万头|万张|万吨|亿亩|万亩|万千瓦|万批次|批次|个百分点|个工作日|工作日|公里|公顷|吨|亿斤|万斤|斤|亩|岁|个|家|人|户|头|只|元|起|次|条|场|所|张|台|件|部|份|名|辆|套|座|处|间|项|小时|分钟|天|万)?';
/** "5万份", "1万个": 万 or 亿 before a counted thing, kept in the unit as written (5, 万份). */
const COUNT_MULTIPLIER = '(?:(万|亿)(?=份|个|件|条|场|次|家|所|部|台|名|辆|套|座|处|项|间))?';
/** Things counted after a verb: "新建5G基站2600个以上", "培训1300人次以上". */
const COUNTED = '(人次|名|间|块|栋|万千瓦时|亿千瓦时|万千瓦|千瓦|亿亩|万亩|亩|公里|个(?!月|工作日|小时|星期|季度|自然日)|家|人|户|次|条|场|所|张|台|件|处|座|项|批|根|辆|套|幢|株|篇|幅|面|万公斤|公斤|兆瓦|万头|头|只)';
const AT_LEAST = '≥|大于等于|大于|至少|保持(?=\\d)|达到|达|提升至|提升到|提高至|提高到|增至|增加到|超过|高于|不低于|不少于|保持在|稳定在|超(?=\\d)';
const AT_MOST = '不高于|不超过|低于|少于|小于等于|小于|控制在|压降至|压降到|下降至|下降到|降至|降到|缩短至|缩短到|压缩至|压缩到|减少至|减少到|≤|不超';
const COMPARATOR = `(${AT_LEAST}|${AT_MOST})`;
/** One to ten in words, by position. */
const COUNT_WORDS = '一二三四五六七八九十';
/** Words allowed between the comparator and the number: "达到辖区总人口数的60%". */
const FILLER = '([^，,。；;、\\d]{0,10}?的)?';

/** What the number is about: the words before the comparator, back to a comma or a "的". */
export function metricBefore(clause: string, index: number): string {
  const before = clause.slice(Math.max(0, index - 24), index);
  // Back to a comma or a "的", and past a subject's modal word ("宣传部要联合制作短视频" → "制作短视频").
  const clausePiece = before.split(/[，,。；;、：:的“”]/).pop() ?? '';
  const afterModal = clausePiece.split(/(?<![重主需只必紧摘纪提概首])要(?:联合|会同)?(?![求素点案件闻害务领])/).pop() ?? '';
  const piece = afterModal.length >= 2 ? afterModal : clausePiece;
  // (a deadline before the metric is the task's, not part of what is measured: "6月底前实现预警信息当日处置率")
  let metric = piece;
  for (let previous = ''; previous !== metric; ) {
    previous = metric;
    metric = metric.replace(LEADING_TIME, '').replace(/^(?:并|且|要|将|使|确保|力争|实现|保持|其中|全市|全县|全区)+/, '');
  }
  return metric.replace(/(?:要|将|应|须|需|力争|确保|均|都|年底前|同比|环比)+$/, '').trim();
}

/** A deadline opening the words before a figure: "6月底前", "2026年底前", "年内", "一季度末". */
const LEADING_TIME = /^(?:到|在|于)?(?:(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?|底|末)|(?:本|当)?月(?:底|末)|年底|年末|年内|上半年|下半年|[一二三四]季度末?)(?:前|之前|以前)?/;

function comparatorOf(word: string, tail: string): TargetComparator {
  if (/左右/.test(tail)) return '=';
  if (/以下|以内/.test(tail)) return '<=';
  if (/以上/.test(tail)) return '>=';
  return new RegExp(`^(?:${AT_MOST})$`).test(word) ? '<=' : '>=';
}

/**
 * "对名下电话卡超过5张的用户", "涉诈电话卡达到3张以上的网点": a figure before "的" and a noun picks out whom a
 * measure applies to; it is no target. "达到95%的目标" still is one.
 */
function thresholdOfAGroup(clause: string, match: RegExpExecArray): boolean {
  const end = match.index + match[0].length;
  // "一次死亡3人以上或直接经济损失1000万元以上的较大事故": the 的 may follow the last of the figures.
  return /^(?:[或和及、][^，,。；;]{0,24}?)?的(?!目标|要求|水平|标准)/.test(clause.slice(end, end + 30));
}

interface TargetPattern {
  serves: string;
  regex: RegExp;
  read(match: RegExpExecArray, clause: string): Omit<FoundTarget, 'index' | 'text'> | null;
}

export const TARGET_PATTERNS: readonly TargetPattern[] = [
  {
    serves: '安装率达到60%以上 / 不低于95% / 控制在5%以内 / 保有量超过 1.33万公顷',
    regex: new RegExp(`${COMPARATOR}${FILLER}[ \\u00a0]?${NUMBER}(?![\\d.年月日])${COUNT_MULTIPLIER}${UNIT}(以上|以下|以内|左右)?`, 'g'),
    read: (m, clause) =>
      thresholdOfAGroup(clause, m) ? null : { metric: metricBefore(clause, m.index), comparator: comparatorOf(m[1], m[6] ?? ''), value: Number(m[3]), unit: writtenUnit(m[4], m[5]) },
  },
  {
    serves: '每个社区至少举办1场 (at least, with the verb between)',
    regex: new RegExp(`至少([^，,。；;、\\d]{1,6}?)${NUMBER}${COUNT_MULTIPLIER}${COUNTED}`, 'g'),
    read: (m, clause) => ({ metric: `${metricBefore(clause, m.index)}${m[1]}`, comparator: '>=', value: Number(m[2]), unit: writtenUnit(m[3], m[4]) }),
  },
  {
    serves: '每月至少开展一次 / 确保至少有一种手段 (at least, counted in words)',
    regex: new RegExp(`(?:至少|不少于)([^，,。；;、\\d]{0,6}?)([一两二三四五六七八九十])(次|个|种|名|人|场|期|批|家|所|项)`, 'g'),
    read: (m, clause) => ({ metric: `${metricBefore(clause, m.index)}${m[1]}`, comparator: '>=', value: m[2] === '两' ? 2 : COUNT_WORDS.indexOf(m[2]) + 1, unit: m[3] }),
  },
  {
    serves: '新建5G基站2600个以上 / 累计建成5G基站1万个 / 组织培训1300人次以上 / 新增光伏装机5万千瓦',
    regex: new RegExp(`(新建|建成|新增|增加|完成|培训|开展|认定|命名|评选|选树|宣树|吸纳|开放|支持|组织|发放|安装|注册|创建|打造|引进|招引|培育|改建|建设|开设|增配|提供|筹措|升级改造|改造|筛查|新辟|投放|优化调整|推进|实施|谋划|开工|修复|种植|收购|绿化|整治|盘活|拜访|走访|帮扶|招聘|举办|制作|印制|悬挂|设置|配备|扩容|更新|优化|安置|维修|推广|救助|资助|培养|治理)(?:、(?:改扩建|改建|扩建|新建|改造))?(?!的)((?:[^，,。；;、\\d]|\\d{1,3}[A-Za-z]){0,24}?)${NUMBER}(?:(万|亿)(?!千瓦|亩))?${COUNTED}(?!\\d+(?:\\.\\d+)?[%％])(以上|以下)?`, 'g'),
    read: (m) => ({
      metric: `${m[1]}${m[2]}`,
      comparator: m[6] === '以下' ? '<=' : m[6] ? '>=' : '=',
      value: Number(m[3]),
      unit: writtenUnit(m[4], m[5]),
    }),
  },
  {
    serves: '组织3-5次联合执法行动 / 引进2-3个专业服务机构 (a range: at least its lower end)',
    regex: new RegExp(`(?<![\\d.])${NUMBER}\\s*[-—~－至到]\\s*\\d+(?:\\.\\d+)?${COUNTED}`, 'g'),
    read: (m, clause) => ({ metric: metricBefore(clause, m.index), comparator: '>=', value: Number(m[1]), unit: m[2] }),
  },
  {
    serves: '制造业投资1000亿元以上 (a threshold without a comparator word)',
    regex: new RegExp(`${NUMBER}(?![\\d.年月日])(万人次|人次|万人|万元|亿元|万户|万千瓦时|亿千瓦时|万千瓦|万亩|个|家|人|户|项|根|辆)(以上|以下|以内|左右)`, 'g'),
    read: (m, clause) =>
      thresholdOfAGroup(clause, m) ? null : { metric: metricBefore(clause, m.index).replace(/^(?:带动|推动|累计)/, ''), comparator: m[3] === '以上' ? '>=' : m[3] === '左右' ? '=' : '<=', value: Number(m[1]), unit: m[2] },
  },
  {
    serves: '同比下降10% / 压降20%以上 / 增长6.2%左右',
    regex: new RegExp(`(下降|压降|减少|降低|上升|提升|提高|增长)${NUMBER}(%|％|个百分点)(以上|左右)?`, 'g'),
    read: (m, clause) => ({
      metric: `${metricBefore(clause, m.index).replace(/^(?:努力实现|努力|实现)/, '')}${m[1]}`.replace(/^(?:同比|环比)/, ''),
      comparator: m[4] === '左右' ? '=' : '>=',
      value: Number(m[2]),
      unit: m[3] === '个百分点' ? '个百分点' : '%',
    }),
  },
  {
    serves: '零发案 / 零转账 / 零火点 / 动态清零',
    // Not a campaign's name or its climax ("“百日清零”专项行动", "掀起治欠清零高潮"), nor those not yet cleared ("未清零的县").
    regex: /(?:零(发案|转账|损失|事故|案件|伤亡|上访|火点|死亡|投诉)|([^，,。；;、“”\s]{2,12}?)(?<![未没])(?:动态)?清零(?!高潮|行动|专项|攻坚|”|的))/g,
    read: (m, clause) => ({ metric: m[1] ? `${metricBefore(clause, m.index)}${m[1]}` : m[2].replace(/^(?:实现|确保|力争)/, ''), comparator: '=', value: 0, unit: null }),
  },
  {
    serves: '50%的城市社区建成… / 100个示范社区全面建成 / 70%以上民生事项实现… / 30%以上的行政村达到…标准',
    // Not a time limit: "15个工作日内完成", "3个月内完成".
    regex: new RegExp(`${NUMBER}(%|％|个|家|所)(?!工作日|月|小时|星期|季度)(以上)?的?(?!以上)([^，,。；;\\d]{2,24}?)(?:全面|全部|基本)?(建成|完成|覆盖|达标|实现|达到)`, 'g'),
    read: (m) => ({ metric: m[4].replace(/^的/, ''), comparator: m[3] || /%|％/.test(m[2]) ? '>=' : '=', value: Number(m[1]), unit: normaliseUnit(m[2]) }),
  },
  {
    serves: '政务服务事项100%实现网上可办 / 60%以上实现掌上可办 (the share that reaches a state)',
    regex: new RegExp(`${NUMBER}(%|％)(以上)?(?:实现|做到)([^，,。；;、\\d]{2,16})`, 'g'),
    read: (m, clause) => ({ metric: `${metricBefore(clause, m.index)}${m[4]}`, comparator: '>=', value: Number(m[1]), unit: '%' }),
  },
  {
    serves: '挂标率100% / 居民消费价格涨幅3%左右 / 增速6%以上 (a rate written with its figure, no comparator word)',
    regex: new RegExp(`(率|比例|比重|涨幅|漲幅|增幅|增速)${NUMBER}(%|％)(以上|以下|以内|左右)?(?![\\d.])`, 'g'),
    read: (m, clause) => {
      if (thresholdOfAGroup(clause, m)) return null;
      const comparator: TargetComparator = m[4] === '以上' ? '>=' : m[4] === '以下' || m[4] === '以内' ? '<=' : '=';
      return { metric: `${metricBefore(clause, m.index)}${m[1]}`, comparator, value: Number(m[2]), unit: '%' };
    },
  },
  {
    serves: '完成工作任务的90%以上 / 合格率80%以上 (a share with its bound, ending the phrase)',
    regex: new RegExp(`${NUMBER}(%|％)(以上|以下|以内)(?=[，,。；;、）)\\s]|$)`, 'g'),
    read: (m, clause) => {
      if (thresholdOfAGroup(clause, m)) return null;
      // "完成工作任务的90%以上": the share is of what stands before its 的.
      const metric = metricBefore(clause, m.index) || (clause[m.index - 1] === '的' ? metricBefore(clause, m.index - 1) : '');
      return { metric, comparator: m[3] === '以上' ? '>=' : '<=', value: Number(m[1]), unit: '%' };
    },
  },
];

/** The unit as written, its 万 or 亿 included: "1000万人" is 1000 万人, not 10,000,000 人. */
function writtenUnit(multiplier: string | undefined, unit: string | undefined): string | null {
  const written = normaliseUnit(unit);
  return multiplier ? `${multiplier}${written ?? ''}` : written;
}

function normaliseUnit(unit: string | undefined): string | null {
  if (!unit) return null;
  return unit === '％' ? '%' : unit;
}

/**
 * The targets of a task table's cell: what `findTargets` reads, and every other figure as a target to
 * reach as written ("安排地方专项债券4000亿元" is the row's point), its unit kept as the table writes it.
 */
export function tableTargets(cell: string): FoundTarget[] {
  return withListedFigures(cell, findTargets(cell), () => true);
}

/**
 * Every target in the clause, in order. A target without words before it ("实名率达到96%、年底前达到100%")
 * takes the metric of the one before.
 */
export function findTargets(clause: string): FoundTarget[] {
  const found = claimMatches(clause, TARGET_PATTERNS, (match, pattern) => {
    const target = pattern.read(match, clause);
    return target && Number.isFinite(target.value) ? target : null;
  }, false);
  for (let i = 1; i < found.length; i++) if (found[i].metric === '') found[i].metric = found[i - 1].metric;
  // A figure listed after a target that a pattern read already ("下降12%以上、15%以上") is that one, not one more.
  const listed = found.flatMap((target) => listedAfter(clause, target)).filter((more) => !found.some((t) => t.index > more.index && t.index <= more.index + more.text.length));
  return [...found, ...listed].sort((a, b) => a.index - b.index);
}

/** "创建比例分别要达到60%、80%": each figure listed after a target is one more, with its comparator and metric. */
function listedAfter(clause: string, target: FoundTarget): FoundTarget[] {
  if (target.unit !== '%') return [];
  const more: FoundTarget[] = [];
  const list = /^[、和及]\s*(\d+(?:\.\d+)?)(?:%|％)/;
  let at = target.index + target.text.length;
  for (let m = list.exec(clause.slice(at)); m; m = list.exec(clause.slice(at))) {
    more.push({ ...target, index: at, text: m[0].slice(1).trim(), value: Number(m[1]) });
    at += m[0].length;
  }
  return more;
}

/**
 * A figure with what it counts: "4000亿元", "国家4A级旅游景区2家", "河流730公里", "3%左右". Years, dates, spans
 * of time ("1-2个月") are no figures.
 */
const FIGURE = /(?<![\d.\-—~至到])(\d+(?:\.\d+)?)(?![\d.])(万亿元|亿元|万元|万人次|人次|万人|万户|万个|万张|万亩|万平方米|平方米|万千瓦|万吨|万批次|批次|公里|%|％|个(?!月|工作日|小时|星期|季度|自然日)|项|家|户|人|所|座|条|场|次|张|台|件|处|名|间|辆|亩|吨|例|位|只|幢|栋|套|株|篇|幅|块|根|万公斤|公斤|亿斤|兆瓦)(以上|以下|以内|左右)?/g;
/** A clause reporting what was done or happened: its figures are counts, not goals. */
const REPORTS_FIGURES = /已|累计|共计|截至|截止|目前|发生|被骗|同比/;

/**
 * Every target of a clause that sets one, and every further figure it lists beside it: a goal written as a
 * run of figures ("新增国家5A级旅游景区1家、国家4A级旅游景区2家", "城镇新增就业12.2万人，失业人员再就业0.85万人")
 * sets each of them. A figure picking out a group ("100人以上的学校") is none.
 */
export function clauseTargets(clause: string): FoundTarget[] {
  const found = findTargets(clause);
  if (found.length === 0 || REPORTS_FIGURES.test(clause)) return found;
  return withListedFigures(clause, found, (m) => !thresholdOfAGroup(clause, m));
}

/** The targets found, and each figure outside them that `sets` says is one more. */
function withListedFigures(text: string, found: FoundTarget[], sets: (m: RegExpExecArray) => boolean): FoundTarget[] {
  const covered = (index: number) => found.some((t) => index >= t.index && index < t.index + t.text.length);
  const more: FoundTarget[] = [];
  for (const m of text.matchAll(FIGURE) as IterableIterator<RegExpExecArray>) {
    if (covered(m.index) || !sets(m)) continue;
    const comparator: TargetComparator = m[3] === '以上' ? '>=' : m[3] === '以下' || m[3] === '以内' ? '<=' : '=';
    // "建设不少于6500间多媒体教室、500间信息技术教室": the thing counted may follow its figure.
    const metric = metricBefore(text, m.index).replace(/^(?:安排|推进|再|新增)/, '') || (/^[^，,。；;、（）()\d]{2,16}/.exec(text.slice(m.index + m[0].length))?.[0] ?? '');
    more.push({ index: m.index, text: m[0], metric, comparator, value: Number(m[1]), unit: normaliseUnit(m[2]) });
  }
  return [...found, ...more].sort((a, b) => a.index - b.index);
}
