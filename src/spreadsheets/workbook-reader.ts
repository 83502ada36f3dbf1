import ExcelJS from 'exceljs';
import { detectFileType } from '../attachments/file-content';
import { DomainError } from '../common/errors/domain-error';

/** One column a sheet must or may have, found by its header in any order (`matches` knows the variants). */
export interface ColumnRule {
  /** The name people are told (e.g. 牵头单位). */
  label: string;
  matches(header: string): boolean;
  required: boolean;
}

export interface SheetRules<K extends string> {
  columns: Record<K, ColumnRule>;
  /** More data rows than this: refused with 413. */
  maxRows: number;
}

/** A data row: its number in the sheet (as the spreadsheet shows it) and its cells by column key, as text. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Record<K, string>;
}

export interface ReadSheet<K extends string> {
  sheetName: string;
  /** The columns found in the header (the optional ones may be absent). */
  found: K[];
  rows: Array<SheetRow<K>>;
}

/** Rows looked at for the header: a title row or two above it is common. */
const HEADER_SEARCH_ROWS = 10;

const refuse = (message: string) => new DomainError('BAD_SPREADSHEET', message, [{ field: 'files', message }]);

/** A header as written, without spaces, line breaks or a note in brackets ("完成时限（年月日）"). */
export function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(][^（）()]*[）)]$/, '').replace(/[*＊:：]/g, '');
}

/** A cell's content as text: dates as YYYY-MM-DD, rich text joined, hyperlinks as their text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value.trim();
  if ('richText' in value) return value.richText.map((part) => part.text).join('').trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * The columns of a header row by key, or null when it is not the header (fewer than two known columns).
 * A required column missing, or a column twice, is said in Chinese.
 */
export function headerColumns<K extends string>(headers: string[], rules: Record<K, ColumnRule>): Record<K, number> | null {
  const found: Partial<Record<K, number>> = {};
  const keys = Object.keys(rules) as K[];
  headers.forEach((raw, index) => {
    const header = normaliseHeader(raw);
    const key = header === '' ? undefined : keys.find((k) => rules[k].matches(header));
    if (key === undefined) return;
    if (found[key] !== undefined) throw refuse(`表头中有两列都是“${rules[key].label}”（${headers[found[key]!]}、${raw}），请只保留一列`);
    found[key] = index;
  });
  if (Object.keys(found).length < 2) return null;
  const missing = keys.filter((k) => rules[k].required && found[k] === undefined).map((k) => `“${rules[k].label}”`);
  if (missing.length > 0) throw refuse(`表头缺少 ${missing.join('、')} 列；请按模板填写表头（列的顺序不限）`);
  return found as Record<K, number>;
}

/**
 * Reads an uploaded .xlsx into rows named by their headers, refusing what cannot be read safely: a file
 * that is not an .xlsx (whatever its name), an empty workbook, a sheet without a recognisable header,
 * merged cells in the header, formulas (refused, not taken at their cached values: a cached value may be
 * stale or missing, and the office should see the figure it imports), or too many rows (413).
 * Merged cells below the header (one 牵头单位 over several rows) give every row the merged value.
 */
export async function readSheet<K extends string>(files: Array<{ originalname: string; buffer: Buffer }>, rules: SheetRules<K>): Promise<ReadSheet<K>> {
  if (files.length !== 1) throw refuse(files.length === 0 ? '请选择要导入的 Excel 文件（.xlsx）' : '一次只能导入一个文件');
  const [file] = files;
  const type = detectFileType(file.buffer);
  if (type?.extension === 'doc') throw new DomainError('UNSUPPORTED_FILE_TYPE', `“${file.originalname}”是旧版 Excel（.xls）或其他 Office 97-2003 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入`);
  if (type?.extension !== 'xlsx') throw new DomainError('UNSUPPORTED_FILE_TYPE', `“${file.originalname}”不是 Excel 工作簿（.xlsx）${type ? `，而是${type.label}文件` : ''}：请上传 .xlsx 文件`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file.buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('UNSUPPORTED_FILE_TYPE', `“${file.originalname}”无法作为 Excel 工作簿打开（文件可能已损坏）：请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`);
  }
  const sheets = workbook.worksheets.filter((sheet) => sheet.actualRowCount > 0);
  if (sheets.length === 0) throw refuse(`“${file.originalname}”中没有任何数据：工作表都是空的`);
  const wanted = Object.values<ColumnRule>(rules.columns).filter((c) => c.required).map((c) => c.label).join(' / ');
  for (const sheet of sheets) {
    const found = findHeader(sheet, rules.columns);
    if (found) return { sheetName: sheet.name, found: Object.keys(found.columns) as K[], rows: dataRows(sheet, found.row, found.columns, rules) };
  }
  throw refuse(`找不到表头：应有一行写着 ${wanted} 等列名（顺序不限）；请对照模板修改后再导入`);
}

function findHeader<K extends string>(sheet: ExcelJS.Worksheet, rules: Record<K, ColumnRule>): { row: number; columns: Record<K, number> } | null {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const headers = Array.from({ length: row.cellCount }, (_, i) => (row.getCell(i + 1).isMerged && row.getCell(i + 1).master !== row.getCell(i + 1) ? '' : cellText(row.getCell(i + 1).value)));
    const columns = headerColumns(headers, rules);
    if (!columns) continue;
    const merged = Array.from({ length: row.cellCount }, (_, i) => row.getCell(i + 1)).find((cell) => cell.isMerged);
    if (merged) throw refuse(`表头（第 ${r} 行）中有合并的单元格（${merged.master.address} 起）：请取消合并，每列一个列名后再导入`);
    return { row: r, columns };
  }
  return null;
}

function dataRows<K extends string>(sheet: ExcelJS.Worksheet, headerRow: number, columns: Record<K, number>, rules: SheetRules<K>): Array<SheetRow<K>> {
  const rows: Array<SheetRow<K>> = [];
  const formulas: string[] = [];
  const keys = Object.keys(columns) as K[];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells = {} as Record<K, string>;
    for (const key of Object.keys(rules.columns) as K[]) cells[key] = '';
    for (const key of keys) {
      const cell = row.getCell(columns[key] + 1);
      if (cell.type === ExcelJS.ValueType.Formula || (cell.isMerged && cell.master.type === ExcelJS.ValueType.Formula)) formulas.push(cell.address);
      cells[key] = cellText(cell.isMerged ? cell.master.value : cell.value);
    }
    if (keys.every((key) => cells[key] === '')) continue;
    rows.push({ row: r, cells });
    if (rows.length > rules.maxRows) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `表格数据超过 ${rules.maxRows} 行：一次最多导入 ${rules.maxRows} 行，请拆成几个文件分批导入`, [{ field: 'files', message: `一次最多导入 ${rules.maxRows} 行` }]);
    }
  }
  if (formulas.length > 0) {
    const shown = formulas.slice(0, 5).join('、') + (formulas.length > 5 ? ` 等 ${formulas.length} 个单元格` : '');
    throw refuse(`表格中有公式（${shown}）：导入只接受数值和文字，请复制这些单元格后“选择性粘贴 → 数值”，保存后再导入`);
  }
  if (rows.length === 0) throw refuse(`工作表“${sheet.name}”表头下面没有数据行`);
  return rows;
}
