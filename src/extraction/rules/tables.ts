/**
 * Task-division tables flattened to text (序号/任务/牵头单位/配合单位/完成时限), as copying a table out of
 * a .docx or PDF leaves them: either one row per line with cells separated by tabs, "|" or runs of spaces,
 * or one cell per line.
 */

import { splitOwnerList } from './owners';

export type TableColumn = 'number' | 'task' | 'lead' | 'cooperating' | 'deadline' | 'leader' | 'other';

const COLUMN_NAMES: readonly [TableColumn, RegExp][] = [
  ['number', /^(?:序号|编号|序)$/],
  ['lead', /^(?:牵头单位|牵头部门|责任单位|责任部门|牵头责任单位|主责单位|牵头负责部门|牵头负责单位|负责单位|负责部门)$/],
  ['cooperating', /^(?:配合单位|配合部门|协办单位|参与单位|协同单位)$/],
  ['deadline', /^(?:完成时限|完成时间|时间节点|时限要求|办理时限|时限|时间安排|完成期限|期限)$/],
  // "专项整治行业名称", "整治项目", "2022年预期目标", "重点工作和要求", "建设内容": what each row is about (a
  // bare "目标" or "量化目标" is the target column of a 分工方案, see ledger/directive-rows).
  ['task', /^(?:任务|工作任务|重点任务|主要任务|任务内容|工作内容|具体任务|具体措施|工作措施|任务事项|事项|重点工作|[^\s]{0,8}(?:名称|项目|预期目标|内容|[和与]要求|实事))$/],
];

/** A 分工方案's target column ("目标", "量化指标"), which the ledger import reads as such: not the task. */
const TARGET_COLUMN = /^(?:目标|目标值|量化目标|工作目标|目标要求|量化指标|指标)$/;

/**
 * Headers as offices vary them ("主要责任单位", "协同配合单位", "计划完成时间", "2023年重点工作任务", "分管县领导"),
 * by the word that says what the column holds; a column of leaders or of progress is no unit's and no task's.
 */
const COLUMN_WORDS: readonly [TableColumn, RegExp][] = [
  ['other', /进展|进度|情况|备注|评价|说明|是否|序时|联系|地点|金额|投资|评分|类别|分类|^(?:计量)?单位$/],
  ['leader', /领导/],
  ['cooperating', /配合|协助|协办|参与|协同/],
  ['lead', /(?:牵头|责任|主责|主体|负责)(?:单位|部门|科室|股室|主体|清单)?$|^牵头$/],
  ['deadline', /时限|期限|时间节点|时间安排|时间$/],
  ['task', /任务|措施|举措|内容|事项|要求|目标|项目|实事|重点工作|指标/],
];

export function columnOf(header: string): TableColumn {
  return headerColumn(header) ?? 'other';
}

/** The column a header names, or null when the words are no header at all. */
function headerColumn(header: string): TableColumn | null {
  // "工 作 任 务": a header spaced out to fill its cell.
  const name = header.trim().replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  const exact = COLUMN_NAMES.find(([, pattern]) => pattern.test(name))?.[0];
  if (exact) return exact;
  if (TARGET_COLUMN.test(name)) return 'other';
  if (name.length > 16) return null;
  return COLUMN_WORDS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

export interface Cell {
  start: number;
  end: number;
  text: string;
}

export interface TableRow {
  /** The whole row, from its first to its last cell. */
  start: number;
  end: number;
  cells: Partial<Record<TableColumn, Cell>>;
  /** Cells of further task columns ("细化措施" beside "主要任务", "工作举措及实施计划" beside "实事项目"). */
  moreTasks?: Cell[];
}

export interface Table {
  start: number;
  end: number;
  rows: TableRow[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

const SEPARATOR = /\t| *[|｜] *| {2,}|　+/g;
const SEPARATED = new RegExp(SEPARATOR.source);

/**
 * Cells of one line, with offsets; a line without separators is one cell. Between two tabs or two bars an
 * empty cell is kept (an empty 配合单位 must not shift the 完成时限 into its column); edges are dropped.
 */
export function cellsOf(line: Line): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    const raw = line.text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ start: line.start + a + lead, end: line.start + a + lead + text.length, text });
  };
  for (const match of line.text.matchAll(SEPARATOR)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, line.text.length);
  while (cells.length > 0 && cells[0].text === '') cells.shift();
  while (cells.length > 0 && cells[cells.length - 1].text === '') cells.pop();
  return cells;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    lines.push({ start, end: end < 0 ? text.length : end, text: text.slice(start, end < 0 ? text.length : end) });
    if (end < 0) return lines;
    start = end + 1;
  }
}

