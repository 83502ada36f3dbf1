import { homePageOf } from './roles';
import { Access, AccessDeniedError } from './access';
import type { Actor, Role } from './actor';
import { GRANTS, Permission, scopeOf } from './permissions';

const actor = (role: Role, unitId: number | null): Actor => ({ userId: 1, username: 'u', displayName: 'U', role, unitId });

describe('grants', () => {
  it('lets leaders read but never manage', () => {
    const granted = Object.keys(GRANTS.leader) as Permission[];
    expect(granted.length).toBeGreaterThan(0);
    for (const permission of granted) {
      expect(permission.endsWith(':manage')).toBe(false);
    }
    expect(scopeOf('leader', Permission.UnitsManage)).toBeNull();
    expect(scopeOf('leader', Permission.UnitsRead)).toBe('all');
  });

  it('limits unit contacts to their own unit and keeps management and audit from them', () => {
    expect(scopeOf('unit', Permission.UnitsRead)).toBe('own-unit');
    expect(scopeOf('unit', Permission.UsersManage)).toBeNull();
    expect(scopeOf('unit', Permission.AuditRead)).toBeNull();
  });
});

describe('Access', () => {
  it('reaches every unit with scope all', () => {
    const access = new Access(actor('office', 1), Permission.UnitsRead, 'all');
    expect(access.unitRestriction).toBeNull();
    expect(() => access.assertReaches('unit', 9, [9])).not.toThrow();
  });

  it('reaches only the own unit with scope own-unit', () => {
    const access = new Access(actor('unit', 3), Permission.UnitsRead, 'own-unit');
    expect(access.unitRestriction).toBe(3);
    expect(() => access.assertReaches('unit', 3, [3])).not.toThrow();
    expect(() => access.assertReaches('unit', 4, [4])).toThrow(AccessDeniedError);
    expect(() => access.assertReaches('unit', 4, [4])).toThrow('单位不存在或无权查看');
    expect(() => access.assertReaches('unit', 5, [null])).toThrow(AccessDeniedError);
  });

  it('reaches nothing for a unit-scoped actor without a unit', () => {
    const access = new Access(actor('unit', null), Permission.UsersRead, 'own-unit');
    expect(access.unitRestriction).toBe(-1);
    expect(() => access.assertReaches('user', 1, [null])).toThrow(AccessDeniedError);
  });
});

describe('homePageOf', () => {
  it.each([
    ['leader', 'board'],
    ['office', 'overview'],
    ['unit', 'overview'],
  ] as const)('gives %s the %s home page', (role, home) => {
    expect(homePageOf(role)).toBe(home);
  });
});
