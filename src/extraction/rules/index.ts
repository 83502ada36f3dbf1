/**
 * Breaks a document's text into proposed tasks, each traced to the clause it came from. Pure and
 * synchronous: the rules of this field are in the modules beside this one, each with its table tests.
 *
 * How the pieces fit:
 * - task tables (序号/任务/牵头单位/配合单位/完成时限) give one task per row, the span being the task cell;
 * - the rest is split into clauses (structure.ts); a clause with a second subject ("…，各级各有关部门要…")
 *   is split there, since two owners make two tasks;
 * - owners come from the clause (subject, "由A牵头", a note in parentheses); a clause without one takes the
 *   owner last written in the same numbered item or the items it belongs to (a general exhortation names
 *   no owner for what follows); a note closing an item ("…。（A牵头，B配合）") gives its owners to the
 *   item's clauses that name none;
 * - a clause with two targets or two deadlines gives one task per target (or deadline).
 */
import { ClauseVerdict, classifyClause, GOAL_LABEL } from './classify';
import { ClauseModel, ClauseView, reconsider, taskProbability } from './clause-model';
import defaultModel from './clause-weights.json';
import { DeadlineContext, findDeadlines, FoundDeadline, holdsOn, lastYearOfFiveYearPlan } from './deadlines';
import { antecedentOf, findAddressee, findApprovedFrom, findLedBy, findIssuer, findOwnerNotes, findSigner, findSubjects, framesSubject, ownerLine, OwnersAsWritten, partnersAfter, setsFirstIsLead, splitOwnerList, Subject, supportedUnit } from './owners';
import { Removal, requirementPhrase } from './requirement';
import { Clause, itemMarkerAt, sectionKind, SectionKind, splitClauses } from './structure';
import { Cell, findTables, Table } from './tables';
import { clauseTargets, findTargets, FoundTarget, tableTargets } from './targets';
import type { ExtractedDeadline, ExtractedTask, ExtractionContext } from './types';
import { UnitMatcher } from './units';
import { simplified } from './script';
import { glossAt, unwrap } from './unwrap';

export type { ExtractedTask, ExtractionContext, ExtractTasks } from './types';

/** Dates and the words joining them: what is left of a clause that only names a period. */
const ONLY_TIME = /\d{4}年|\d{1,2}月|\d{1,2}日|[至到起止]/g;

/** The level of points numbered inside a paragraph: "一是", "一要", "第一，". */
const POINT_LEVEL = 5;
const NO_DEADLINE: ExtractedDeadline = { text: null, date: null, cycle: null };
/** A time closing an item on its own: "（完成时限：2021年11月底）", or as a line of its own: "完成时限:2020年6月底前。". */
const TIME_NOTE = /^[（(](?:完成时限|完成时间|时间节点|时限要求|时限)[：:]\s*([^（）()]{2,30})[）)][。；;]?$|^(?:完成时限|完成时间|时间节点|时限要求|时限)[：:]\s*([^（）()。；;]{2,30})[。；;]?$/;
/** A title of a few words closed by a full stop, its item's sentences following on the line. */
const INLINE_TITLE = /^\p{Script=Han}{2,8}[。．.]$/u;
/** A title naming a plan of work: "市教育局2024年工作要点", "2021年重点工作计划". */
const PLAN_TITLE = /(?:工作要点|工作計劃|工作计划|工作要點|工作安排|重点工作|重點工作|任务分解|任務分解)$/;
/**
 * The year a plan's goals are for, set off by commas: "到2027年，", "…专项行动,力争到2025年底，", or opening the
 * sentence with its end: "2018年底前，以…为重点，完成…"; or opening the list of them: "…战略，到2020年将实现：".
 */
const GOAL_YEAR = /(?:^|[，,：:])(?:力争|争取)?(?:(?:到|至)\d{4}年(?:底|末)?|^\d{4}年(?:底|末)前)(?:[，,]|[^，,。；;：:]{0,6}[：:]\s*$)/;
/** "2020年任务：一是4月底前…", "2021年工作目标：…": the year the points after the colon are for. */
const YEAR_POINTS = /(?:^|\n)\s*(\d{4})年(?:度)?(?:主要|重点)?(?:工作)?(?:任务|目标)[：:]/;
/**
 * "2018年的主要预期目标是：…；…", "今年全市主要指标分别为：…", "2023年为民办实事项目主要包括：…": the year's goals or
 * projects, listed after the colon.
 */
const YEAR_GOALS = /(?:(\d{4})年度?|今年|本年度?|全年)[^，,。；;：:]{0,30}?(?:(?:目标|指标)(?:任务)?(?:分别)?(?:是|为)|(?:实事|民生实事|项目)(?:主要)?包括)[：:]/;
/**
 * A numbered heading naming the year its items are for: "（一）2020年任务", "一、2019年工作目标". (A work report's
 * "主要预期目标" are the year's expected figures, which carry no deadline.)
 */