const isHeader = (columns: TableColumn[]) => columns.includes('task') && columns.includes('lead');

/**
 * "牵头责任单位 | 责任单位": beside the column of leads, a second column of units responsible carries the work out
 * with them, as in an owner note.
 */
function secondLeadCooperates(columns: TableColumn[]): TableColumn[] {
  const first = columns.indexOf('lead');
  return columns.includes('cooperating') ? columns : columns.map((c, k) => (c === 'lead' && k > first ? 'cooperating' : c));
}

/** The columns of a header: "项目名称" beside "建设内容" names the row, the content is its task. */
function columnsOf(headers: string[]): TableColumn[] {
  const columns = secondLeadCooperates(headers.map(columnOf));
  if (columns.filter((c) => c === 'task').length < 2) return columns;
  return columns.map((c, k) => (c === 'task' && /名称$/.test(headers[k].trim()) ? 'other' : c));
}

/** Puts a cell in its column; a second task column's cell goes with the task's. */
function place(row: TableRow, column: TableColumn, cell: Cell): void {
  if (!row.cells[column]) row.cells[column] = cell;
  else if (column === 'task') (row.moreTasks ??= []).push(cell);
}

const ROW_NUMBER = /^\d{1,3}[.、．]?$/;

/**
 * A header whose cells are separated by single spaces, as a web table copies ("序号 工 作 任 务 牵头负责
 * 部门"): its columns, or null. Letters spaced out inside one header ("工 作 任 务") are joined first.
 */
function spacedHeader(line: Line): TableColumn[] | null {
  if (SEPARATED.test(line.text) || !line.text.includes(' ')) return null;
  const joined = line.text.trim().replace(/(?<=(?:^|\s)\p{Script=Han}) (?=\p{Script=Han}(?:\s|$))/gu, '');
  const columns = joined.split(/ +/).map(columnOf);
  return columns.length >= 3 && columns[0] === 'number' && isHeader(columns) && !columns.includes('other') ? columns : null;
}

/**
 * Rows of a table whose cells are separated by single spaces: the number first, the columns after the task
 * one cell each from the end, and the task all that lies between (a task may hold a space).
 */
function readSpacedRows(lines: Line[], headerIndex: number, columns: TableColumn[]): Table {
  const table: Table = { start: lines[headerIndex].start, end: lines[headerIndex].end, rows: [] };
  const taskAt = columns.indexOf('task');
  const after = columns.length - taskAt - 1;
  for (let j = headerIndex + 1; j < lines.length; j++) {
    const words = [...lines[j].text.matchAll(/\S+/g)].map((m) => ({ start: lines[j].start + m.index, end: lines[j].start + m.index + m[0].length, text: m[0] }));
    if (words.length === 0) continue;
    if (!ROW_NUMBER.test(words[0].text) || words.length < taskAt + 1 + after) break;
    const middle = words.slice(taskAt, words.length - after);
    const cells: Cell[] = [...words.slice(0, taskAt), { start: middle[0].start, end: middle[middle.length - 1].end, text: lines[j].text.slice(middle[0].start - lines[j].start, middle[middle.length - 1].end - lines[j].start) }, ...words.slice(words.length - after)];
    const row: TableRow = { start: words[0].start, end: words[words.length - 1].end, cells: {} };
    cells.forEach((cell, k) => {
      if (columns[k] && cell.text !== '') row.cells[columns[k]] = cell;
    });
    table.rows.push(row);
    table.end = lines[j].end;
  }
  return table;
}

