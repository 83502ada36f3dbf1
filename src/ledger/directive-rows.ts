/**
 * A task-division table (分工方案) read into directives: the columns found by their headers, and every
 * row checked cell by cell (units against the registered names and aliases, deadlines as offices write
 * them, targets) before anything is created. Pure: the rules of this field, table-tested beside it.
 */
import type { IsoDate } from '../calendar/working-calendar';
import { parseIsoDate } from '../calendar/working-calendar';
import { validateDto } from '../common/validation';
import { COMPARATOR_SIGNS, Comparator, PRIORITIES, PRIORITY_LABELS, Priority, REPORT_CYCLES, ReportCycle } from '../directives/directive.entity';
import { reportDueText } from '../reminders/chase-terms';
import { CreateDirectiveDto } from '../directives/dto/directive.dto';
import { findDeadlines, reportDayOf } from '../extraction/rules/deadlines';
import { splitOwnerList } from '../extraction/rules/owners';
import { columnOf } from '../extraction/rules/tables';
import { findTargets } from '../extraction/rules/targets';
import type { ColumnRule, SheetRow, SheetRules } from '../spreadsheets/workbook-reader';
import { CellError, checkText, duplicateOf, RowCheck } from './row-check';

export type DirectiveColumn = 'number' | 'task' | 'lead' | 'cooperating' | 'deadline' | 'target' | 'category' | 'priority';

const named = (label: string, pattern: RegExp, required = false): ColumnRule => ({ label, matches: (h) => pattern.test(h), required });
const tableColumn = (label: string, column: ReturnType<typeof columnOf>, required: boolean): ColumnRule => ({ label, matches: (h) => columnOf(h) === column, required });

/** Most directives one table may create at once. */
export const MAX_DIRECTIVE_ROWS = 2000;

/** The columns of a 分工方案, in the template's order; the headers' common variants are recognised. */
export const DIRECTIVE_SHEET: SheetRules<DirectiveColumn> = {
  maxRows: MAX_DIRECTIVE_ROWS,
  columns: {
    number: tableColumn('序号', 'number', false),
    task: tableColumn('任务', 'task', true),
    lead: tableColumn('牵头单位', 'lead', true),
    cooperating: tableColumn('配合单位', 'cooperating', false),
    deadline: tableColumn('完成时限', 'deadline', true),
    target: named('目标', /^(?:目标|目标值|量化目标|工作目标|目标要求|量化指标|指标)$/),
    category: named('类别', /^(?:类别|任务类别|工作类别|分类)$/),
    priority: named('紧急程度', /^(?:紧急程度|优先级|缓急)$/),
  },
};

export interface DirectiveRowContext {
  today: IsoDate;
  /** The registered unit a name, short name or alias stands for (see UnitMatcher), or null. */
  matchUnit(text: string): number | null;
  unitName(id: number): string;
  addWorkingDays(start: IsoDate, days: number): IsoDate;
}

/** What a checked row will create, as the preview shows it. */
export interface DirectiveRowView {
  title: string;
  lead: string;
  cooperating: string[];
  deadline: string;
  target: string;
}

export type DirectiveRowCheck = RowCheck<DirectiveColumn, DirectiveRowView, CreateDirectiveDto>;

const DEFAULT_CATEGORY = '分工方案';
const COMPARATORS_READ: Record<string, Comparator> = { '>=': 'gte', '<=': 'lte', '=': 'eq' };
const PRIORITY_WORDS: Record<string, Priority> = { ...Object.fromEntries(PRIORITIES.map((p) => [PRIORITY_LABELS[p], p])), 一般: 'normal', 重要: 'important', 紧急: 'urgent', 特急: 'urgent' };

/** The directive's title: the task's first sentence, at most 200 characters. */
export function titleOf(task: string): string {
  const first = task.split(/\n/)[0].split(/(?<=[。；;])/)[0].trim();
  const title = first.length >= 4 ? first.replace(/[。；;]$/, '') : task;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}

