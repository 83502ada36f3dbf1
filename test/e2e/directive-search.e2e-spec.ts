import { DirectiveTerms1765400000000 } from '../../migrations/1765400000000-directive-terms';
import { Clock } from '../../src/common/clock';
import { Directive } from '../../src/directives/directive.entity';
import { insertDirectiveTerms, matchesText } from '../../src/directives/directive-search';
import { documentTerms } from '../../src/directives/search-terms';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { startTestApp, testDb, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;

const TITLES = [
  '国家反诈中心APP安装率达标', // DB-2026-0001
  '涉诈资金查控快速止付', // 0002
  '反诈宣传进社区活动', // 0003
  '校园防骗知识讲座', // 0004
  '反诈骗专项与诈宣传月', // 0005: 反诈 and 诈宣, but not 反诈宣
  '东湖街道白桦', // 0006: 桦 only as the last character
  '𠮷溪镇电话卡清理', // 0007
  '2025年反诈工作要点', // 0008: a year in the title, another in the code
];

describe(`searching directives by words, characters and codes, through the term index (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;

  const termsOf = async (directiveId: number): Promise<string[]> =>
    ((await app.dataSource.query('SELECT term FROM directive_terms WHERE directive_id = ? ORDER BY term', [directiveId])) as Array<{ term: string }>).map((r) => r.term);
  const sorted = (terms: string[]) => [...terms].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const found = async (q: string, path = '/api/directives'): Promise<string[]> => {
    const body = (await office.get(`${path}?q=${encodeURIComponent(q)}&pageSize=100`).expect(200)).body as { items: Array<{ code?: string; directiveCode?: string }>; total: number };
    expect(body.total).toBe(body.items.length);
    return body.items.map((item) => item.code ?? item.directiveCode!).sort();
  };
  const codes = (...seqs: number[]) => seqs.map((seq) => `DB-2026-${String(seq).padStart(4, '0')}`);

  beforeAll(async () => {
    app = await startTestApp();
    jest.spyOn(app.app.get(Clock), 'now').mockReturnValue(new Date('2026-03-02T02:00:00Z'));
    org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    for (const title of TITLES) {
      await office.post('/api/directives').send({ title, requirement: '按要求办理。', category: '综合', priority: 'normal', deadline: '2026-06-30', leadUnitId: org.police.id, cooperatingUnitIds: [org.town.id] }).expect(201);
    }
  });
  afterAll(() => app.close());

  it('writes the terms of a directive with it', async () => {
    const [first] = (await office.get(`/api/directives?q=${encodeURIComponent('DB-2026-0001')}`).expect(200)).body.items;
    expect(first.title).toBe(TITLES[0]);
    expect(await termsOf(first.id)).toEqual(sorted(documentTerms(TITLES[0], 'DB-2026-0001')));
  });

  it.each([
    ['a Chinese word', '反诈', [1, 3, 5, 8]],
    ['one character', '诈', [1, 2, 3, 5, 8]],
    ['one character found only as the last of its title', '桦', [6]],
    ['a longer run, only where it stands together', '反诈宣', [3]],
    ['two words apart', '反诈 社区', [3]],
    ['a code in full', 'DB-2026-0007', [7]],
    ['the code without its prefix', '2026-0007', [7]],
    ['the number alone', '0007', [7]],
    ['the start of the codes', 'DB-2026', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['a year with the character after it', '2025年', [8]],
    ["a year with Chinese, not the code's year beside other Chinese", '2026年', []],
    ['letters in any case and width, stuck to Chinese', 'ａｐｐ安装', [1]],
    ['full-width digits and joiner', '２０２６－０００３', [3]],
    ['a character outside the BMP', '𠮷溪', [7]],
    ['a word nobody used', '跑分', []],
    ['a code that does not exist', '2026-0070', []],
    ['nothing searchable', '，。', []],
    ['LIKE wildcards, which are not searchable', '%', []],
  ])('finds %s (%s)', async (_, q, seqs) => {
    expect(await found(q)).toEqual(codes(...seqs));
  });

  it('searches the task list the same way', async () => {
    // Two units each: one task per unit and directive.
    expect(await found('反诈', '/api/assignments')).toEqual(codes(1, 1, 3, 3, 5, 5, 8, 8));
    expect(await found('2026-0007', '/api/assignments')).toEqual(codes(7, 7));
  });

  it('finds an edited title by its new words and no longer by its old ones', async () => {
    const [directive] = (await office.get(`/api/directives?q=${encodeURIComponent('资金查控')}`).expect(200)).body.items;
    await office.patch(`/api/directives/${directive.id}`).send({ version: directive.version, title: '银行网点可疑交易监测' }).expect(200);
    expect(await found('资金查控')).toEqual([]);
    expect(await found('可疑交易')).toEqual(codes(2));
    expect(await found('诈')).toEqual(codes(1, 3, 5, 8));
    expect(await termsOf(directive.id)).toEqual(sorted(documentTerms('银行网点可疑交易监测', 'DB-2026-0002')));
    // A change of anything else leaves the terms alone.
    const edited = (await office.get(`/api/directives/${directive.id}`).expect(200)).body;
    await office.patch(`/api/directives/${directive.id}`).send({ version: edited.version, priority: 'urgent' }).expect(200);
    expect(await found('可疑交易')).toEqual(codes(2));
  });

  it('fills the table for the directives already there when migrating, again after a stop half-way', async () => {
    const before = (await app.dataSource.query('SELECT directive_id, term FROM directive_terms ORDER BY directive_id, term')) as unknown[];
    expect(before.length).toBeGreaterThan(TITLES.length * 3);
    const migration = new DirectiveTerms1765400000000();
    const runner = app.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await runner.hasTable('directive_terms')).toBe(false);
      await migration.up(runner);
      expect(await runner.query('SELECT directive_id, term FROM directive_terms ORDER BY directive_id, term')).toEqual(before);
      // A start stopped while filling (MySQL has committed the table by then): the next one fills it again.
      await runner.query('DELETE FROM directive_terms WHERE directive_id > ?', [2]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await app.dataSource.query('SELECT directive_id, term FROM directive_terms ORDER BY directive_id, term')).toEqual(before);
    expect(await found('可疑交易')).toEqual(codes(2));
  });
});

describe(`the search reads the term index, not every directive (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  /**
   * Directives inserted in bulk, with their terms: 1,200 of 2025 on one common subject and 1,200 of 2026
   * on another, all with 开展, and two rare ones.
   */
  beforeAll(async () => {
    app = await startTestApp();
    const org = await seedOrganisation(app.dataSource);
    const titles = [...Array.from({ length: 1200 }, (_, i) => [2025, `开展反诈宣传第${i}场`] as const), ...Array.from({ length: 1200 }, (_, i) => [2026, `开展打击跑分第${i}次`] as const), [2026, '白桦村可疑交易监测'] as const, [2026, '枫林村可疑交易监测'] as const];
    const rows = titles.map(([year, title], i) => {
      const deadline = `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`;
      return [`DB-${year}-${String(i + 1).padStart(4, '0')}`, year, i + 1, title, deadline, org.users.office.id, deadline];
    });
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await app.dataSource.query(
        `INSERT INTO directives (code, year, seq, title, requirement, category, priority, deadline, created_by, version, due_key, priority_rank) VALUES ${chunk.map(() => "(?, ?, ?, ?, '要求', '综合', 'normal', ?, ?, 1, ?, 2)").join(', ')}`,
        chunk.flat(),
      );
    }
    await insertDirectiveTerms(app.dataSource, await app.dataSource.getRepository(Directive).find({ select: { id: true, title: true, code: true } }));
    await app.dataSource.query(testDb() === 'sqlite' ? 'ANALYZE' : 'ANALYZE TABLE directives, directive_terms');
  });
  afterAll(() => app.close());

  /** The plan of a directive list's page searched for `q`, one line per table read. */
  const plan = async (q: string): Promise<string[]> => {
    const qb = app.dataSource.getRepository(Directive).createQueryBuilder('directive').select('directive.id').orderBy('directive.deadline').addOrderBy('directive.id').limit(20);
    await matchesText(qb, 'directive', q);
    const [sql, params] = qb.getQueryAndParameters();
    if (testDb() === 'sqlite') return ((await app.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as Array<{ detail: string }>).map((r) => r.detail);
    const rows = (await app.dataSource.query(`EXPLAIN ${sql}`, params)) as Array<{ select_type: string; table: string; type: string; key: string | null; ref: string | null }>;
    return rows.map((r) => `${r.select_type} ${r.table} ${r.type} ${r.key} ${r.ref}`);
  };

  it.each([
    ['a rare word', '可疑交易'],
    ['a rare character', '桦'],
    ['a code', '2025-0007'],
    ['two common words seldom together', '反诈 跑分'],
  ])('starts from the term index for %s, then reads each matching directive by its key', async (_, q) => {
    const lines = await plan(q);
    if (testDb() === 'sqlite') {
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^SEARCH directive USING INTEGER PRIMARY KEY \(rowid=\?\)/), expect.stringMatching(/^SEARCH text_\d USING COVERING INDEX sqlite_autoindex_directive_terms_1 \(term[=><]/)]));
      expect(lines.filter((line) => /^SCAN directive\b/.test(line))).toEqual([]);
    } else {
      expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^\w+ text_\d (ref|range) PRIMARY /), expect.stringMatching(/^PRIMARY directive eq_ref PRIMARY /)]));
      expect(lines.filter((line) => / ALL /.test(line) && !/<subquery\d+>/.test(line))).toEqual([]);
    }
  });

  it.each([
    ['a rare word', '可疑交易', 'the rarest term'],
    ['two common words seldom together', '反诈 跑分', 'the rarest term'],
    ['a prefix common at one end only', 'DB-2026', 'the rarest term'],
    ['a word common everywhere', '开展', 'a check of each row'],
    ['a character common everywhere', '开', 'a check of each row'],
    ['a prefix common everywhere', 'DB-202', 'a check of each row'],
  ])('leads %s (%s) with %s', async (_, q, lead) => {
    const qb = app.dataSource.getRepository(Directive).createQueryBuilder('directive').select('directive.id');
    await matchesText(qb, 'directive', q);
    expect(/ IN \(SELECT /.test(qb.getQuery()) ? 'the rarest term' : 'a check of each row').toBe(lead);
  });

  it.each([
    ['word', '开展'],
    ['character', '开'],
  ])('checks a common Chinese %s on the title of each row the list passes, reading no terms', async (_, q) => {
    const lines = await plan(q);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => /text_/.test(line))).toEqual([]);
  });

  it("checks a common word on the row's own terms, looked up by the row's id", async () => {
    const lines = await plan('DB-202');
    if (testDb() === 'sqlite') expect(lines).toContainEqual(expect.stringMatching(/^SEARCH text_0 USING COVERING INDEX IDX_directive_terms_directive \(directive_id=\? AND term>\? AND term<\?\)/));
    else expect(lines).toContainEqual(expect.stringMatching(/^DEPENDENT SUBQUERY text_0 (ref|range) IDX_directive_terms_directive .*\bdirective\.id$/));
  });
});
