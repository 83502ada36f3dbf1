import { DomainError } from '../common/errors/domain-error';
import { datetimeKey, decodeKey, encodeKey, keysetCondition } from './list-page';

describe('keysetCondition', () => {
  it.each([
    [[{ column: 'n.id', direction: 'DESC' as const }], [42], '(n.id < :keyset_0)'],
    [
      [
        { column: 'a.sortKey', direction: 'ASC' as const },
        { column: 'a.id', direction: 'ASC' as const },
      ],
      ['0:2026-06-30:1', 7],
      '(a.sortKey >= :keyset_0 AND (a.sortKey > :keyset_0 OR (a.id > :keyset_1)))',
    ],
    [
      [
        { column: 'd.rank', direction: 'ASC' as const },
        { column: 'd.due', direction: 'ASC' as const },
        { column: 'd.id', direction: 'DESC' as const },
      ],
      [1, '2026-01-01', 9],
      '(d.rank >= :keyset_0 AND (d.rank > :keyset_0 OR (d.due >= :keyset_1 AND (d.due > :keyset_1 OR (d.id < :keyset_2)))))',
    ],
  ])('%j after %j', (order, key, sql) => {
    const condition = keysetCondition(order, key);
    expect(condition.sql).toBe(sql);
    expect(Object.values(condition.parameters)).toEqual(key);
  });
});

describe('page keys', () => {
  it('come back as they were given', () => {
    expect(decodeKey(encodeKey(['0:2026-06-30:1', 7]), 2)).toEqual(['0:2026-06-30:1', 7]);
  });

  it.each([
    ['not base64 JSON', 'abc'],
    ['a key of another list (wrong length)', encodeKey([1])],
    ['an object', Buffer.from('{"a":1}').toString('base64url')],
    ['nested values', encodeKey([[1] as unknown as number, 2])],
  ])('refuses %s with a message a person can act on', (_what, text) => {
    expect(() => decodeKey(text, 2)).toThrow(DomainError);
    expect(() => decodeKey(text, 2)).toThrow('翻页位置无效');
  });
});

describe('datetimeKey', () => {
  it('writes the instant in UTC, as the databases store it, so keys sort as the instants do', () => {
    const instants = ['2026-10-13T09:00:00+08:00', '2026-10-12T23:30:00.250Z', '2026-10-13T01:00:00.001Z'].map((text) => new Date(text));
    expect(instants.map(datetimeKey)).toEqual(['2026-10-13 01:00:00.000', '2026-10-12 23:30:00.250', '2026-10-13 01:00:00.001']);
    expect([...instants].sort((a, b) => a.getTime() - b.getTime()).map(datetimeKey)).toEqual(instants.map(datetimeKey).sort());
  });
});
