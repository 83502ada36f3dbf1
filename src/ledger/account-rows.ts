/**
 * Units and users read from a sheet: columns found by their headers, every row checked against the
 * registered units and accounts before anything is created. Pure, table-tested beside it.
 */
import { ROLE_LABELS, ROLES, Role } from '../access/actor';
import { passwordWeakness, passwordWeaknessMessage } from '../auth/password-policy';
import { validateDto } from '../common/validation';
import { normaliseName } from '../extraction/rules/units';
import { CreateUnitDto } from '../units/dto/unit.dto';
import { UNIT_KIND_LABELS, UNIT_KINDS, UnitKind } from '../units/unit.entity';
import { CreateUserDto } from '../users/dto/user.dto';
import type { ColumnRule, SheetRow, SheetRules } from '../spreadsheets/workbook-reader';
import { CellError, checkText, duplicateOf, RowCheck } from './row-check';

const named = (label: string, pattern: RegExp, required = true): ColumnRule => ({ label, matches: (h) => pattern.test(h), required });

/** Most units or users one sheet may create at once. */
export const MAX_ACCOUNT_ROWS = 1000;

export type UnitColumn = 'name' | 'shortName' | 'kind' | 'aliases';

export const UNIT_SHEET: SheetRules<UnitColumn> = {
  maxRows: MAX_ACCOUNT_ROWS,
  columns: {
    name: named('单位全称', /^(?:单位全称|单位名称|全称|名称)$/),
    shortName: named('简称', /^(?:简称|单位简称)$/),
    kind: named('单位类别', /^(?:单位类别|类别|单位类型|类型)$/),
    aliases: named('别名', /^(?:别名|其他名称|又称)$/, false),
  },
};

export interface UnitRowContext {
  /** Every name, short name and alias already registered (normalised). */
  takenNames: ReadonlySet<string>;
}

export type UnitRowView = { kind: string; aliases: string[] };
export type UnitRowCheck = RowCheck<UnitColumn, UnitRowView, CreateUnitDto>;

const KIND_WORDS: Record<string, UnitKind> = Object.fromEntries(UNIT_KINDS.filter((k) => k !== 'office').flatMap((k) => [[UNIT_KIND_LABELS[k], k], [k, k]]));
const UNIT_FIELDS: Record<string, UnitColumn> = { name: 'name', shortName: 'shortName', kind: 'kind', aliases: 'aliases' };

/** A cell listing several names: one a line, or separated by 、，; */
export function namesIn(cell: string): string[] {
  return [...new Set(cell.split(/[、，,；;\n]+/).map((n) => n.trim()).filter((n) => n !== ''))];
}

export function checkUnitRows(rows: Array<SheetRow<UnitColumn>>, context: UnitRowContext): UnitRowCheck[] {
  const repeated = duplicateOf(rows, (cells) => normaliseName(cells.name));
  return rows.map(({ row, cells }) => {
    const errors: Array<CellError<UnitColumn>> = checkText(cells);
    const kind = KIND_WORDS[cells.kind];
    if (!kind) errors.push({ column: 'kind', message: `单位类别应为 ${Object.keys(KIND_WORDS).filter((w) => !/^[a-z]/.test(w)).join('、')} 之一${cells.kind ? `，而不是“${cells.kind}”` : ''}` });
    if (cells.name && context.takenNames.has(normaliseName(cells.name))) errors.push({ column: 'name', message: `已有名为“${cells.name}”的单位（或别名）` });
    const aliases = namesIn(cells.aliases);
    const taken = aliases.filter((a) => context.takenNames.has(normaliseName(a)));
    if (taken.length > 0) errors.push({ column: 'aliases', message: `${taken.map((a) => `“${a}”`).join('、')}已是其他单位的名称或别名` });
    const first = repeated.get(row);
    if (first !== undefined) errors.push({ column: 'name', message: `与第 ${first} 行重复（单位全称相同）` });
    const checked = validateDto(CreateUnitDto, { name: cells.name, shortName: cells.shortName, kind: kind ?? 'other', aliases });
    for (const e of checked.errors) errors.push({ column: UNIT_FIELDS[e.field.split('.')[0]] ?? 'name', message: e.message });
    return { row, cells, view: { kind: kind ? UNIT_KIND_LABELS[kind] : '', aliases }, errors, value: errors.length === 0 ? checked.value : null };
  });
}