const YEAR_HEADING = /^(\d{4})年度?(?:工作)?(?:任务|目标|目标任务)[：:]?$/;
/** A heading over a five-year plan's goals, which are for the plan's last year: "一、林业保护发展“十四五”规划目标". */
const PLAN_GOALS = /[“"]?十([一二三四五六])五[”"]?[^，,。；;：:]{0,12}(?:目标|指标)(?:任务)?[：:。]?\s*$/;
/** A step of a plan headed with its dates: "（二）集中整治阶段（2010年9月18日至12月8日）。" */
const STAGE = /^[^。；;（）()]{2,40}阶段[（(]([^（）()]{4,30})[）)][。；;]?$/;
/** …or opening the step's first sentence: "（一）准备阶段（即日起—2021年3月31日）根据…，各派出所…". */
/** "第一阶段:动员摸底(2016年3月16日前)。": a step numbered by its own name, with its dates. */
const NAMED_STAGE = /^第[一二三四五六七八九十]+阶段[：:\s]*[^。；;，,（）()]{2,20}[（(]([^（）()]{4,30})[）)][。；;]?$/;
const STAGE_OPENING = /^(?:[^。；;，,：:]{0,12}分[一二三四五六七八九十两\d]+个?阶段[：:])?[^。；;，,（）()：:]{2,20}阶段[（(]([^（）()]{4,30})[）)]/;
/** A step named without its dates: "督查评估阶段。". */
const UNDATED_STAGE = /^[^。；;，,（）()\d]{2,12}阶段[。：:]?$/;
/** A heading naming who leads the items under it: "县示范区管委会牵头工作（8项）". */
const HEADING_LEAD = /^(.{2,30}?)牵头(?:的)?(?:工作|事项|任务)?(?:[（(]\d+项[）)])?$/;
/** A heading that is a unit's name, its other names in brackets: "（一）综合办公室（党群工作部、监察室）" — its duties follow. */
const UNIT_HEADING = /^([^、，,。；;：:（）()\s]{2,16})(?:[（(][^（）()]{1,30}[）)])?$/;
/** The marker of a list's first point, as it ends the text before the point: "…：一是". */
const FIRST_POINT = /[一1][是要、.．]\s*$/;
/** Words announcing the problems found, right before the first of their points. */
const FINDINGS_LEAD = /(?:存在|发现|主要|突出)[^。；;，,]{0,12}问题(?:主要)?(?:是|有|表现在)?[：:]\s*$/;
/** Points of a speech right after a clause, on its line or the lines below ("一是", "一要"), or on its line ("（一）"). */
const POINTS_FOLLOW = /^(?:\s*[一二三四五六七八九十](?:是|要)|[ \t　]*[（(]一[）)])/;
/** A clause announcing the points after it: "做好以下工作。", "提出如下要求：", "具体要求如下：", "从三个方面推进工作：". */
const ANNOUNCES_POINTS = /(?:以下|如下)[^，,。；;]{0,8}(?:工作|要求|任务|事项|措施|几点|方面)[。：:]?\s*$|(?:工作|要求|任务|事项|措施)如下[。：:]?\s*$|从[一二三四五六七八九十几两]+个?方面[^，,。；;]{0,30}[：:]\s*$/;
/** How a reply names the unit that writes it. */
const SELF = /^(?:我局|我委|我办|我厅|我们|我镇|我乡|我市|我县|我区|本局|本单位)$/;
/** A clause opening a topic of its own: "道路交通方面，", "在消防安全上，". */
const TOPIC = /^[^，,。；;]{2,12}方面[，,：:]/;

export interface ExtractOptions {
  /** The model that may overrule the rules' verdict on a clause; null reads by the rules alone. */
  model?: ClauseModel | null;
  /** The model's probability at which it takes a clause (the trainer tries several). */
  takeAt?: number;
  /** The model's probability below which it drops a task the rules found (the trainer tries several). */
  dropBelow?: number;
  /** Sees every clause the rules judged, with its span in the text as given (the trainer's data). */
  observe?: (view: ClauseView, span: { start: number; end: number }) => void;
}

/** How the name of a body that can be given duties ends: a bureau, an office, a government, a township. */
const GOVERNING_BODY = /(?:局|委|办|厅|部|院|中心|公司|政府|管委会|单位|部门|镇|乡|街道|社区|村|组)$/;

export const extractTasks = (given: string, context: ExtractionContext, options: ExtractOptions = {}): ExtractedTask[] => {
  // A PDF's line breaks inside sentences and a mirror's pinyin are read past, traditional characters read as
  // simplified ones; every span is then given in the text as it came.
  const unwrapped = unwrap(given);
  const { offsets } = unwrapped;
  const text = simplified(unwrapped.text);
  const matcher = new UnitMatcher(context.units);
  const tables = findTables(text);
  const tasks = tables.flatMap((table) => tableTasks(text, table, context, matcher));
  const outsideTables = splitClauses(text).filter((c) => !tables.some((t) => c.start >= t.start && c.start < t.end));
  const model = options.model === undefined ? (defaultModel as ClauseModel) : options.model;
  // The trainer compares spans with the text as given.
  const observe = options.observe && ((view: ClauseView, span: { start: number; end: number }) => options.observe!(view, { start: offsets[span.start], end: offsets[span.end - 1] + 1 }));
  tasks.push(...new ProseReader(text, context, matcher, model, { ...options, observe }).read(outsideTables));
  tasks.sort((a, b) => a.start - b.start || a.end - b.end);
  if (text === given) return tasks;
  return tasks.map((task) => asWritten(task, text, given, offsets));
};

/**
 * A task found in the text as read (`text`), given in the text as it came: its span, and what it quotes
 * (owners, the deadline's and the target's words) as the text wrote them.
 */
function asWritten(task: ExtractedTask, text: string, given: string, offsets: number[]): ExtractedTask {
  const start = offsets[task.start];
  const end = offsets[task.end - 1] + 1;
  // Where words quoted from the text are: in the task's clause, or in the lines before it that named its owners.
  const locate = (words: string): number => {
    const from = Math.max(0, task.start - 2000);
    const near = text.slice(from, task.end + 200);
    const before = near.lastIndexOf(words, task.end - 1 - from);
    const found = before >= 0 ? before : near.indexOf(words, task.start - from);
    return found < 0 ? -1 : from + found;
  };
  const written = (words: string) => {
    // A target without words before its figure has an empty metric: nothing to look for.
    const at = words === '' ? -1 : locate(words);
    if (at < 0) return words;
    // The pinyin of its last character is part of a name as written: "各部門(mén)".
    const last = offsets[at + words.length - 1] + 1;
    return given.slice(offsets[at], last + glossAt(given, last));
  };
  // A target's unit in the characters the text wrote it in ("個", "萬億元" of "萬(wàn)億元"), its glosses left out.
  const writtenUnit = (unit: string, words: string) => {
    const at = locate(words);
    const inWords = words.lastIndexOf(unit);
    if (at < 0 || inWords < 0) return unit;
    return [...unit].map((_, k) => given[offsets[at + inWords + k]]).join('');
  };
  const owners = (list: ExtractedTask['leadUnits']) => list.map((o) => ({ ...o, text: written(o.text) }));
  return {
    ...task,
    start,
    end,
    paragraph: given.slice(start, end),
    leadUnits: owners(task.leadUnits),
    cooperatingUnits: owners(task.cooperatingUnits),
    deadline: task.deadline.text === null ? task.deadline : { ...task.deadline, text: written(task.deadline.text) },
    target: task.target && { ...task.target, text: written(task.target.text), metric: written(task.target.metric), unit: task.target.unit && writtenUnit(task.target.unit, task.target.text) },
  };
}

function deadlineOf(found: FoundDeadline | undefined): ExtractedDeadline {
  return found ? { text: found.text, date: found.date, cycle: found.cycle } : NO_DEADLINE;
}

function targetOf(found: FoundTarget | undefined): ExtractedTask['target'] {
  return found ? { text: found.text, metric: found.metric, comparator: found.comparator, value: found.value, unit: found.unit } : null;
}

function confidence(owners: 'own' | 'inherited' | 'none', deadline: boolean, target: boolean, strong: boolean): number {
  const score = 0.4 + (owners === 'own' ? 0.2 : owners === 'inherited' ? 0.1 : 0) + (deadline ? 0.15 : 0) + (target ? 0.1 : 0) + (strong ? 0.1 : 0);
  return Math.round(Math.min(0.95, score) * 100) / 100;
}

