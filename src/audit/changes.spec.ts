import { diffFields } from './changes';

interface Sample {
  name: string;
  active: boolean;
  parentId: number | null;
  at: Date;
}

describe('diffFields', () => {
  const fields = ['name', 'active', 'parentId', 'at'] as const;
  const base: Sample = { name: '公安局', active: true, parentId: null, at: new Date('2026-01-01T00:00:00Z') };

  it('lists only the fields that changed, with before and after', () => {
    expect(diffFields(base, { ...base, name: '市公安局', active: false }, fields)).toEqual({
      name: ['公安局', '市公安局'],
      active: [true, false],
    });
  });

  it('returns null when nothing changed, comparing dates by value', () => {
    expect(diffFields(base, { ...base, at: new Date(base.at.getTime()) }, fields)).toBeNull();
  });

  it('records creation as null → value', () => {
    expect(diffFields(null, base, ['name', 'parentId'])).toEqual({ name: [null, '公安局'] });
  });

  it('ignores fields that are not listed', () => {
    expect(diffFields<Sample & { secret: string }>({ ...base, secret: 'a' }, { ...base, secret: 'b' }, fields)).toBeNull();
  });
});
