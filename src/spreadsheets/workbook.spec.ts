import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../common/errors/domain-error';
import { cellOf, columnWidth, displayWidth, writeWorkbook } from './workbook-writer';
import { ColumnRule, headerColumns, normaliseHeader, readSheet, SheetRules } from './workbook-reader';

async function* from<R>(rows: R[]): AsyncIterable<R> {
  yield* rows;
}

async function written(sheets: Parameters<typeof writeWorkbook>[1]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeWorkbook(out, sheets);
  return Buffer.concat(chunks);
}

/** A workbook built in memory, for the reader's cases. */
async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Sheet1'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const rule = (label: string, names: string[], required = true): ColumnRule => ({ label, matches: (h) => names.includes(h), required });
const RULES: SheetRules<'task' | 'lead' | 'note'> = {
  maxRows: 3,
  columns: { task: rule('任务', ['任务', '工作任务']), lead: rule('牵头单位', ['牵头单位', '责任单位']), note: rule('备注', ['备注'], false) },
};

const file = (buffer: Buffer, originalname = '分工方案.xlsx') => [{ originalname, buffer }];

async function refusal(buffer: Buffer | Array<{ originalname: string; buffer: Buffer }>): Promise<DomainError> {
  const error = await readSheet(Array.isArray(buffer) ? buffer : file(buffer), RULES).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('writeWorkbook', () => {
  it('writes each sheet with a bold frozen header, a filter, widths and date cells', async () => {
    const buffer = await written([
      {
        name: '督办事项',
        columns: [
          { header: '编号', value: (r: { code: string; due: string | null; done: number }) => r.code },
          { header: '办理时限', format: 'date', value: (r: { due: string | null }) => r.due },
          { header: '进度', format: 'percent', width: 30, value: (r: { done: number }) => r.done },
        ],
        rows: from([
          { code: 'DB-2026-0001', due: '2026-06-30', done: 40 },
          { code: 'DB-2026-0002', due: null, done: 0 },
        ]),
      },
      { name: '空表', columns: [{ header: '名称', value: () => 'x' }], rows: from([]) },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const [sheet, empty] = workbook.worksheets;
    expect(sheet.name).toBe('督办事项');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(3).width).toBe(30);
    expect(sheet.getRow(2).getCell(2).value).toEqual(new Date('2026-06-30T00:00:00Z'));
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(3).getCell(2).value).toBeNull();
    expect(sheet.getRow(2).getCell(3).value).toBe(40);
    expect(sheet.actualRowCount).toBe(3);
    expect(empty.actualRowCount).toBe(1);
  });

  it.each([
    ['编号', 8],
    ['最近报送内容', 16],
    ['a'.repeat(100), 80],
  ])('sizes a column headed %s %i wide', (header, width) => {
    expect(columnWidth({ header })).toBe(width);
  });

  it.each([
    ['abc', 3],
    ['牵头单位', 8],
    ['APP安装率', 9],
  ])('measures %s as %i characters wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it.each([
    [{ format: 'date' as const }, '2026-06-30', new Date('2026-06-30T00:00:00Z')],
    [{ format: 'date' as const }, '', null],
    [{}, '2026-06-30', '2026-06-30'],
    [{ format: 'percent' as const }, 55, 55],
    [{}, null, null],
  ])('writes the cell of a %p column holding %p as %p', (column, value, cell) => {
    expect(cellOf(column, value)).toEqual(cell);
  });
});

