import { isWriteStatement, ReadCache, WriteWatch } from './read-cache';

describe('isWriteStatement', () => {
  it.each([
    ['INSERT INTO units (name) VALUES (?)', true],
    ['  update `assignments` SET status = ?', true],
    ['DELETE FROM sessions', true],
    ['REPLACE INTO counters VALUES (1)', true],
    ['COMMIT', true],
    ['RELEASE SAVEPOINT typeorm_1', true],
    ['/* request abc #1 */ UPDATE users SET active = 0', true],
    ['SELECT 1', false],
    ['/* request abc #2 */ SET STATEMENT max_statement_time=8.000 FOR SELECT 1', false],
    ['START TRANSACTION', false],
    ['ROLLBACK', false],
    ['SAVEPOINT typeorm_1', false],
    ['PRAGMA foreign_keys = ON', false],
    ['SELECT * FROM audit WHERE action = "UPDATE"', false],
  ])('%s → %s', (sql, write) => {
    expect(isWriteStatement(sql)).toBe(write);
  });
});

describe('ReadCache', () => {
  const setup = (ttlMs = 5000, maxEntries = 10, refreshAhead = false) => {
    let now = 1_000;
    const writes = new WriteWatch();
    const cache = new ReadCache<number>(writes, ttlMs, maxEntries, () => now, { refreshAhead });
    let loads = 0;
    const load = (value: number) => () => {
      loads += 1;
      return Promise.resolve(value);
    };
    return { cache, writes, load, loads: () => loads, advance: (ms: number) => (now += ms) };
  };

  it('answers a repeated read from memory until it expires', async () => {
    const { cache, load, loads, advance } = setup();
    expect(await cache.get('k', load(1))).toBe(1);
    expect(await cache.get('k', load(2))).toBe(1);
    expect(loads()).toBe(1);
    advance(5000);
    expect(await cache.get('k', load(3))).toBe(3);
    expect(loads()).toBe(2);
  });

  describe('with refreshAhead', () => {
    const flush = () => new Promise((resolve) => setImmediate(resolve));

    it('answers an expired read with the last value while one read replaces it', async () => {
      const { cache, load, loads, advance } = setup(5000, 10, true);
      expect(await cache.get('k', load(1))).toBe(1);
      advance(6000);
      let finish!: (value: number) => void;
      const slow = () => new Promise<number>((resolve) => (finish = resolve));
      expect(await cache.get('k', slow)).toBe(1);
      expect(await cache.get('k', load(9))).toBe(1);
      expect(loads()).toBe(1);
      finish(2);
      await flush();
      expect(await cache.get('k', load(3))).toBe(2);
      expect(loads()).toBe(1);
    });

    it('waits for a new read after a write, as without it', async () => {
      const { cache, writes, load, advance } = setup(5000, 10, true);
      await cache.get('k', load(1));
      advance(6000);
      writes.written();
      expect(await cache.get('k', load(2))).toBe(2);
    });

    it('waits for a new read once the value is older than twice its time', async () => {
      const { cache, load, advance } = setup(5000, 10, true);
      await cache.get('k', load(1));
      advance(10_000);
      expect(await cache.get('k', load(2))).toBe(2);
    });

    it('keeps the last value when the refresh fails, and tries again on the next request', async () => {
      const { cache, load, loads, advance } = setup(5000, 10, true);
      await cache.get('k', load(1));
      advance(6000);
      expect(await cache.get('k', () => Promise.reject(new Error('busy')))).toBe(1);
      await flush();
      expect(await cache.get('k', load(4))).toBe(1);
      await flush();
      expect(await cache.get('k', load(5))).toBe(4);
      expect(loads()).toBe(2);
    });
  });

  it('reads again after any write this process made', async () => {
    const { cache, writes, load } = setup();
    await cache.get('k', load(1));
    writes.written();
    expect(await cache.get('k', load(2))).toBe(2);
  });

  it('does not keep a value read while a write happened', async () => {
    const { cache, writes, load } = setup();
    let finish!: (value: number) => void;
    const pending = cache.get('k', () => new Promise<number>((resolve) => (finish = resolve)));
    writes.written();
    finish(1);
    expect(await pending).toBe(1);
    expect(await cache.get('k', load(2))).toBe(2);
  });

  it('shares one read among requests asking at once', async () => {
    const { cache, load, loads } = setup();
    const answers = await Promise.all([cache.get('k', load(7)), cache.get('k', load(8)), cache.get('k', load(9))]);
    expect(answers).toEqual([7, 7, 7]);
    expect(loads()).toBe(1);
  });

  it('forgets a failed read, so the next request tries again', async () => {
    const { cache, load } = setup();
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', load(4))).toBe(4);
  });

  it('keeps at most maxEntries, dropping the least recently read', async () => {
    const { cache, load, loads } = setup(5000, 2);
    await cache.get('a', load(1));
    await cache.get('b', load(2));
    await cache.get('a', load(1));
    await cache.get('c', load(3));
    expect(loads()).toBe(3);
    expect(await cache.get('a', load(10))).toBe(1);
    expect(await cache.get('b', load(20))).toBe(20);
  });

  it('with no time to live, always reads', async () => {
    const { cache, load, loads } = setup(0);
    await cache.get('k', load(1));
    await cache.get('k', load(1));
    expect(loads()).toBe(2);
  });
});
