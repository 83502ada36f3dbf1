import type { SheetRow } from '../spreadsheets/workbook-reader';
import { checkUnitRows, checkUserRows, namesIn, UnitColumn, UserColumn } from './account-rows';

const unitRow = (row: number, cells: Partial<Record<UnitColumn, string>>): SheetRow<UnitColumn> => ({ row, cells: { name: '', shortName: '', kind: '', aliases: '', ...cells } });
const userRow = (row: number, cells: Partial<Record<UserColumn, string>>): SheetRow<UserColumn> => ({ row, cells: { username: '', displayName: '', role: '', unit: '', phone: '', email: '', password: '', ...cells } });

describe('namesIn', () => {
  it.each([
    ['市委网信办、网信部门', ['市委网信办', '网信部门']],
    ['甲；乙\n丙，甲', ['甲', '乙', '丙']],
    ['', []],
  ])('splits %p into %p', (cell, names) => {
    expect(namesIn(cell)).toEqual(names);
  });
});

describe('checkUnitRows', () => {
  const context = { takenNames: new Set(['测试市公安局', '公安局', '市局']) };

  it('turns a good row into a unit with its aliases', () => {
    const [check] = checkUnitRows([unitRow(2, { name: '测试市网信办', shortName: '网信办', kind: '职能部门', aliases: '市委网信办、网信部门' })], context);
    expect(check.errors).toEqual([]);
    expect(check.value).toMatchObject({ name: '测试市网信办', shortName: '网信办', kind: 'department', aliases: ['市委网信办', '网信部门'] });
    expect(check.view).toEqual({ kind: '职能部门', aliases: ['市委网信办', '网信部门'] });
  });

  it.each<[string, Partial<Record<UnitColumn, string>>, UnitColumn, RegExp]>([
    ['a name taken', { name: '测试市 公安局', shortName: '公安', kind: '职能部门' }, 'name', /已有名为/],
    ['an alias taken', { name: '测试市网信办', shortName: '网信办', kind: '职能部门', aliases: '市局' }, 'aliases', /“市局”已是其他单位/],
    ['an unknown kind', { name: '测试市网信办', shortName: '网信办', kind: '部门' }, 'kind', /单位类别应为 职能部门、镇街、企业、其他 之一，而不是“部门”/],
    ['the office as a kind', { name: '测试市网信办', shortName: '网信办', kind: '协调办公室' }, 'kind', /单位类别应为/],
    ['an empty short name', { name: '测试市网信办', shortName: '', kind: '镇街' }, 'shortName', /简称/],
  ])('refuses %s in its cell', (_name, cells, column, message) => {
    const [check] = checkUnitRows([unitRow(2, cells)], context);
    expect(check.value).toBeNull();
    expect(check.errors).toContainEqual({ column, message: expect.stringMatching(message) });
  });

  it('refuses a repeated name', () => {
    const cells = { name: '测试市网信办', shortName: '网信办', kind: '职能部门' };
    expect(checkUnitRows([unitRow(2, cells), unitRow(3, cells)], context)[1].errors).toEqual([{ column: 'name', message: '与第 2 行重复（单位全称相同）' }]);
  });
});

describe('checkUserRows', () => {
  const context = { takenUsernames: new Set(['office']), matchUnit: (text: string) => (text === '网信办' ? 7 : null), unitName: () => '网信办' };
  const good = { username: 'cac-wang', displayName: '王五', role: '成员单位联络员', unit: '网信办', password: 'river stone lantern' };

  it('turns a good row into an account, the password left out of it', () => {
    const [check] = checkUserRows([userRow(2, good)], context);
    expect(check.errors).toEqual([]);
    expect(check.value).toEqual({ username: 'cac-wang', displayName: '王五', role: 'unit', unitId: 7, phone: null, email: null });
    expect(check.view).toEqual({ role: '成员单位联络员', unit: '网信办' });
  });

  it.each<[string, Partial<Record<UserColumn, string>>, UserColumn, RegExp]>([
    ['a taken username', { username: 'Office' }, 'username', /已被使用/],
    ['an unknown role', { role: '管理员' }, 'role', /角色应为 协调办、成员单位联络员、领导 之一/],
    ['an unknown unit', { unit: '教育局' }, 'unit', /“教育局”不是已登记的单位/],
    ['no password', { password: '' }, 'password', /初始密码不能为空/],
    ['a weak password', { password: 'cac-wang-2026-ok' }, 'password', /包含了用户名/],
    ['a malformed e-mail', { email: 'not-an-address' }, 'email', /邮箱/],
  ])('refuses %s in its cell', (_name, cells, column, message) => {
    const [check] = checkUserRows([userRow(2, { ...good, ...cells })], context);
    expect(check.value).toBeNull();
    expect(check.errors).toContainEqual({ column, message: expect.stringMatching(message) });
  });

  it('does not ask again for a password already kept as its hash', () => {
    expect(checkUserRows([userRow(2, { ...good, password: '' })], context, true)[0].errors).toEqual([]);
  });

  it('refuses a repeated username, whatever its case', () => {
    expect(checkUserRows([userRow(2, good), userRow(3, { ...good, username: 'CAC-wang' })], context)[1].errors).toContainEqual({ column: 'username', message: '与第 2 行重复（登录名相同）' });
  });
});
