import type { Writable } from 'node:stream';
import type { Response } from 'express';
import ExcelJS from 'exceljs';
import { contentDisposition } from '../attachments/attachments.service';

/** What one cell holds: text, a number, a calendar date (`YYYY-MM-DD` or a Date), or nothing. */
export type CellValue = string | number | Date | null;

export interface ColumnSpec<R> {
  /** The header people read (Chinese). */
  header: string;
  /** Characters wide; by default as wide as the header, at least 8. */
  width?: number;
  /** `date`: the value (`YYYY-MM-DD` or a Date) is written as a date cell; `percent`: 0–100 shown as a number with %. */
  format?: 'date' | 'number' | 'percent';
  value(row: R): CellValue;
}

/** One worksheet: its name, columns and rows, read as they are written (never all in memory). */
export interface SheetSpec<R> {
  name: string;
  columns: Array<ColumnSpec<R>>;
  rows: AsyncIterable<R>;
}

/** Rows written between checks that the zip keeps up: the file is produced no faster than it is compressed and taken. */
const ROWS_PER_CHECK = 200;
/** Bytes of a sheet's XML allowed to wait for the compressor. */
const BACKLOG_BYTES = 1024 * 1024;
const BACKLOG_POLL_MS = 5;

/** The stream exceljs writes a worksheet's XML into, and what it hands it to (a PassThrough the zip reads). */
interface SheetStream {
  pipes?: Array<{ _writableState?: { length: number }; _readableState?: { length: number } }>;
}

/**
 * Waits until the compressor has taken most of what the worksheet wrote. exceljs' worksheet stream writes
 * on without waiting for the zip (deflate runs on the thread pool, and behind it the client's download):
 * unchecked, a fast database fills memory with XML waiting to be compressed, which grew by about 0.3 kB a
 * row. The backlog is what the zip's input holds; a slow client backs the zip up, so it is bounded too.
 */
async function caughtUp(worksheet: ExcelJS.Worksheet): Promise<void> {
  const pipe = (worksheet as unknown as { stream: SheetStream }).stream.pipes?.[0];
  const backlog = () => (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  while (backlog() > BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, BACKLOG_POLL_MS));
}

const FORMATS: Record<NonNullable<ColumnSpec<unknown>['format']>, string> = { date: 'yyyy-mm-dd', number: '0.####', percent: '0"%"' };

/** Width in characters of a text as a spreadsheet shows it: a CJK character takes two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.codePointAt(0)! > 0x2e80 ? 2 : 1;
  return width;
}

/** A column's width: the one given, or the header's (plus room for the filter button), between 8 and 80. */
export function columnWidth(column: Pick<ColumnSpec<unknown>, 'header' | 'width'>): number {
  return Math.min(80, Math.max(8, column.width ?? displayWidth(column.header) + 4));
}

/** A cell's value as written: a date column's `YYYY-MM-DD` becomes a date (midnight UTC, as spreadsheets count days). */
export function cellOf(column: Pick<ColumnSpec<unknown>, 'format'>, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  if (column.format === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * Streams an .xlsx workbook to `out`: one worksheet per spec, in order, each with a bold frozen header
 * row, a filter over its columns and sensible widths. Rows are committed as they are read, and writing
 * waits whenever `out` is behind, so memory stays bounded however many rows there are.
 */
export async function writeWorkbook(out: Writable, sheets: Array<SheetSpec<any>>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    worksheet.columns = sheet.columns.map((column) => ({ width: columnWidth(column), style: column.format ? { numFmt: FORMATS[column.format] } : {} }));
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for await (const row of sheet.rows) {
      worksheet.addRow(sheet.columns.map((column) => cellOf(column, column.value(row)))).commit();
      if (++written % ROWS_PER_CHECK === 0) await caughtUp(worksheet);
    }
    worksheet.commit();
  }
  await workbook.commit();
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Answers an HTTP request with a workbook streamed as it is written. Once the first bytes are out an
 * error can no longer be an answer of its own: the connection is cut, so the client sees a failed
 * download rather than a truncated file.
 */
export async function sendWorkbook(res: Response, fileName: string, sheets: Array<SheetSpec<any>>): Promise<void> {
  res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
  res.setHeader('Content-Disposition', contentDisposition(fileName));
  res.setHeader('Cache-Control', 'no-store');
  try {
    await writeWorkbook(res, sheets);
  } catch (error) {
    if (res.headersSent) return void res.destroy(error instanceof Error ? error : new Error(String(error)));
    // Nothing sent yet: the error is answered as any other.
    res.removeHeader('Content-Disposition');
    throw error;
  }
}
