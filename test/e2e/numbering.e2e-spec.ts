import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`directive numbering under concurrency (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;

  beforeAll(async () => {
    app = await startTestApp();
    org = await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  it('gives simultaneous creations unique, gapless codes, and a failed one gives its number back', async () => {
    const office = as(app, await login(app, 'office'));
    const create = (i: number, leadUnitId = org.police.id) =>
      office.post('/api/directives').send({ title: `并发事项 ${i}`, requirement: 'r', category: 'c', priority: 'normal', deadline: '2029-06-30', leadUnitId });
    const first = await Promise.all(Array.from({ length: 12 }, (_, i) => create(i)));
    expect(first.map((r) => r.status)).toEqual(Array(12).fill(201));
    // One that fails after taking its number (the office cannot be a lead unit) must not leave a gap.
    await create(99, org.office.id).expect(400);
    const second = await Promise.all(Array.from({ length: 4 }, (_, i) => create(100 + i)));
    const codes = [...first, ...second].map((r) => r.body.code as string).sort();
    const year = codes[0].slice(3, 7);
    expect(codes).toEqual(Array.from({ length: 16 }, (_, i) => `DB-${year}-${String(i + 1).padStart(4, '0')}`));
  });
});
