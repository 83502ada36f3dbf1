import { DataSource } from 'typeorm';
import { YearlyCounter } from './yearly-counter';

describe('YearlyCounter', () => {
  let db: DataSource;
  const plain = new YearlyCounter('plain_counters');
  const byKind = new YearlyCounter<{ kind: string }>('kind_counters');

  beforeEach(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await db.query('CREATE TABLE plain_counters (year INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL)');
    await db.query('CREATE TABLE kind_counters (kind VARCHAR(40) NOT NULL, year INTEGER NOT NULL, last_seq INTEGER NOT NULL, PRIMARY KEY (kind, year))');
  });
  afterEach(() => db.destroy());

  it('numbers from 1 each year, the row made once however often it is ensured', async () => {
    await plain.ensure(db, 2026, {});
    await plain.ensure(db, 2026, {});
    await plain.ensure(db, 2027, {});
    const taken = [await plain.next(db.manager, 2026, {}), await plain.next(db.manager, 2026, {}), await plain.next(db.manager, 2027, {})];
    expect(taken).toEqual([1, 2, 1]);
    await plain.ensure(db, 2026, {});
    expect(await plain.next(db.manager, 2026, {})).toBe(3);
  });

  it('keeps one sequence per scope', async () => {
    for (const kind of ['circular', 'interview_letter']) await byKind.ensure(db, 2026, { kind });
    expect(await byKind.next(db.manager, 2026, { kind: 'circular' })).toBe(1);
    expect(await byKind.next(db.manager, 2026, { kind: 'circular' })).toBe(2);
    expect(await byKind.next(db.manager, 2026, { kind: 'interview_letter' })).toBe(1);
    expect(await db.query('SELECT kind, year, last_seq FROM kind_counters ORDER BY kind')).toEqual([
      { kind: 'circular', year: 2026, last_seq: 2 },
      { kind: 'interview_letter', year: 2026, last_seq: 1 },
    ]);
  });

  it('gives a number back when the transaction that took it fails: no gap', async () => {
    await byKind.ensure(db, 2026, { kind: 'circular' });
    await expect(
      db.transaction(async (manager) => {
        expect(await byKind.next(manager, 2026, { kind: 'circular' })).toBe(1);
        throw new Error('issuing failed');
      }),
    ).rejects.toThrow('issuing failed');
    expect(await db.transaction((manager) => byKind.next(manager, 2026, { kind: 'circular' }))).toBe(1);
  });

  it('refuses to take a number from a row nobody ensured', async () => {
    await expect(byKind.next(db.manager, 2031, { kind: 'circular' })).rejects.toThrow('No kind_counters row for {"kind":"circular"} 2031');
  });
});
