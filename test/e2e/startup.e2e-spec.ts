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
      // The demo month has been chased: a notice waits for approval, reminders are in the inbox, more are planned.
      const token = async (username: string) => (await app.http().post('/api/auth/login').send({ username, password: 'demo-password-1' }).expect(200)).body.accessToken as string;
      const office = await token('office');
      const queue = await app.http().get('/api/escalations').set('Authorization', `Bearer ${office}`).expect(200);
      expect(queue.body.items).toContainEqual(expect.objectContaining({ rung: 'supervision_notice', status: 'pending', unitName: expect.stringContaining('电信'), noticeId: expect.any(Number) }));
      // Approving it issues its notice, which the unit then finds among its notices.
      const rung = queue.body.items.find((e: { unitName: string; rung: string }) => e.rung === 'supervision_notice' && e.unitName.includes('电信'));
      await app.http().post(`/api/escalations/${rung.id}/approve`).set('Authorization', `Bearer ${office}`).send({}).expect(200);
      const telecom = await token('unit-telecom');
      const notices = await app.http().get('/api/notices').set('Authorization', `Bearer ${telecom}`).expect(200);
      expect(notices.body.items).toContainEqual(expect.objectContaining({ id: rung.noticeId, kind: 'supervision_notice', status: 'issued', number: expect.stringMatching(/^.+督〔\d{4}〕1号$/) }));
      const upcoming = await app.http().get('/api/scheduled-actions?withinDays=10').set('Authorization', `Bearer ${office}`).expect(200);
      expect(upcoming.body.total).toBeGreaterThan(0);
      const inbox = await app.http().get('/api/notifications').set('Authorization', `Bearer ${telecom}`).expect(200);
      expect(inbox.body.items).toContainEqual(expect.objectContaining({ kind: 'reminder', title: expect.stringContaining('涉诈高风险电话卡二次实人核验') }));
      // The demo's directives are indexed for search as they are seeded.
      const searched = await app.http().get(`/api/directives?q=${encodeURIComponent('实人核验')}`).set('Authorization', `Bearer ${office}`).expect(200);
      expect(searched.body.items.map((d: { title: string }) => d.title)).toEqual(['涉诈高风险电话卡二次实人核验']);
      // The demo inspection: items open, overdue and signed off, the overdue one chased, its unit on a yellow card.
      const items = (await app.http().get('/api/rectifications?pageSize=100').set('Authorization', `Bearer ${office}`).expect(200)).body.items as { status: string; overdue: boolean; unitName: string }[];
      expect(items.map((i) => i.status)).toEqual(expect.arrayContaining(['issued', 'plan_accepted', 'report_submitted', 'signed_off']));
      expect(items.filter((i) => i.overdue).length).toBeGreaterThanOrEqual(1);
      const cards = (await app.http().get('/api/listings?status=active').set('Authorization', `Bearer ${telecom}`).expect(200)).body;
      expect(cards).toEqual([expect.objectContaining({ card: 'yellow', unitName: expect.stringContaining('电信'), unmetConditions: expect.arrayContaining([expect.stringContaining('未销号')]) })]);
      const chased = (await app.http().get('/api/escalations').set('Authorization', `Bearer ${office}`).expect(200)).body.items as { rectificationId: number | null }[];
      expect(chased.some((e) => e.rectificationId !== null)).toBe(true);
    } finally {
      for (const started of apps) await started.app.close();
      await database.drop();
    }
  });

  it('creates the first office account from INITIAL_ADMIN_PASSWORD when there is no demo data', async () => {
    const database = await createTestDatabase();
    const started = await startAppOn(database.env, { INITIAL_ADMIN_PASSWORD: 'first-office-key-2026' });
    try {
      const res = await started.http().post('/api/auth/login').send({ username: 'admin', password: 'first-office-key-2026' }).expect(200);
      expect(res.body.user).toMatchObject({ role: 'office', unitName: '协调办' });
      expect(Number((await started.dataSource.query('SELECT COUNT(*) AS n FROM users'))[0].n)).toBe(1);
    } finally {
      await started.app.close();
      await database.drop();
    }
  });
});