/** Units written in a cell ("市公安局、市网信办"), each matched; unknown names are errors. */
export function unitsIn(cell: string, context: Pick<DirectiveRowContext, 'matchUnit'>): { ids: number[]; unknown: string[] } {
  if (cell === '') return { ids: [], unknown: [] };
  const parts = splitOwnerList(cell) ?? cell.split(/[、，,；;\s]+/).filter((p) => p.length > 0);
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const id = context.matchUnit(part);
    if (id === null) unknown.push(part);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}

export type ReadDeadline = { date: IsoDate } | { cycle: ReportCycle; day: number } | { error: string };

const NUMERIC_DATE = /^(\d{4})\s*[-/.．年]\s*(\d{1,2})\s*[-/.．月]\s*(\d{1,2})\s*日?\s*(?:前|之前|以前)?$/;

/**
 * A deadline as offices write it: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日(前), 6月底前, 年底前,
 * 上半年, 10个工作日内; standing work as its reporting cycle (每月5日前报送). Past dates are refused.
 */
export function readDeadline(cell: string, context: Pick<DirectiveRowContext, 'today' | 'addWorkingDays'>): ReadDeadline {
  const numeric = NUMERIC_DATE.exec(cell);
  let date: IsoDate | null = null;
  if (numeric) {
    date = `${numeric[1]}-${numeric[2].padStart(2, '0')}-${numeric[3].padStart(2, '0')}`;
    try {
      parseIsoDate(date);
    } catch {
      return { error: `“${cell}”不是有效的日期` };
    }
  } else {
    const found = findDeadlines(cell, { documentDate: context.today, addWorkingDays: context.addWorkingDays })[0];
    if (found?.cycle && (REPORT_CYCLES as readonly string[]).includes(found.cycle) && !found.date) return { cycle: found.cycle as ReportCycle, day: reportDayOf(cell, found.cycle as ReportCycle) };
    if (found?.cycle && found.date) return { cycle: found.cycle as ReportCycle, day: reportDayOf(cell, found.cycle as ReportCycle) };
    if (found && !found.date && !found.cycle) return { error: `“${cell}”是长期工作，请写明报送周期，如“每月5日前报送”` };
    date = found?.date ?? null;
  }
  if (date === null) return { error: `读不出完成时限“${cell}”：请写成 2026-06-30、2026年6月30日、6月底前或“每月5日前报送”` };
  if (date < context.today) return { error: `完成时限 ${date} 已经过去` };
  return { date };
}

/** A target as written in its cell ("国家反诈中心APP安装率达到60%"), or an error. */
export function readTarget(cell: string): { metric: CreateDirectiveDto['metric'] } | { error: string } {
  const found = findTargets(cell)[0];
  if (!found) return { error: `读不出量化目标“${cell}”：请写成“指标名称达到60%”“不低于95%”“控制在5%以内”的形式，或留空` };
  const name = (found.metric || cell.slice(0, found.index) || '目标').slice(0, 50);
  return { metric: { name, unit: found.unit ?? '个', comparator: COMPARATORS_READ[found.comparator], target: found.value } };
}

/** A target as a cell says it, in words `readTarget` reads back. */
export function targetText(metric: { name: string; unit: string; comparator: Comparator; target: number } | null): string {
  if (!metric) return '';
  const words: Record<Comparator, string> = { gte: '达到', lte: '控制在', eq: '保持在' };
  const tail: Record<Comparator, string> = { gte: '以上', lte: '以内', eq: '' };
  return `${metric.name}${words[metric.comparator]}${metric.target}${metric.unit}${tail[metric.comparator]}`;
}

/** Which cell a refusal of the directive's field belongs to. */
const FIELD_COLUMNS: Record<string, DirectiveColumn> = { title: 'task', requirement: 'task', category: 'category', priority: 'priority', deadline: 'deadline', reportDay: 'deadline', metric: 'target', leadUnitId: 'lead', cooperatingUnitIds: 'cooperating' };