export type UserColumn = 'username' | 'displayName' | 'role' | 'unit' | 'phone' | 'email' | 'password';

export const USER_SHEET: SheetRules<UserColumn> = {
  maxRows: MAX_ACCOUNT_ROWS,
  columns: {
    username: named('登录名', /^(?:登录名|用户名|账号|帐号)$/),
    displayName: named('姓名', /^(?:姓名|名字)$/),
    role: named('角色', /^(?:角色|身份)$/),
    unit: named('所属单位', /^(?:所属单位|单位|单位名称)$/, false),
    phone: named('电话', /^(?:电话|手机|手机号|联系电话)$/, false),
    email: named('电子邮箱', /^(?:电子邮箱|邮箱|电子邮件)$/, false),
    password: named('初始密码', /^(?:初始密码|密码)$/),
  },
};

export interface UserRowContext {
  takenUsernames: ReadonlySet<string>;
  /** The unit a name stands for (all active units, the office among them), or null. */
  matchUnit(text: string): number | null;
  unitName(id: number): string;
}

export type UserRowView = { role: string; unit: string };
/** A user to create: the account's fields; its password stays in the row (hashed before the row is kept). */
export type UserRowCheck = RowCheck<UserColumn, UserRowView, Omit<CreateUserDto, 'password'>>;

const ROLE_WORDS: Record<string, Role> = { ...Object.fromEntries(ROLES.flatMap((r) => [[ROLE_LABELS[r], r], [r, r]])), 联络员: 'unit', 协调办人员: 'office' };
const USER_FIELDS: Record<string, UserColumn> = { username: 'username', displayName: 'displayName', role: 'role', unitId: 'unit', phone: 'phone', email: 'email', password: 'password' };

/**
 * Every row checked. `hashed` says the row's password was already checked and kept only as its hash
 * (a confirmation re-checks the rest), so an empty password cell is then not an error.
 */
export function checkUserRows(rows: Array<SheetRow<UserColumn>>, context: UserRowContext, hashed = false): UserRowCheck[] {
  const repeated = duplicateOf(rows, (cells) => cells.username.toLowerCase());
  return rows.map(({ row, cells }) => {
    const errors: Array<CellError<UserColumn>> = checkText(cells);
    const role = ROLE_WORDS[cells.role];
    if (!role) errors.push({ column: 'role', message: `角色应为 ${ROLES.map((r) => ROLE_LABELS[r]).join('、')} 之一${cells.role ? `，而不是“${cells.role}”` : ''}` });
    const unitId = cells.unit === '' ? null : context.matchUnit(cells.unit);
    if (cells.unit !== '' && unitId === null) errors.push({ column: 'unit', message: `“${cells.unit}”不是已登记的单位（全称、简称或别名）` });
    if (context.takenUsernames.has(cells.username.toLowerCase())) errors.push({ column: 'username', message: `登录名“${cells.username}”已被使用` });
    const first = repeated.get(row);
    if (first !== undefined) errors.push({ column: 'username', message: `与第 ${first} 行重复（登录名相同）` });
    if (!hashed) {
      const weakness = cells.password === '' ? null : passwordWeakness(cells.password, cells.username);
      if (cells.password === '') errors.push({ column: 'password', message: '初始密码不能为空' });
      else if (weakness) errors.push({ column: 'password', message: passwordWeaknessMessage(weakness) });
    }
    const fields = { username: cells.username, displayName: cells.displayName, role: role ?? 'unit', unitId, phone: cells.phone || null, email: cells.email || null };
    // The DTO's own rules (lengths, the username's characters, the e-mail's form), the password aside.
    const checked = validateDto(CreateUserDto, { ...fields, password: 'x'.repeat(12) });
    for (const e of checked.errors) errors.push({ column: USER_FIELDS[e.field.split('.')[0]] ?? 'username', message: e.message });
    const view = { role: role ? ROLE_LABELS[role] : '', unit: unitId === null ? '' : context.unitName(unitId) };
    return { row, cells, view, errors, value: errors.length === 0 ? fields : null };
  });
}
