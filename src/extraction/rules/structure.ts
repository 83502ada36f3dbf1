/**
 * The shape of a Chinese official document: numbered items (一、 （一） 1. （1） 一是) and the clauses a task
 * can come from. Offsets always point into the analysed text, so a clause is `text.slice(start, end)`.
 */
import { OWNER_LINE } from './owners';

/**
 * 1: 一、  2: （一）  3: 1.  4: （1）  5: 一是 / 一要 / 第一， (items inside a paragraph). "一要…" is "一是要…": the
 * marker takes the number only, so the content keeps the word that asks.
 */
export type ItemLevel = 1 | 2 | 3 | 4 | 5;

const CN_NUMBER = '[一二三四五六七八九十]{1,3}';

/** Pattern per level; each names the numbering it serves. */
export const ITEM_MARKERS: readonly { level: ItemLevel; example: string; pattern: RegExp }[] = [
  { level: 1, example: '一、', pattern: new RegExp(`^${CN_NUMBER}[、]`) },
  { level: 2, example: '（一）', pattern: new RegExp(`^[（(]${CN_NUMBER}[）)]`) },
  { level: 3, example: '1. / 1.2025年，… (a year right after the point is not a decimal)', pattern: /^\d{1,2}(?:[.．、](?!\d)|[.．](?=\d{4}年)|\s)/ },
  { level: 4, example: '（1）', pattern: /^[（(]\d{1,2}[）)]/ },
  { level: 5, example: '一是', pattern: new RegExp(`^(?:${CN_NUMBER}(?:是|(?=要))|第${CN_NUMBER}[，,、]|首先[，,]|其次[，,])`) },
];

export interface ItemMarker {
  level: ItemLevel;
  /** Characters the marker takes (the content starts after them). */
  length: number;
}

/** The numbering at the start of `text`, if any. */
export function itemMarkerAt(text: string): ItemMarker | null {
  for (const { level, pattern } of ITEM_MARKERS) {
    const match = pattern.exec(text);
    if (match) return { level, length: match[0].length };
  }
  return null;
}

export interface Clause {
  start: number;
  end: number;
  /** The numbering the clause begins with (its item starts here), or null. */
  marker: ItemMarker | null;
  /** Where the content starts: after the marker and leading spaces. */
  contentStart: number;
  /** A whole line without a closing full stop: a heading such as "一、工作开展情况". */
  headingLine: boolean;
  /** The clause ends its line (a note in parentheses here closes the item). */
  endsLine: boolean;
}

const TERMINATORS = new Set(['。', '；', ';', '！', '!', '？', '?']);
// (A note may be closed in square brackets: "…落到实处。[牵头单位:A;配合单位:B]".)
const OPENERS = new Set(['（', '(', '“', '「', '『', '《', '〔', '［', '[', '【']);
const CLOSERS = new Set(['）', ')', '”', '」', '』', '》', '〕', '］', ']', '】']);
const TRAILING_QUOTES = new Set(['”', '’', '」', '』']);
const SPACE = /\s/;

/**
 * Splits a text into clauses: a clause ends at 。；！？ (full or half width) or at the end of a line, never
 * inside parentheses or quotes (a note such as "（A、B负责。列第一位者为牵头单位）" stays whole). A
 * paragraph marker such as "一是" after a short lead-in ("会议要求，一要…") starts its own clause.
 */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    for (const [from, to] of flattenedLines(text, lineStart, lineEnd)) splitLine(text, from, to, clauses);
    lineStart = lineEnd + 1;
  }
  return clauses;
}

/**
 * A page copied flat keeps its numbered items on one line, a space before each ("…任务。（责任单位：A） 7.加大…",
 * "三、相关要求 （一）各单位要…"): a space outside brackets followed by an item number (一、 （一） 1. （1）) ends a line.
 */
function flattenedLines(text: string, from: number, to: number): [number, number][] {
  const lines: [number, number][] = [];
  let start = from;
  for (const i of outsideBrackets(text, from, to)) {
    if (i <= start || (text[i] !== ' ' && text[i] !== '\u3000') || SPACE.test(text[i - 1])) continue;
    let next = i;
    while (next < to && (text[next] === ' ' || text[next] === '\u3000')) next += 1;
    const marker = itemMarkerAt(text.slice(next, next + 8));
    // ("将于 7 月 12 日": a number and a space is a date written with spaces, not an item.)
    if (marker && marker.level <= 4 && !/^\d+\s/.test(text.slice(next, next + 4)) && next + marker.length < to) {
      lines.push([start, i]);
      start = next;
    }
  }
  lines.push([start, to]);
  return lines;
}

