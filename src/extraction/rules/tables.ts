/**
 * Task-division tables flattened to text (序号/任务/牵头单位/配合单位/完成时限), as copying a table out of
 * a .docx or PDF leaves them: either one row per line with cells separated by tabs, "|" or runs of spaces,
 * or one cell per line.
 */

export type TableColumn = 'number' | 'task' | 'lead' | 'cooperating' | 'deadline' | 'other';

const COLUMN_NAMES: readonly [TableColumn, RegExp][] = [
  ['number', /^(?:序号|编号|序)$/],
  ['lead', /^(?:牵头单位|牵头部门|责任单位|责任部门|牵头责任单位|主责单位|牵头负责部门|牵头负责单位|负责单位|负责部门)$/],
  ['cooperating', /^(?:配合单位|配合部门|协办单位|参与单位|协同单位)$/],
  ['deadline', /^(?:完成时限|完成时间|时间节点|时限要求|办理时限|时限|时间安排|完成期限|期限)$/],
  // "专项整治行业名称", "整治项目", "2022年预期目标", "重点工作和要求", "建设内容": what each row is about (a
  // bare "目标" or "量化目标" is the target column of a 分工方案, see ledger/directive-rows).
  ['task', /^(?:任务|工作任务|重点任务|主要任务|任务内容|工作内容|具体任务|具体措施|工作措施|任务事项|事项|重点工作|[^\s]{0,8}(?:名称|项目|预期目标|内容|[和与]要求|实事))$/],
];

export function columnOf(header: string): TableColumn {
  // "工 作 任 务": a header spaced out to fill its cell.
  const name = header.trim().replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, '');
  return COLUMN_NAMES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
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
  for (let i = 0; i < lines.length; i++) {
    const headerCells = cellsOf(lines[i]).filter((c) => c.text !== '');
    const columns = headerCells.map((c) => columnOf(c.text));
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
    // One cell a line, blank lines between them or not.
    const filled = lines.slice(i).filter((l) => l.text.trim() !== '');
    const stacked = lines[i].text.trim() !== '' ? stackedHeader(filled, 0) : null;
    if (stacked) {
      const table = readCellsPerLine(filled, stacked.length, stacked, lines[i].start);
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
      const column = columns[k];
      if (column && cell.text !== '' && !row.cells[column]) row.cells[column] = cell;
    });
    table.rows.push(row);
    table.end = lines[j].end;
  }
  return table;
}

/** A column a progress table adds beside the tasks ("进展情况", "备注"): part of the header, not a task. */
const REPORTING_COLUMN = /^(?:进展情况|完成情况|实际完成情况|工作进展|推进情况|进度情况|备注|责任领导|牵头领导|分管领导|联系人)$/;

/** Header cells one per line ("序号\n任务\n牵头单位\n…"): the columns, or null. */
function stackedHeader(lines: Line[], from: number): TableColumn[] | null {
  const columns: TableColumn[] = [];
  for (let j = from; j < lines.length && j < from + 8; j++) {
    const column = columnOf(lines[j].text);
    if (column === 'other' && !REPORTING_COLUMN.test(lines[j].text.trim())) break;
    columns.push(column);
  }
  return columns.length >= 3 && isHeader(columns) ? columns : null;
}

function readCellsPerLine(lines: Line[], from: number, columns: TableColumn[], start: number): Table {
  const table: Table = { start, end: lines[from - 1].end, rows: [] };
  const deadlineLast = columns[columns.length - 1] === 'deadline';
  let j = from;
  while (j < lines.length && ROW_NUMBER.test(lines[j].text.trim())) {
    // A row runs to the next row's number: fewer lines when a cell was left out, more when a cell of units
    // took a line per unit ("县水务局\n县住建局\n县护城河指挥部") before the 完成时限.
    let end = j + 1;
    // …and never into what follows the table ("附件2", another table's header).
    const endsTable = (text: string) => /^附件/.test(text) || columnOf(text) !== 'other';
    while (end < lines.length && end - j < columns.length + 8 && !ROW_NUMBER.test(lines[end].text.trim()) && !endsTable(lines[end].text.trim())) end += 1;
    const rowLines = lines.slice(j, end);
    const surplus = rowLines.length - columns.length;
    const row: TableRow = { start: rowLines[0].start, end: rowLines[rowLines.length - 1].end, cells: {} };
    const units = deadlineLast ? columns.length - 2 : columns.length - 1;
    columns.forEach((column, k) => {
      // The surplus lines belong to the column of units before the 完成时限 (or to the last one).
      const first = k <= units ? k : k + Math.max(0, surplus);
      const last = k === units ? k + Math.max(0, surplus) : first;
      if (first >= rowLines.length) return;
      const lineSpan = rowLines.slice(first, Math.min(last, rowLines.length - 1) + 1);
      const [cell] = cellsOf(lineSpan[0]);
      if (!cell) return;
      const endAt = lineSpan.length > 1 ? cellsOf(lineSpan[lineSpan.length - 1])[0]?.end ?? cell.end : cell.end;
      row.cells[column] = { start: cell.start, end: endAt, text: lineSpan.map((l) => l.text.trim()).join('\n') };
    });
    table.rows.push(row);
    table.end = row.end;
    j = end;
  }
  return table;
}