function checkRow(row: SheetRow<DirectiveColumn>, context: DirectiveRowContext): DirectiveRowCheck {
  const { cells } = row;
  const errors: CellError<DirectiveColumn>[] = checkText(cells);
  const err = (column: DirectiveColumn, message: string) => errors.push({ column, message });
  if (cells.task === '') err('task', '任务不能为空');
  const lead = unitsIn(cells.lead, context);
  const cooperating = unitsIn(cells.cooperating, context);
  for (const [column, found] of [['lead', lead], ['cooperating', cooperating]] as const) {
    if (found.unknown.length > 0) err(column, `${found.unknown.map((u) => `“${u}”`).join('、')}不是已登记的单位（全称、简称或别名）；请改写，或在单位管理中为该单位添加别名`);
  }
  if (cells.lead === '') err('lead', '牵头单位不能为空');
  const [leadId, ...otherLeads] = lead.ids;
  const cooperatingIds = [...new Set([...otherLeads, ...cooperating.ids])].filter((id) => id !== leadId);
  const deadline = cells.deadline === '' ? { error: '完成时限不能为空' } : readDeadline(cells.deadline, context);
  if ('error' in deadline) err('deadline', deadline.error);
  const target = cells.target === '' ? { metric: undefined } : readTarget(cells.target);
  if ('error' in target) err('target', target.error);
  const priority = cells.priority === '' ? 'normal' : PRIORITY_WORDS[cells.priority] ?? (PRIORITIES as readonly string[]).find((p) => p === cells.priority);
  if (!priority) err('priority', `紧急程度应为 一般、重要 或 紧急，而不是“${cells.priority}”`);
  const view: DirectiveRowView = {
    title: titleOf(cells.task),
    lead: leadId === undefined ? '' : context.unitName(leadId),
    cooperating: cooperatingIds.map((id) => context.unitName(id)),
    deadline: 'date' in deadline ? deadline.date : 'cycle' in deadline ? `长期 · ${reportDueText(deadline.cycle, deadline.day)}` : '',
    target: 'metric' in target && target.metric ? `${target.metric.name} ${COMPARATOR_SIGNS[target.metric.comparator]} ${target.metric.target}${target.metric.unit}` : '',
  };
  if (errors.length > 0 || leadId === undefined) return { row: row.row, cells, view, errors, value: null };
  const dto = {
    title: view.title,
    requirement: cells.task.slice(0, 5000),
    category: cells.category || DEFAULT_CATEGORY,
    priority,
    ...('date' in deadline ? { deadline: deadline.date } : 'cycle' in deadline ? { reportCycle: deadline.cycle, reportDay: deadline.day } : {}),
    ...('metric' in target && target.metric ? { metric: target.metric } : {}),
    leadUnitId: leadId,
    cooperatingUnitIds: cooperatingIds,
  };
  const checked = validateDto(CreateDirectiveDto, dto);
  for (const e of checked.errors) err(FIELD_COLUMNS[e.field.split('.')[0]] ?? 'task', e.message);
  return { row: row.row, cells, view, errors, value: errors.length === 0 ? checked.value : null };
}

/** Every row checked; a row repeating an earlier one (same task and lead) is an error of its own. */
export function checkDirectiveRows(rows: Array<SheetRow<DirectiveColumn>>, context: DirectiveRowContext): DirectiveRowCheck[] {
  const seen = duplicateOf(rows, (cells) => `${cells.task}\u0000${cells.lead}`);
  return rows.map((row) => {
    const check = checkRow(row, context);
    const first = seen.get(row.row);
    if (first === undefined) return check;
    return { ...check, errors: [...check.errors, { column: 'task', message: `与第 ${first} 行重复（任务和牵头单位相同）` }], value: null };
  });
}