/** The positions from `from` to `to` that stand outside any bracket or quotation, brackets themselves left out. */
function* outsideBrackets(text: string, from: number, to: number): Generator<number> {
  let depth = 0;
  for (let i = from; i < to; i++) {
    if (OPENERS.has(text[i])) depth += 1;
    else if (CLOSERS.has(text[i]) && depth > 0) depth -= 1;
    else if (depth === 0) yield i;
  }
}

function splitLine(text: string, from: number, to: number, out: Clause[]): void {
  const first = out.length;
  let start = from;
  for (const i of outsideBrackets(text, from, to)) {
    if (i < start || !TERMINATORS.has(text[i])) continue;
    let end = i + 1;
    while (end < to && TRAILING_QUOTES.has(text[end])) end += 1;
    pushClause(text, start, end, out);
    start = end;
  }
  // An unbalanced bracket must not swallow the rest of the line silently: the tail is still a clause.
  pushClause(text, start, to, out);
  if (out.length > first) out[out.length - 1].endsLine = true;
  if (out.length === first + 1) {
    const only = out[first];
    const last = text[only.end - 1];
    // A line that is one parenthesis ("（责任单位：…）") is a note, not a heading.
    const note = !only.marker && ((/^[（(〔［]/.test(text[only.start]) && /[）)〕］]/.test(last)) || OWNER_LINE.test(text.slice(only.start, only.start + 8)) || /^部门分工[：:]/.test(text.slice(only.start, only.start + 8)));
    only.headingLine = !note && !TERMINATORS.has(last) && only.end - only.contentStart <= 40;
  }
}

/** A lead-in such as "会议要求，" or "会议强调：" before a paragraph marker. */
const LEAD_IN = /^[^，,。；;：:]{1,8}[，,：:]/;

function pushClause(text: string, from: number, to: number, out: Clause[]): void {
  let start = from;
  while (start < to && SPACE.test(text[start])) start += 1;
  let end = to;
  while (end > start && SPACE.test(text[end - 1])) end -= 1;
  if (end <= start) return;
  let body = text.slice(start, end);
  // "接着，由某某对禁毒工作作出部署，会上强调：一是压实责任…": the points start after the colon, whatever
  // the length of what leads to them; the lead stays a clause of its own.
  for (const colon of body.matchAll(/[：:]\s*/g)) {
    const at = colon.index + colon[0].length;
    if (colon.index > 8 && at < body.length && itemMarkerAt(body.slice(at))?.level === 5) {
      pushClause(text, start, start + colon.index + 1, out);
      pushClause(text, start + at, end, out);
      return;
    }
  }
  const leadIn = LEAD_IN.exec(body);
  if (leadIn) {
    const marker = itemMarkerAt(body.slice(leadIn[0].length));
    if (marker?.level === 5) {
      start += leadIn[0].length;
      body = text.slice(start, end);
    }
  }
  const marker = itemMarkerAt(body);
  let contentStart = start + (marker?.length ?? 0);
  while (contentStart < end && SPACE.test(text[contentStart])) contentStart += 1;
  out.push({ start, end, marker, contentStart, headingLine: false, endsLine: false });
}

/**
 * What a section heading says its content is: facts (情况, 现状, 问题), principles (指导思想, 基本原则: no
 * tasks), criteria (…标准, …条件: what earns a title, no tasks), goals (工作目标: tasks only where a number is set), tasks (举措, 任务, 建议), or neither.
 */
export type SectionKind = 'facts' | 'principles' | 'criteria' | 'goals' | 'tasks' | 'neutral';

// "分组情况", "任务分工情况" say who does what: not facts.
const FACT_HEADING = /(?<!分组|分工|安排|任务)(?:情况|现状|问题|成效|做法|回顾|进展|经验|背景|概况)$/;
const PRINCIPLE_HEADING = /^(?:指导思想|总体要求|基本原则|工作原则|重要意义|总体思路|编制依据|适用范围)$/;
/** What a place or a unit must show to earn a title ("无诈村（社区）标准", "创建条件"): no one's task. */
const CRITERIA_HEADING = /(?:标准|条件)$/;
const GOAL_HEADING = /^(?:工作目标|主要目标|总体目标|发展目标|目标要求|目标指标|主要指标|预期目标)$/;
const TASK_HEADING = /(?:举措|措施|任务|建议|要求|安排|分工|目标|重点工作|下步|下一步|打算|计划)/;

export function sectionKind(heading: string): SectionKind {
  const content = heading.replace(/[。：:\s]+$/, '');
  if (FACT_HEADING.test(content)) return 'facts';
  if (PRINCIPLE_HEADING.test(content)) return 'principles';
  if (CRITERIA_HEADING.test(content)) return 'criteria';
  if (GOAL_HEADING.test(content)) return 'goals';
  if (TASK_HEADING.test(content)) return 'tasks';
  return 'neutral';
}