/** Every task table in the text, with its rows. */
export function findTables(text: string): Table[] {
  const lines = linesOf(text);
  const tables: Table[] = [];
  // One cell a line, blank lines (or bare "|") between them or not: the lines holding a cell, and where each line falls among them.
  const filled = lines.filter((l) => cellsOf(l).length > 0);
  const filledFrom: number[] = [];
  for (let i = lines.length - 1, k = filled.length; i >= 0; i--) filledFrom[i] = filled[k - 1] === lines[i] ? --k : k;
  for (let i = 0; i < lines.length; i++) {
    const headerCells = cellsOf(lines[i]).filter((c) => c.text !== '');
    const columns = columnsOf(headerCells.map((c) => c.text));
    if (headerCells.length >= 3 && isHeader(columns)) {
      const table = readRowsPerLine(lines, i, columns);
      tables.push(table);
      i = lines.findIndex((l) => l.end >= table.end);
      continue;
    }
    const spaced = spacedHeader(lines[i]);
    if (spaced) {
      const table = readSpacedRows(lines, i, spaced);
      tables.push(table);
      i = lines.findIndex((l) => l.end >= table.end);
      continue;
    }
    const from = filledFrom[i];
    const stacked = filled[from] === lines[i] ? stackedHeader(filled, from) : null;
    if (stacked) {
      const table = readCellsPerLine(filled, from + stacked.length, stacked, lines[i].start);
      tables.push(table);
      i = lines.findIndex((l) => l.end >= table.end);
    }
  }
  return tables;
}

function readRowsPerLine(lines: Line[], headerIndex: number, columns: TableColumn[]): Table {
  const table: Table = { start: lines[headerIndex].start, end: lines[headerIndex].end, rows: [] };
  // Without a 序号 column each row is a line cut into as many cells (an empty last one may be left out).
  const numbered = columns[0] === 'number';
  for (let j = headerIndex + 1; j < lines.length; j++) {
    const cells = cellsOf(lines[j]);
    if (cells.length === 0) continue;
    if (numbered ? !ROW_NUMBER.test(cells[0].text) || cells.length < 3 : cells.length < columns.length - 1 || cells.length < 2) break;
    const row: TableRow = { start: cells[0].start, end: cells[cells.length - 1].end, cells: {} };
    // Cells missing at the end (an empty 配合单位) leave the columns after them empty.
    cells.forEach((cell, k) => {
      if (columns[k] && cell.text !== '') place(row, columns[k], cell);
    });
    table.rows.push(row);
    table.end = lines[j].end;
  }
  return table;
}

/** Header cells one per line ("序号\n任务\n牵头单位\n…"): the columns, or null. */
function stackedHeader(lines: Line[], from: number): TableColumn[] | null {
  const headers: string[] = [];
  for (let j = from; j < lines.length && j < from + 12; j++) {
    const header = cellsOf(lines[j])[0]?.text ?? '';
    if (headerColumn(header) === null) break;
    headers.push(header);
  }
  const columns = columnsOf(headers);
  return columns.length >= 3 && columns.includes('number') && isHeader(columns) ? columns : null;
}

const HAN = /\p{Script=Han}/gu;
/**
 * A cell of units, one name or several ("市规划局 市建设局", "县卫健委、各乡镇"); under its header a short name
 * ending like a body ("经管站", "农业股") is one even where prose would not take it for a subject.
 */
const isUnitsCell = (text: string) =>
  text.split(/\s+/).every((part) => splitOwnerList(part) !== null || part.split(/[、，,]/).every((name) => /^[\p{Script=Han}（）()]{1,14}[局委办站股科室所心司团镇道院会队部处厅行校村区县位门]$/u.test(name)));
const isTimeCell = (text: string) => text.length <= 24 && /\d{1,2}月|\d{4}|年底|年内|季度|长期|持续|常态|全年|半年|每[周月季年]/.test(text);
/** A leader's name, spaced out or two in a cell ("俞 悦", "陆 明俞 悦"). */
const isPersonCell = (text: string) => /^[\p{Script=Han}\s·]{2,12}$/u.test(text) && !isUnitsCell(text);

/** How well a line fits a column: what lines the cells of a row up when cells are left out or split. */
function fit(column: TableColumn, text: string): number {
  switch (column) {
    case 'lead':
    case 'cooperating':
      return isUnitsCell(text) ? 3 : -3;
    case 'deadline':
      return isTimeCell(text) ? 3 : -3;
    case 'leader':
      return isPersonCell(text) ? 2 : -2;
    case 'task':
      return isUnitsCell(text) ? -3 : (text.match(HAN) ?? []).length >= 4 ? 2 : -1;
    default:
      return 0;
  }
}

/** What leaving a cell empty costs: rows mostly fill their cells, the lead's above all. */
const SKIPPED = 1.5;
/** Most lines one cell may take: units a line each, a progress report in paragraphs. */
const MOST_LINES: Partial<Record<TableColumn, number>> = { deadline: 1, leader: 2, task: 4, lead: 8, cooperating: 8 };