describe('readSheet', () => {
  it('finds the columns by header in any order below a title row, skipping blank rows', async () => {
    const buffer = await xlsx((sheet) => {
      sheet.addRow(['XX市分工方案']);
      sheet.addRow(['备注', ' 责任单位 ', '工作任务（具体）']);
      sheet.addRow(['', '市公安局', '开展宣传']);
      sheet.addRow([]);
      sheet.addRow(['急', '市网信办', { richText: [{ text: '清理' }, { text: '账号' }] }]);
    });
    const read = await readSheet(file(buffer), RULES);
    expect(read.rows).toEqual([
      { row: 3, cells: { task: '开展宣传', lead: '市公安局', note: '' } },
      { row: 5, cells: { task: '清理账号', lead: '市网信办', note: '急' } },
    ]);
  });

  it('gives each row of a merged cell below the header the merged value, and dates as YYYY-MM-DD', async () => {
    const buffer = await xlsx((sheet) => {
      sheet.addRow(['任务', '牵头单位', '备注']);
      sheet.addRow(['甲', '市公安局', new Date('2026-06-30T00:00:00Z')]);
      sheet.addRow(['乙', null, null]);
      sheet.mergeCells('B2:B3');
    });
    const read = await readSheet(file(buffer), RULES);
    expect(read.rows.map((r) => r.cells)).toEqual([
      { task: '甲', lead: '市公安局', note: '2026-06-30' },
      { task: '乙', lead: '市公安局', note: '' },
    ]);
  });

  it.each([
    ['a PDF named .xlsx', Buffer.from('%PDF-1.7 fake'), 'UNSUPPORTED_FILE_TYPE', /不是 Excel 工作簿.*PDF/],
    ['a text file named .xlsx', Buffer.from('序号,任务\n1,甲'), 'UNSUPPORTED_FILE_TYPE', /不是 Excel 工作簿/],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'UNSUPPORTED_FILE_TYPE', /另存为 \.xlsx/],
    ['a damaged zip', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml xl/ broken')]), 'UNSUPPORTED_FILE_TYPE', /无法作为 Excel 工作簿打开/],
  ])('refuses %s', async (_name, buffer, code, message) => {
    const error = await refusal(buffer);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses no file and two files', async () => {
    expect((await refusal([])).message).toMatch(/请选择/);
    const one = await xlsx((sheet) => sheet.addRow(['任务', '牵头单位']));
    expect((await refusal([...file(one), ...file(one)])).message).toMatch(/一次只能导入一个文件/);
  });

  it.each<[string, (sheet: ExcelJS.Worksheet) => void, string, RegExp]>([
    ['an empty workbook', () => undefined, 'BAD_SPREADSHEET', /工作表都是空的/],
    ['a sheet without the header', (s) => s.addRows([['名称', '地址'], ['甲', '乙']]), 'BAD_SPREADSHEET', /找不到表头.*任务 \/ 牵头单位/],
    ['a header without a required column', (s) => s.addRows([['任务', '备注'], ['甲', '']]), 'BAD_SPREADSHEET', /缺少 “牵头单位” 列/],
    ['a column twice', (s) => s.addRows([['任务', '牵头单位', '责任单位'], ['甲', '乙', '丙']]), 'BAD_SPREADSHEET', /两列都是“牵头单位”/],
    ['a header without rows', (s) => s.addRows([['任务', '牵头单位']]), 'BAD_SPREADSHEET', /没有数据行/],
    [
      'merged header cells',
      (s) => {
        s.addRows([['任务', '牵头单位', ''], ['甲', '乙', '']]);
        s.mergeCells('B1:C1');
      },
      'BAD_SPREADSHEET',
      /表头（第 1 行）中有合并的单元格（B1 起）/,
    ],
    [
      'a formula',
      (s) => {
        s.addRow(['任务', '牵头单位']);
        s.addRow(['甲', { formula: 'CONCAT("市","公安局")', result: '市公安局' }]);
      },
      'BAD_SPREADSHEET',
      /表格中有公式（B2）.*选择性粘贴/,
    ],
    ['too many rows', (s) => s.addRows([['任务', '牵头单位'], ...Array.from({ length: 4 }, (_, i) => [`任务${i}`, '甲'])]), 'PAYLOAD_TOO_LARGE', /超过 3 行/],
  ])('refuses %s', async (_name, build, code, message) => {
    const error = await refusal(await xlsx(build));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it.each([
    [' 完成时限（年月日） ', '完成时限'],
    ['牵头\n单位', '牵头单位'],
    ['*任务', '任务'],
  ])('reads the header %p as %p', (raw, header) => {
    expect(normaliseHeader(raw)).toBe(header);
  });

  it('takes a row with fewer than two known headers for a title, not the header', () => {
    expect(headerColumns(['XX方案', '任务'], RULES.columns)).toBeNull();
    expect(headerColumns(['牵头单位', 'x', '任务'], RULES.columns)).toEqual({ lead: 0, task: 2 });
  });
});