/** Owners in a table cell: unit names, or the cell's parts as written when they do not look like names. */
function cellOwners(cell: string | undefined): string[] {
  if (!cell) return [];
  const list = cell.replace(/[。；;]+$/, '');
  return splitOwnerList(list) ?? list.split(/[、，,；;\s]+/).filter((p) => p.length > 0);
}

/** The sentences of a table cell, as spans of the text: a cell may list several measures ("1.…；2.…。"). */
function cellSentences(text: string, cell: Cell): Cell[] {
  const sentences: Cell[] = [];
  for (const match of text.slice(cell.start, cell.end).matchAll(/[^。；;\n|]+[。；;]?/g)) {
    const trimmed = match[0].trim();
    if ((trimmed.match(/\p{Script=Han}/gu) ?? []).length < 4) continue;
    const start = cell.start + match.index + match[0].indexOf(trimmed);
    sentences.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return sentences;
}

/**
 * One task per sentence of the row's task cells, owned by its units, due on the date the sentence gives or
 * else when the row's 完成时限 says; two figures in a sentence make two tasks.
 */
function tableTasks(text: string, table: Table, context: DeadlineContext, matcher: UnitMatcher): ExtractedTask[] {
  const tasks: ExtractedTask[] = [];
  for (const row of table.rows) {
    if (!row.cells.task) continue;
    const deadlineCell = row.cells.deadline?.text;
    const found = deadlineCell ? findDeadlines(deadlineCell, context)[0] : undefined;
    const rowDeadline = found ? { ...deadlineOf(found), text: deadlineCell! } : deadlineCell ? { text: deadlineCell, date: null, cycle: null } : NO_DEADLINE;
    const lead = cellOwners(row.cells.lead?.text);
    const cooperating = cellOwners(row.cells.cooperating?.text);
    for (const sentence of [row.cells.task, ...(row.moreTasks ?? [])].flatMap((cell) => cellSentences(text, cell))) {
      // (a cycle the sentence names, "每月汇总上报", is dated by the row's "每月10日前")
      const own = findDeadlines(sentence.text, context).find((d) => (d.date === null && rowDeadline.text === null) || (d.date !== null && holdsOn(d, context.documentDate)));
      const deadline = own ? deadlineOf(own) : rowDeadline;
      const targets = tableTargets(sentence.text);
      for (const target of targets.length > 0 ? targets : [undefined]) {
        tasks.push({
          requirement: requirementPhrase(sentence.text, own ? [{ start: own.index, end: own.index + own.text.length }] : []),
          start: sentence.start,
          end: sentence.end,
          paragraph: sentence.text,
          leadUnits: matcher.owners(lead),
          cooperatingUnits: matcher.owners(cooperating),
          deadline,
          target: targetOf(target),
          confidence: confidence(lead.length > 0 ? 'own' : 'none', deadline.text !== null, target !== undefined, true),
        });
      }
    }
  }
  return tasks;
}

/**
 * The clause gives someone the work: its subject is given it ("A负责…", "A牵头…", "要求A…"), a numbered
 * item or a list of duties names its subject and verb ("一是A加强…", "…职责：住建局统筹协调全局；应急局严管…"),
 * or "X由A牵头" names who leads.
 */
function assignsWork(subject: Subject | null, ledBy: OwnersAsWritten | null, itemOrList: boolean): boolean {
  if (subject === null) return ledBy !== null;
  return (subject.modal === null && itemOrList) || /^(?:负责|牵头|牽頭|負責|要求)$/.test(subject.modal ?? '');
}

interface PendingTask {
  task: ExtractedTask;
  ownOwners: boolean;
}

/** One segment of a clause: the whole clause, or the part from a second subject on. */
interface Segment {
  start: number;
  end: number;
  subject: Subject | null;
}

class ProseReader {
  /**
   * Owners last written per item level (0: the document, 1: 一、 … 5: 一是). Those of a general exhortation
   * ("各县区、各成员单位要提高站位…") serve the clauses after it in the same item, not its sub-items.
   */
  private readonly owners: ({ owners: OwnersAsWritten; inherited: boolean } | null)[] = [null, null, null, null, null, null];
  private readonly kinds: SectionKind[] = ['neutral', 'neutral', 'neutral', 'neutral', 'neutral', 'neutral'];
  private level = 0;
  /** Per open item level: its tasks (its sub-items' included), for a note that closes it. */
  private readonly itemTasks: PendingTask[][] = [[], [], [], [], [], []];
  /**
   * Per open item level: clauses that ask nothing by themselves, with the level they were read at; a
   * closing owner note makes them tasks.
   */
  private readonly itemCandidates: { level: number; substantive: boolean; make: () => ExtractedTask[] }[][] = [[], [], [], [], [], []];
  private readonly opened = [true, false, false, false, false, false];
  /** The document said once that the first unit of a list leads ("列第一位为牵头单位，下同"). */
  private firstIsLead = false;
  /** The document answers a deputy or a proposal ("现答复如下"). */
  private readonly reply: boolean;
  /** The text is a plan by its title ("…2024年工作要点"): the figures it states are the ones it sets. */
  private readonly plan: boolean;
  /** Who signs the reply: the owner of what it promises without naming one. */
  private readonly signer: OwnersAsWritten | null;
  /**
   * Whose the document's work is when a clause and its items name no one: the reply's signer, or the issuer a
   * plan's title names ("教育部2019年工作要点").
   */
  private readonly documentOwner: OwnersAsWritten | null;
  /** The points being read list the problems found ("存在以下问题：一是…"). */
  private findings = false;
  /** The last clause read was a task ending with "；". */
  private continuesTask = false;
  /** Per item level: the deadline its heading gave the step ("…阶段（9月10日至9月17日）"). */
  private readonly stageDeadline: (FoundDeadline | null)[] = [null, null, null, null, null, null];
  /** Per item level: the owners of an owner line read in the item, for the item's lines after it. */
  private readonly lineOwners: (OwnersAsWritten | null)[] = [null, null, null, null, null, null];
  /** The owner line "牵头单位：…" just read, with the tasks it gave owners to, for a 责任单位 line after it. */
  private leadLine: { scope: number; tasks: PendingTask[] } | null = null;
  /** The deadline of the last task that had one, in this paragraph; a clause starting with 其中 takes it. */
  private carriedDeadline: FoundDeadline | null = null;
  /** The last task took the carried deadline (its "；" chain keeps it). */
  private carryingDeadline = false;
  /** "到2027年，…。" in a paragraph's first clause: the year its goal sentences after it are for, to the paragraph's end. */
  private goalYear: FoundDeadline | null = null;
  /** "2020年任务：" opening a paragraph: the year its points' months are in, to the paragraph's end. */
  private pointsYear: string | null = null;
  /** Numbered clauses followed on the same line by sentences of their item or its sub-items. */
  private readonly leadingSentences = new Set<Clause>();
  /** The level of the item whose opening heading asks ("二要建立联动机制。"), while it is open. */
  private modalTitleLevel: number | null = null;
  /** The rules' verdict on the clause read before, which the model reads with the clause. */
  private previousVerdict: ClauseVerdict | undefined;
  /** The level the reader was at when points numbered inside a paragraph began ("一是…"). */
  private pointsFrom: number | null = null;

  constructor(
    private readonly text: string,
    private readonly context: DeadlineContext,
    private readonly matcher: UnitMatcher,
    private readonly model: ClauseModel | null,
    private readonly options: ExtractOptions,
  ) {
    this.reply = /(?:答复|回复|复函)如下/.test(text.slice(0, 2000));
    this.plan = PLAN_TITLE.test(text.trim().split('\n')[0]);
    // A reply without a signing line speaks for the unit it names before calling itself "我局" (its title,
    // or "答复如下：盘山县水利局对…"), else for the one it calls itself.
    const self = this.reply ? /我(?:局|委|办|厅|中心|院)/.exec(text) : null;
    const signer = this.reply ? (findSigner(text) ?? (self ? [antecedentOf(self[0], text, self.index) ?? self[0]] : null)) : null;
    this.signer = signer && { lead: signer, cooperating: [] };
    const issuer = findIssuer(text);
    this.documentOwner = this.signer ?? (issuer && { lead: issuer, cooperating: [] });
  }

  read(clauses: Clause[]): ExtractedTask[] {
    const tasks: ExtractedTask[] = [];
    for (const [index, clause] of clauses.entries()) {
      if (this.headsSentences(clause, clauses[index + 1])) this.leadingSentences.add(clause);
      if (clause.marker || this.lineStartsAt(clause)) [this.carriedDeadline, this.goalYear] = [null, null];
      // (Points numbered inside the paragraph, "一是…", stay in its year; the words before the first point are no clause.)
      if (this.lineStartsAt(clause)) this.pointsYear = null;
      const pointsYear = YEAR_POINTS.exec(this.text.slice(clauses[index - 1]?.end ?? 0, clause.contentStart));
      if (pointsYear) this.pointsYear = pointsYear[1];
      // "发现存在四个方面的问题：一是…二是…": the points after it are the problems found, not what to do.
      // (A list's first point decides: "…提出建议：一是…" after the findings starts a list of what to do.)
      const point = clause.marker?.level === POINT_LEVEL ? this.text.slice(Math.max(0, clause.contentStart - 40), clause.contentStart) : null;
      if (point !== null && FIRST_POINT.test(point)) this.findings = FINDINGS_LEAD.test(point.replace(FIRST_POINT, ''));
      else if (clause.marker && clause.marker.level < POINT_LEVEL) this.findings = false;
      if (clause.marker) this.openItem(clause);
      // A new unnumbered paragraph starts afresh: a clause without a subject does not reach back into the
      // paragraph before (the owners of the enclosing numbered items still hold).
      else if (this.lineStartsAt(clause)) {
        // Points numbered inside a paragraph ("一要…；二要…") end with it: the next paragraph is the item's again.
        if (this.level === POINT_LEVEL && this.pointsFrom !== null) this.closePoints();
        this.owners[this.level] = null;
      }
      // A line without a full stop heads what follows, unless a numbered one sets a figure ("（一）地区生产总值
      // 增长7%以上"); a news headline stays a headline.
      if (clause.headingLine && (clause.marker === null || findTargets(this.text.slice(clause.contentStart, clause.end)).length === 0)) {
        this.announceOwners(clause);
        const heading = this.text.slice(clause.contentStart, clause.end);
        const yearHeading = clause.marker ? YEAR_HEADING.exec(heading.trim()) : null;
        if (yearHeading && `${yearHeading[1]}-12-31` >= this.context.documentDate) this.stageDeadline[this.level] = { text: yearHeading[0], date: `${yearHeading[1]}-12-31`, cycle: null, index: -1 };
        else this.openGoalYear(heading, findDeadlines(heading, this.context).filter((d) => d.date !== null && d.date >= this.context.documentDate));
        continue;
      }
      tasks.push(...this.readClause(clause));
    }
    return tasks;
  }

  /**
   * A short line announcing the points below it names who does them: "工业和信息化部将…推进四方面重点工作：",
   * "检查组向各基础电信企业提出三点要求：".
   */
  private announceOwners(clause: Clause): void {
    const content = this.text.slice(clause.contentStart, clause.end);
    if (!/[：:]\s*$/.test(content)) return;
    const subject = findSubjects(content)[0];
    const owners = subject ? subject.owners : findAddressee(content);
    if (owners) this.owners[this.level] = { owners: { lead: owners, cooperating: [] }, inherited: true };
  }

  /**
   * A numbered clause followed on its line by sentences of its item or its sub-items ("二要强化宣传教育。村广播…"),
   * not by the next item nor by a note ("…。（牵头单位：…）").
   */
  private headsSentences(clause: Clause, next: Clause | undefined): boolean {
    if (!clause.marker || !next || this.text.slice(clause.end, next.start).includes('\n')) return false;
    if (next.marker && next.marker.level <= clause.marker.level) return false;
    return !/^[（(〔［[]/.test(this.text.slice(next.contentStart, next.contentStart + 1));
  }

  private openItem(clause: Clause): void {
    const level = clause.marker!.level;
    if (level === POINT_LEVEL && this.level < POINT_LEVEL) this.pointsFrom = this.level;
    else if (level < POINT_LEVEL) this.pointsFrom = null;
    this.level = level;
    if (this.modalTitleLevel !== null && level <= this.modalTitleLevel) this.modalTitleLevel = null;
    for (let l = level; l < this.owners.length; l++) this.owners[l] = null;
    for (let l = level; l < this.lineOwners.length; l++) this.lineOwners[l] = null;
    for (let l = level; l < this.stageDeadline.length; l++) this.stageDeadline[l] = null;
    for (let l = level; l < this.kinds.length; l++) this.kinds[l] = 'neutral';
    if (level === POINT_LEVEL && this.findings) this.kinds[level] = 'facts';
    // "（二）目标指标。经过三年努力，…": a short title opening its item's line names the section as a heading line does.
    const title = this.text.slice(clause.contentStart, clause.end);
    // (Only for goals and principles: "（二）按时报送情况。" reads as a report's heading, which it is not.)
    const titled = !clause.headingLine && INLINE_TITLE.test(title) ? sectionKind(title) : 'neutral';
    if (titled === 'goals' || titled === 'principles') this.kinds[level] = titled;
    if (clause.headingLine) {
      const heading = this.text.slice(clause.contentStart, clause.end);
      this.kinds[level] = sectionKind(heading);
      // "一、县示范区管委会牵头工作（8项）": the unit heading a list leads its items.
      const lead = HEADING_LEAD.exec(heading.trim()) ?? UNIT_HEADING.exec(heading.trim());
      const names = lead ? splitOwnerList(lead[1]) : null;
      if (names) this.owners[level] = { owners: { lead: names, cooperating: [] }, inherited: true };
    }
    for (let l = level; l < this.opened.length; l++) {
      this.itemTasks[l] = [];
      this.itemCandidates[l] = [];
      this.opened[l] = l === level;
    }
  }

  private closePoints(): void {
    this.findings = false;
    this.owners[POINT_LEVEL] = null;
    this.lineOwners[POINT_LEVEL] = null;
    this.stageDeadline[POINT_LEVEL] = null;
    this.kinds[POINT_LEVEL] = 'neutral';
    this.level = this.pointsFrom!;
    this.pointsFrom = null;
  }

  /**
   * The item a closing note belongs to: the current one when the note ends a line of it ("…。（A牵头）"),
   * the enclosing one when the note stands on its own line after a list of sub-items ("（1）…（4）…\n（责任单位：…）").
   */
  private noteScope(clause: Clause): number {
    if (!this.lineStartsAt(clause) || clause.marker) return this.level;
    for (let l = this.level - 1; l > 0; l--) if (this.opened[l]) return l;
    return 0;
  }

  private sectionKind(): SectionKind {
    for (let l = this.level; l >= 0; l--) if (this.kinds[l] !== 'neutral') return this.kinds[l];
    return 'neutral';
  }

  private inherited(): OwnersAsWritten | null {
    for (let l = this.level; l >= 0; l--) {
      const set = this.owners[l];
      if (set && (l === this.level || set.inherited)) return set.owners;
    }
    return this.lineOwners[this.level];
  }

  private readClause(clause: Clause): ExtractedTask[] {
    const content = this.text.slice(clause.contentStart, clause.end);
    if (setsFirstIsLead(content)) this.firstIsLead = true;
    const notes = findOwnerNotes(content, this.firstIsLead);
    const bare = content.replace(/[。；;，,\s]+$/, '');
    const line = clause.marker ? null : ownerLine(content, this.firstIsLead);
    const closingNote = line ? { ...line, start: 0, end: bare.length } : notes.find((n) => n.end === bare.length && (n.start === 0 || clause.endsLine));
    const tasks: ExtractedTask[] = [];
    if (closingNote && closingNote.start === 0) return this.readNote(clause, content, line, closingNote);
    this.leadLine = null;
    const timeNote = TIME_NOTE.exec(content.trim());
    if (timeNote) return this.closeItemWithTime(timeNote[1] ?? timeNote[2]);
    // "（一）动员部署阶段（2010年9月10日至9月17日）。", "第二阶段：检查整改（4月16日至10月30日）。": the step's end is the
    // deadline of its sentences.
    // (A step may open its paragraph unnumbered: "活动总结阶段（6月1日至6月15日）。各部门…"; one named without dates,
    // "督查评估阶段。", ends the dates of the step before.)
    const opensStep = clause.marker !== null || this.lineStartsAt(clause);
    const stage = (opensStep ? STAGE.exec(content.trim()) : null) ?? NAMED_STAGE.exec(content.trim());
    if (stage || (opensStep && UNDATED_STAGE.test(content.trim()))) {
      this.stageDeadline[this.level] = stage ? (findDeadlines(stage[1], this.context)[0] ?? null) : null;
      return [];
    }
    const opening = opensStep ? STAGE_OPENING.exec(content.trim()) : null;
    if (opening) this.stageDeadline[this.level] = findDeadlines(opening[1], this.context)[0] ?? null;
    // "道路交通方面，…": a new topic; what was said before it names no owner of it.
    if (TOPIC.test(content)) this.owners[this.level] = null;
    // "一、总体要求 … 行动目标：到2025年，…。新增完成8万个…": a goal label under the principles opens the goals their figures set.
    if (this.sectionKind() === 'principles' && GOAL_LABEL.test(content.trim())) this.kinds[this.level] = 'goals';
    const kind = this.sectionKind();
    // (Under 总体要求 a clause naming whom it asks is a measure placed there, not a principle: "（一）…水库防汛。镇包库领导要…")
    // (…nor is a figure after the goal's year in its paragraph: "到2025年年底，…96%以上；农民工工资保证金存储率保持100%，…")
    // ("会议指出，二季度物业管理存在三方面突出问题：" announces findings, nothing to do.)
    if (FINDINGS_LEAD.test(content) || kind === 'facts' || kind === 'criteria' || (kind === 'principles' && !this.setsDatedFigure(content) && !(this.goalYear && findTargets(content).length > 0) && findSubjects(content).length === 0 && !findLedBy(content))) return [];
    for (const segment of this.segments(content)) tasks.push(...this.readSegment(clause, segment, segment.start === 0));
    this.continuesTask = tasks.length > 0 && /[；;]$/.test(bare + content.slice(bare.length).trim().slice(0, 1));
    if (closingNote) {
      tasks.push(...this.promote(this.level, true));
      this.closeItemWith(closingNote, this.level);
    }
    return tasks;
  }

  /**
   * A note or an owner line on its own ("（A牵头，B配合）", "牵头单位：A", "责任单位：B"): it closes its item,
   * giving its owners to the item's tasks and making its candidates tasks; right under a short numbered
   * heading it heads the item's lines instead ("（一）第一检查督导组；\n责任单位：A、B\n检查范围：…"); and a
   * 责任单位 line right after a 牵头单位 line names who carries the item out with the lead.
   */
  private readNote(clause: Clause, content: string, line: OwnersAsWritten | null, note: OwnersAsWritten): ExtractedTask[] {
    const heading = this.itemTasks[this.level].length === 0 && !this.itemCandidates[this.level].some((c) => c.level === this.level && c.substantive);
    if (line && this.level > 0 && heading) {
      this.lineOwners[this.level] = { lead: line.lead, cooperating: line.cooperating };
      this.itemCandidates[this.level] = [];
      return [];
    }
    const scope = this.noteScope(clause);
    if (line && this.leadLine?.scope === scope && /^(?:责任单位|責任單位|责任部门|配合单位|配合部门|协同责任单位|相关责任单位|协同单位|协助单位|实施单位|参与单位)[：:]/.test(content)) {
      // (a 配合单位 line may follow a 实施单位 line: the lead line keeps collecting until the next clause)
      for (const pending of this.leadLine.tasks) pending.task.cooperatingUnits = [...pending.task.cooperatingUnits, ...this.matcher.owners([...line.lead, ...line.cooperating])];
      return [];
    }
    const tasks = this.promote(scope, scope === this.level);
    const owned = this.itemTasks[scope].filter((p) => !p.ownOwners);
    this.closeItemWith(note, scope);
    // An owner line is also the owner of the item's lines after it, line after line.
    if (line) this.lineOwners[this.level] = { lead: note.lead, cooperating: note.cooperating };
    this.leadLine = line && /^(?:牵头单位|牽頭單位|牵头部门|牵头责任单位)[：:]/.test(content) ? { scope, tasks: owned } : null;
    return tasks;
  }

  /**
   * "总体要求" often ends with the plan's goal: "到2025年底，…破案率达到40%以上。" A figure with a date is a
   * goal to track, as under 工作目标; the rest of such a section states principles.
   */
  private setsDatedFigure(content: string): boolean {
    return findTargets(content).length > 0 && findDeadlines(content, this.context).some((d) => d.date !== null && d.date >= this.context.documentDate);
  }

  /**
   * The candidates a closing note makes tasks: those of the items below its scope, and of the scope's own
   * item only when the note closes that item's line (a heading above a list is not one of its measures).
   */
  private promote(scope: number, inline: boolean): ExtractedTask[] {
    return this.itemCandidates[scope].filter((c) => c.level > scope || (inline && c.level === scope)).flatMap((c) => c.make());
  }

  /** "（完成时限：2021年11月底）" closing an item: the deadline of the item's tasks that have none. */
  private closeItemWithTime(written: string): ExtractedTask[] {
    const [found] = findDeadlines(written, this.context);
    if (!found) return [];
    for (const pending of this.itemTasks[this.noteScopeOfTime()]) if (pending.task.deadline.text === null) pending.task.deadline = { ...deadlineOf(found), text: written };
    return [];
  }

  /** The item a time note closes: the innermost item that has tasks. */
  private noteScopeOfTime(): number {
    for (let l = this.level; l > 0; l--) if (this.itemTasks[l].length > 0) return l;
    return 0;
  }

  /** Gives a closing note's owners to the item's tasks that name none, and to what follows in the item. */
  private closeItemWith(note: OwnersAsWritten, scope: number): void {
    const owners = { lead: note.lead, cooperating: note.cooperating };
    for (const pending of this.itemTasks[scope]) {
      if (pending.ownOwners) continue;
      pending.task.leadUnits = this.matcher.owners(owners.lead);
      pending.task.cooperatingUnits = this.matcher.owners(owners.cooperating);
      pending.task.confidence = Math.min(0.95, Math.round((pending.task.confidence + 0.1) * 100) / 100);
      pending.ownOwners = true;
    }
    this.itemCandidates[scope] = [];
  }

  private segments(content: string): Segment[] {
    const subjects = findSubjects(content);
    const segments: Segment[] = [];
    let start = 0;
    let current: Subject | null = null;
    for (const subject of subjects) {
      // A short phrase before the second subject ("强化队伍建设，各成员单位要…") is its context, not a task; so is
      // what frames the first ("针对当前正在开展的排查整治，各部门要…").
      const before = content.slice(start, subject.start);
      // (After a subject, even a short phrase is what that subject does: "党政办负责外围环境，财政所负责资金兑付".)
      if (subject.start === 0 || (current === null && before.replace(/[，,\s]/g, '').length <= 14) || (start === 0 && framesSubject(before))) {
        current ??= subject;
        continue;
      }
      segments.push({ start, end: subject.start, subject: current });
      start = subject.start;
      current = subject;
    }
    segments.push({ start, end: content.length, subject: current });
    return segments;
  }

  private readSegment(clause: Clause, segment: Segment, first: boolean): ExtractedTask[] {
    const piece = this.text.slice(clause.contentStart + segment.start, clause.contentStart + segment.end);
    // "县环保局。负责对全县…", "（十六）各区县政府和地区管委会。落实属地责任…": a unit named alone heads the duties
    // after it in its item, as a note closing the item would.
    // (A body that governs, not a kind of place a heading may name for a topic: "（三）加油站、液化气站。")
    const namedAlone = /。\s*$/.test(piece) ? splitOwnerList(piece.replace(/。\s*$/, '')) : null;
    // (Not the things a plan counts out to build: "建设或改造1个县级…中心、350个以上村级服务站。")
    if (namedAlone && namedAlone.every((name) => GOVERNING_BODY.test(name) && !/\d/.test(name))) {
      this.owners[this.level] = { owners: { lead: namedAlone, cooperating: [] }, inherited: true };
      this.previousVerdict = 'title';
      return [];
    }
    // A slogan in quotes ("“年初建账、逐月查账、年底交账”") names no deadline of its own; a mechanism's rhythm in
    // quotes ("“日盯办、周调度、月通报”") is still the cycle the work keeps.
    const quoted = [...piece.matchAll(/“[^”]*”/g)].map((q) => [q.index, q.index + q[0].length]);
    const year = YEAR_POINTS.exec(piece);
    if (first && year) this.pointsYear = year[1];
    // A month without a year falls in the year the points are for, when that is a later one.
    const within = this.pointsYear && this.pointsYear > this.context.documentDate.slice(0, 4) ? { ...this.context, documentDate: `${this.pointsYear}-01-01` } : this.context;
    const deadlines = findDeadlines(piece, within).filter((d) => holdsOn(d, this.context.documentDate) && (d.date === null || !quoted.some(([a, b]) => d.index > a && d.index < b)));
    if (first) this.openGoalYear(piece, deadlines);
    const targets = clauseTargets(piece);
    const notes = findOwnerNotes(piece);
    const ledBy = findLedBy(piece);
    const subject = segment.subject;
    const afterSubject = subject ? this.text.slice(clause.contentStart + subject.end, clause.contentStart + segment.end) : '';
    // "各镇街要…，由南溪镇、北塘街道具体落实": the units named to carry it out are whom the kind of body stands for.
    const namedAfterKind = subject && ledBy && !ledBy.incidental && subject.owners.every((o) => /^各/.test(o)) && ledBy.lead.every((o) => !/^各/.test(o)) ? ledBy : null;
    const written: OwnersAsWritten | null = namedAfterKind ?? (subject ? { lead: subject.owners, cooperating: partnersAfter(afterSubject, subject.modal) } : (ledBy ?? notes[0] ?? findApprovedFrom(piece)));
    // "我局将…" in a reply is the signer's promise, named as the office would file it; elsewhere "我局", "该行"
    // is the unit named before.
    const own = written && this.signer && written.lead.every((o) => SELF.test(o)) ? { ...written, lead: this.signer.lead } : written && { ...written, lead: written.lead.map((o) => antecedentOf(o, this.text, clause.contentStart + segment.start) ?? o) };
    const signals = {
      content: piece,
      // (A weak subject names who acts, not that the clause asks: the clause is judged as if it named no one.)
      hasOwner: own !== null && !subject?.weak,
      hasDeadline: deadlines.length > 0,
      hasTarget: targets.length > 0,
      opensItem: first && clause.marker !== null && !clause.endsLine,
      wholeItemLine: first && clause.marker !== null && clause.endsLine && this.lineStartsAt(clause) && this.deeperItemFollows(clause),
      inTaskSection: this.sectionKind() === 'tasks' || this.sectionKind() === 'goals',
      continuesTask: this.continuesTask,
      inheritsOwner: own === null && this.inherited() !== null,
      reply: this.reply,
      assigned: assignsWork(subject, ledBy, (first && clause.marker !== null) || /[；;]\s*$/.test(piece) || this.continuesTask),
      numbered: first && clause.marker !== null,
      inPlan: this.plan,
      underModalTitle: this.modalTitleLevel === this.level,
      headsSentences: first && clause.marker !== null ? this.leadingSentences.has(clause) : undefined,
      pointMarker: first && clause.marker?.level === 5,
      headsParagraph: first && clause.marker === null && !clause.endsLine && this.lineStartsAt(clause),
    };
    const ruled = classifyClause(signals);
    const view = { signals, verdict: ruled, section: this.sectionKind(), previous: this.previousVerdict, position: (clause.contentStart + segment.start) / Math.max(1, this.text.length) };
    this.previousVerdict = ruled;
    this.options.observe?.(view, { start: clause.contentStart + segment.start, end: clause.contentStart + segment.end });
    // A heading that names its section ("无诈村（社区）标准。", "工作措施。") is the rules' to read, not the model's.
    let verdict = ruled === 'title' && sectionKind(piece) !== 'neutral' ? ruled : reconsider(this.model, view, this.options.takeAt, this.options.dropBelow);
    if (ruled === 'title' && first && clause.marker) {
      // "（一）无诈村（社区）标准。" heads criteria; "二要建立联动机制。" heads sentences that ask.
      if (sectionKind(piece) === 'criteria') this.kinds[this.level] = 'criteria';
      else if (/^要/.test(piece)) this.modalTitleLevel = this.level;
    }
    // What a task names, or what "A将…" announces, is the owner of the clauses after it in the item and its
    // sub-items; the subject of an exhortation only of the clauses after it in the same item.
    // (The partners a subject works with in its own clause, "A要会同B…", are that clause's: the clauses after it are
    // A's. Partners assigned with the lead, "A牵头、B配合，…", stay with it.)
    if (own && (verdict === 'task' || segment.subject?.modal === '将')) {
      const assigned = subject === null || /^(?:牵头|牽頭|负责|負責)$/.test(subject.modal ?? '');
      this.owners[this.level] = { owners: assigned ? own : { lead: own.lead, cooperating: [] }, inherited: true };
    }
    // …unless points follow it on its line ("全市交通运输系统要…抓好安全生产工作。一是…一要…"): they are its parts.
    // A clause announcing its points ("各镇(办)要继续做好以下工作。", "我委将持续开展如下四项工作。") gives them its owner.
    else if (own && ANNOUNCES_POINTS.test(piece)) this.owners[this.level] = { owners: own, inherited: true };
    else if (own && verdict === 'exhortation') this.owners[this.level] = { owners: own, inherited: POINTS_FOLLOW.test(this.text.slice(clause.end, clause.end + 16)) };
    // "教体局始终把它作为重中之重的工作来抓。…2022年完成…": the unit a statement is about does the work asked after it in its item.
    else if (own && verdict === 'no-directive') this.owners[this.level] = { owners: own, inherited: false };
    // "检查组向各基础电信企业通报了存在问题，并提出三点要求：一是…": the points are asked of whom the lead addresses.
    else if (!own && /[：:]\s*$/.test(piece) && POINTS_FOLLOW.test(this.text.slice(clause.end, clause.end + 16))) {
      const addressee = findAddressee(piece);
      if (addressee) this.owners[this.level] = { owners: { lead: addressee, cooperating: [] }, inherited: true };
    }
    // Under 工作目标 a sentence is a task when it sets a number or a date; the rest states the aim in general.
    // (One the model took stays what the rules made of it: a note closing its item may still make it a task.)
    if (verdict === 'task' && this.sectionKind() === 'goals' && targets.length === 0 && deadlines.length === 0 && !own) {
      if (ruled === 'task') return [];
      verdict = ruled;
    }
    // In an item an owner note closes, every measure is a task, even one worded like an exhortation or
    // standing on its numbered line like a title.
    if (verdict === 'no-directive' || verdict === 'exhortation' || (verdict === 'title' && clause.endsLine)) {
      // (made when a note closes the item, later: the step's date is the one in force here)
      const stage = this.stageInForce();
      const make = () => this.buildTasks(clause, segment, piece, deadlines, targets, notes, own, verdict, stage);
      // A heading or a short line ("责任领导：…") is no measure an owner line below it could close.
      const substantive = (piece.match(/\p{Script=Han}/gu) ?? []).length >= 10;
      for (let l = 0; l <= this.level; l++) this.itemCandidates[l].push({ level: this.level, substantive, make });
    }
    if (verdict !== 'task') return [];
    const tasks = this.buildTasks(clause, segment, piece, deadlines, targets, notes, own, ruled);
    // A task the model took on its own is as sure as the model is.
    if (ruled !== 'task') for (const task of tasks) task.confidence = Math.min(task.confidence, Math.round(taskProbability(this.model!, view) * 100) / 100);
    return tasks;
  }

  /** The date of the step or the dated item the reader is in, the innermost first. */
  private stageInForce(): FoundDeadline | null {
    return this.stageDeadline.slice(0, this.level + 1).reverse().find((d) => d !== null) ?? null;
  }

  private buildTasks(clause: Clause, segment: Segment, piece: string, deadlines: FoundDeadline[], targets: FoundTarget[], notes: Removal[], own: OwnersAsWritten | null, verdict: string, stage = this.stageInForce()): ExtractedTask[] {
    // "要会同有关部门指导…" without a subject: the owner carried over works with the partners it names.
    const taken = own ? null : (this.inherited() ?? this.documentOwner);
    const partners = taken ? partnersAfter(piece.replace(/^(?:要|并|同时[，,]?)/, ''), '要') : [];
    // "A要配合B做好…" is B's work with A's help; the owner carried on to the clauses after it stays A.
    const supported = own && !segment.subject ? null : supportedUnit(segment.subject ? piece.slice(segment.subject.end - segment.start) : piece);
    const owners = supported
      ? { lead: supported, cooperating: (own ?? taken)?.lead ?? [] }
      : (own ?? (taken && partners.length > 0 ? { lead: taken.lead, cooperating: partners } : taken));
    const ownership = own ? 'own' : owners ? 'inherited' : 'none';
    const removals: Removal[] = [...deadlines.map((d) => ({ start: d.index, end: d.index + d.text.length })), ...notes];
    if (segment.subject) removals.push({ start: segment.subject.start - segment.start, end: segment.subject.end - segment.start });
    const requirement = requirementPhrase(piece, removals);
    // A clause that is only a time ("自即日起至2022年3月31日。", "2025年6月1日至6月30日。") asks for nothing; one
    // whose subject is asked a short act still asks it ("责任单位要每周一调度").
    if (requirement.replace(ONLY_TIME, '').replace(/[^\p{Script=Han}A-Za-z]/gu, '').length < (segment.subject ? 2 : 4)) return [];
    const start = this.spanStart(clause, segment);
    const end = clause.contentStart + segment.end;
    // "…到今年年底达到…。其中，A要达到60%；B要达到50%。": the parts of a requirement keep its deadline.
    const carried =
      deadlines.length > 0 ? null : this.carriedDeadline && (/^其中/.test(piece) || (this.carryingDeadline && this.continuesTask)) ? this.carriedDeadline : (this.goalYear ?? (stage ? { ...stage, index: -1 } : null));
    this.carryingDeadline = carried !== null;
    if (deadlines.length > 0) this.carriedDeadline = { ...deadlines[0], index: -1 };
    // "（七）6月9日前，县安监局在…插100面刀旗。同时会同…悬挂…": a date opening an item dates its sentences, as a step's does.
    if (segment.start === 0 && clause.marker && deadlines.length > 0 && deadlines[0].index <= 1) this.stageDeadline[this.level] = deadlines[0];
    const variants = this.variants(carried ? [carried] : deadlines, targets);
    return variants.map(({ deadline, target }) => {
      const task: ExtractedTask = {
        requirement,
        start,
        end,
        paragraph: this.text.slice(start, end),
        leadUnits: this.matcher.owners(owners?.lead ?? []),
        cooperatingUnits: this.matcher.owners(owners?.cooperating ?? []),
        deadline: deadlineOf(deadline),
        target: targetOf(target),
        confidence: confidence(ownership, deadline !== undefined, target !== undefined, verdict === 'task'),
      };
      const pending = { task, ownOwners: own !== null && own.incidental !== true };
      for (let l = 0; l <= this.level; l++) this.itemTasks[l].push(pending);
      return task;
    });
  }

  /**
   * "到2027年，有效解决…。全面实现…。城乡供水一体化率达到83.5%…。": the goal sentences after the year's opening
   * are for that year too, to the paragraph's end; "到2030年，具体实现以下目标：" dates the item's lines below it.
   */
  private openGoalYear(piece: string, deadlines: FoundDeadline[]): void {
    const plan = PLAN_GOALS.exec(piece);
    const planEnd = plan && `${lastYearOfFiveYearPlan(plan[1])}-12-31`;
    if (planEnd && planEnd >= this.context.documentDate) {
      this.stageDeadline[this.level] = { text: plan![0], date: planEnd, cycle: null, index: -1 };
      return;
    }
    const goals = YEAR_GOALS.exec(piece);
    const year = goals ? (goals[1] ?? this.context.documentDate.slice(0, 4)) : null;
    if (year !== null && `${year}-12-31` >= this.context.documentDate) {
      this.goalYear = { text: goals![0], date: `${year}-12-31`, cycle: null, index: -1 };
      return;
    }
    if (!deadlines[0] || !GOAL_YEAR.test(piece)) return;
    this.goalYear = { ...deadlines[0], index: -1 };
    if (/[：:]\s*$/.test(piece)) this.stageDeadline[this.level] = this.goalYear;
  }

  /**
   * The next non-empty line is an item below this clause's ("（一）…。\n10.…") or an unnumbered paragraph
   * ("（一）推进大数据基础设施建设。\n深入开展…"): the clause heads what follows.
   */
  private deeperItemFollows(clause: Clause): boolean {
    const next = /\n\s*([^\n]+)/.exec(this.text.slice(clause.end, clause.end + 200));
    if (!next || clause.marker === null) return false;
    const marker = itemMarkerAt(next[1]);
    return marker === null || marker.level > clause.marker.level;
  }

  /** The clause begins its line. */
  private lineStartsAt(clause: Clause): boolean {
    return this.text.slice(this.text.lastIndexOf('\n', clause.start - 1) + 1, clause.start).trim() === '';
  }

  /** The first segment keeps the clause's numbering in its span; later ones start at their subject. */
  private spanStart(clause: Clause, segment: Segment): number {
    return segment.start === 0 ? clause.start : clause.contentStart + segment.start;
  }

  /**
   * Two targets make two tasks, each with the deadline written between it and the target before it
   * ("实名率达到98%、年底前达到100%": the second only); a target without one takes the deadline written
   * before the first target, or after the last when none is written between them ("A达到…、B达到…，年底前完成").
   * Else two deadlines make two tasks; the same date said twice is one ("年底前完成…，确保今年完成…").
   */
  private variants(found: FoundDeadline[], targets: FoundTarget[]): { deadline?: FoundDeadline; target?: FoundTarget }[] {
    const deadlines = found.filter((d, i) => d.date === null || found.findIndex((o) => o.date === d.date && o.cycle === d.cycle) === i);
    if (targets.length >= 2) {
      const first = targets[0].index;
      const last = targets[targets.length - 1].index;
      const between = deadlines.some((d) => d.index > first && d.index < last);
      const shared = deadlines.filter((d) => d.index < first).pop() ?? (between ? undefined : deadlines.find((d) => d.index > last));
      return targets.map((target, k) => {
        const near = k > 0 ? deadlines.filter((d) => d.index > targets[k - 1].index && d.index < target.index).pop() : undefined;
        return { target, deadline: near ?? shared };
      });
    }
    if (deadlines.length >= 2) return deadlines.map((deadline) => ({ deadline, target: targets[0] }));
    return [{ deadline: deadlines[0], target: targets[0] }];
  }
}