/**
 * The row's lines given to its columns in order, each column taking none, one or several lines, so that
 * the lines fit their columns best (a time under 完成时限, names under 牵头单位): a left-out cell does not
 * shift the cells after it into the wrong columns.
 */
function lineUp(rowLines: Line[], columns: TableColumn[]): Line[][] {
  const n = rowLines.length;
  const m = columns.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const took: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  best[0][0] = 0;
  const texts = rowLines.map((line) => cellsOf(line).map((cell) => cell.text).join(' '));
  for (let c = 0; c < m; c++) {
    for (let i = 0; i <= n; i++) {
      if (best[i][c] === -Infinity) continue;
      let score = best[i][c] - (columns[c] === 'lead' ? SKIPPED + 0.5 : SKIPPED);
      if (score > best[i][c + 1]) [best[i][c + 1], took[i][c + 1]] = [score, 0];
      score = best[i][c];
      for (let k = 1; i + k <= n && k <= (MOST_LINES[columns[c]] ?? n); k++) {
        score += fit(columns[c], texts[i + k - 1]) - (k > 1 ? (columns[c] === 'task' ? 2.5 : 0.25) : 0);
        if (score > best[i + k][c + 1]) [best[i + k][c + 1], took[i + k][c + 1]] = [score, k];
      }
    }
  }
  // (more lines than the columns can hold: one a column, as they come)
  if (best[n][m] === -Infinity) return columns.map((_, c) => (c < n ? [rowLines[c]] : []));
  const cells: Line[][] = columns.map(() => []);
  let i = n;
  for (let c = m; c > 0; c--) {
    const k = took[i][c];
    cells[c - 1] = rowLines.slice(i - k, i);
    i -= k;
  }
  return cells;
}

/** A heading between the rows ("二、全力以赴扩投资"): it groups the rows, it is no cell. */
const GROUP_HEADING = /^[一二三四五六七八九十]+、/;

function readCellsPerLine(lines: Line[], from: number, columns: TableColumn[], start: number): Table {
  const table: Table = { start, end: lines[from - 1].end, rows: [] };
  const numberAt = columns.indexOf('number');
  const after = columns.slice(numberAt + 1);
  const numberOf = (line: Line | undefined) => {
    const text = line ? cellsOf(line)[0]?.text ?? '' : '';
    return ROW_NUMBER.test(text) ? parseInt(text, 10) : null;
  };
  // The next row's number: one more than the last, or a larger one (a table of selected rows) when no line
  // near holds the next number (a figure in a cell, "300", is no row).
  const rowNumber = (at: number, previous: number) => {
    const number = numberOf(lines[at]);
    if (number === null || number <= previous) return null;
    if (number === previous + 1 || previous === 0) return number;
    return lines.slice(at + 1, at + after.length + 12).some((l) => numberOf(l) === previous + 1) ? null : number;
  };
  // …and never into what follows the table ("附件2", another table's header).
  const endsTable = (line: Line) => /^(?:附件|序号|编号)/.test(line.text.trim());
  let previous = 0;
  let j = from;
  while (j < lines.length && GROUP_HEADING.test(lines[j].text.trim())) j += 1;
  for (let number = rowNumber(j, previous); number !== null; number = rowNumber(j, previous)) {
    previous = number;
    // A row runs to the next row's number (a larger one: a cell may hold a small figure).
    let end = j + 1;
    while (end < lines.length && end - j < after.length + 12 && rowNumber(end, previous) === null && !endsTable(lines[end])) end += 1;
    const rowLines = lines.slice(j + 1, end).filter((l) => !GROUP_HEADING.test(l.text.trim()));
    const row: TableRow = { start: lines[j].start, end: lines[end - 1].end, cells: { number: cellsOf(lines[j])[0] } };
    lineUp(rowLines, after).forEach((cellLines, k) => {
      const column = after[k];
      if (cellLines.length === 0) return;
      const first = cellsOf(cellLines[0])[0];
      const last = cellsOf(cellLines[cellLines.length - 1]);
      place(row, column, { start: first.start, end: last[last.length - 1].end, text: cellLines.map((l) => cellsOf(l).map((c) => c.text).join(' ')).join('\n') });
    });
    table.rows.push(row);
    table.end = row.end;
    j = end;
  }
  return table;
}
