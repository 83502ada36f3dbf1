import type { SheetRules } from '../spreadsheets/workbook-reader';
import { UNIT_SHEET, USER_SHEET } from './account-rows';
import { DIRECTIVE_SHEET } from './directive-rows';
import type { ImportKind } from './import-preview.entity';

/** Each import's sheet, and what people call it. */
export const IMPORT_KIND_SHEETS: Record<ImportKind, { sheet: SheetRules<string>; title: string; noun: string }> = {
  directives: { sheet: DIRECTIVE_SHEET, title: '分工方案', noun: '条督办事项' },
  units: { sheet: UNIT_SHEET, title: '成员单位', noun: '个单位' },
  users: { sheet: USER_SHEET, title: '用户', noun: '个账号' },
};
