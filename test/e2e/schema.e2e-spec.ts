import { as, login, seedOrganisation } from '../support/fixtures';
import { startTestApp, testDb, TestApp } from '../support/test-app';

describe(`migrated schema (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('matches the entities exactly: TypeORM would change nothing', async () => {
    const pending = await app.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has an entity, registered by its feature module, for every table the migrations create', async () => {
    const rows: Array<{ name: string }> =
      testDb() === 'sqlite'
        ? await app.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await app.dataSource.query('SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()');
    const tables = rows.map((r) => r.name).filter((name) => name !== 'migrations');
    expect(tables.length).toBeGreaterThan(20);
    expect(app.dataSource.entityMetadatas.map((m) => m.tableName).sort()).toEqual(tables.sort());
  });

  it('records the applied migrations, and running them again does nothing', async () => {
    expect(await app.dataSource.showMigrations()).toBe(false);
    expect(await app.dataSource.runMigrations()).toEqual([]);
  });

  it('keeps Chinese text and characters outside the BMP intact', async () => {
    await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const name = '𠮷溪𡈼镇人民政府（测试）';
    const created = await office.post('/api/units').send({ name, shortName: '𠮷溪镇', kind: 'township', contact: { person: '龘靐' } }).expect(201);
    const read = await office.get(`/api/units/${created.body.id}`).expect(200);
    expect(read.body.name).toBe(name);
    expect(read.body.contact.person).toBe('龘靐');
  });

  it('stores text in a full-Unicode encoding (utf8mb4 on MySQL)', async () => {
    if (testDb() === 'sqlite') {
      expect(await app.dataSource.query('PRAGMA encoding')).toEqual([{ encoding: 'UTF-8' }]);
      return;
    }
    const rows: Array<{ name: string; collation: string }> = await app.dataSource.query(
      'SELECT TABLE_NAME AS name, TABLE_COLLATION AS collation FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(`${row.name}: ${row.collation}`).toMatch(/: utf8mb4_/);
  });
});
