import { MIGRATIONS } from '../../migrations';
import { DEMO_ACCOUNTS, DEMO_UNITS } from '../../src/demo/demo-city';
import { createTestDatabase, startAppOn, testDb } from '../support/test-app';

describe(`start-up on an empty database (${process.env.TEST_DB})`, () => {
  it('migrates and seeds the demo city once, however many instances start together', async () => {
    const database = await createTestDatabase();
    const demo = { SEED_DEMO: 'true', DEMO_PASSWORD: 'demo-password-1' };
    // MariaDB: three instances at once, taking turns under the start-up locks. SQLite: a restart.
    const apps =
      testDb() === 'mysql'
        ? await Promise.all([1, 2, 3].map(() => startAppOn(database.env, demo)))
        : [await startAppOn(database.env, demo)];
    if (testDb() === 'sqlite') {
      await apps[0].app.close();
      apps[0] = await startAppOn(database.env, demo);
    }
    try {
      const [app] = apps;
      const count = async (table: string) => Number((await app.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
      expect(await count('migrations')).toBe(MIGRATIONS.length);
      expect(await count('units')).toBe(DEMO_UNITS.length);
      expect(await count('users')).toBe(DEMO_ACCOUNTS.length);
      for (const started of apps) {
        const res = await started.http().post('/api/auth/login').send({ username: 'unit-town1', password: 'demo-password-1' }).expect(200);
        expect(res.body.user.unitName).toBe('东湖街道');
      }
    } finally {
      for (const started of apps) await started.app.close();
      await database.drop();
    }
  });

  it('creates the first office account from INITIAL_ADMIN_PASSWORD when there is no demo data', async () => {
    const database = await createTestDatabase();
    const started = await startAppOn(database.env, { INITIAL_ADMIN_PASSWORD: 'first-admin-pass' });
    try {
      const res = await started.http().post('/api/auth/login').send({ username: 'admin', password: 'first-admin-pass' }).expect(200);
      expect(res.body.user).toMatchObject({ role: 'office', unitName: '协调办' });
      expect(Number((await started.dataSource.query('SELECT COUNT(*) AS n FROM users'))[0].n)).toBe(1);
    } finally {
      await started.app.close();
      await database.drop();
    }
  });
});
