import ExcelJS from 'exceljs';
import { as, binary } from './fixtures';

export async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Downloads a workbook as a client would, checking it comes as an .xlsx attachment. */
export async function downloadWorkbook(client: ReturnType<typeof as>, url: string): Promise<ExcelJS.Workbook> {
  const res = await client.get(url).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(res.headers['content-disposition']).toMatch(/^attachment; .*\.xlsx/);
  return workbookOf(res.body as Buffer);
}

/** The values of a sheet's rows below the header, as text. */
export function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    rows.push(Array.from({ length: sheet.columnCount }, (_, i) => {
      const value = row.getCell(i + 1).value;
      return value instanceof Date ? value.toISOString().slice(0, 10) : value === null || value === undefined ? '' : String(value);
    }));
  });
  return rows;
}
