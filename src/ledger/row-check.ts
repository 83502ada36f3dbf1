import type { SheetRow } from '../spreadsheets/workbook-reader';

/** A refusal of one cell of an imported row. */
export interface CellError<K extends string> {
  column: K;
  message: string;
}

/** One imported row checked: its cells as read, what it will create as the preview shows it, its errors, and the value to create when it has none. */
export interface RowCheck<K extends string, V, T> {
  row: number;
  cells: Record<K, string>;
  view: V;
  errors: Array<CellError<K>>;
  value: T | null;
}

/** Characters no cell should hold: controls other than line breaks and tabs. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Cells holding control characters, each an error. */
export function checkText<K extends string>(cells: Record<K, string>): Array<CellError<K>> {
  return (Object.keys(cells) as K[]).filter((column) => CONTROL.test(cells[column])).map((column) => ({ column, message: '含有不可见的控制字符，请删除后再导入' }));
}

/** For each row that repeats an earlier one (same key), the earlier row's number. */
export function duplicateOf<K extends string>(rows: Array<SheetRow<K>>, key: (cells: Record<K, string>) => string): Map<number, number> {
  const first = new Map<string, number>();
  const duplicates = new Map<number, number>();
  for (const row of rows) {
    const k = key(row.cells);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, row.row);
    else duplicates.set(row.row, earlier);
  }
  return duplicates;
}
