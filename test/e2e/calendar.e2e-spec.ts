import { PageClient } from '../support/browser-session';
import { as, login, PASSWORD, seedOrganisation } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe(`working-day calendar (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let office: ReturnType<typeof as>;

  beforeAll(async () => {
    app = await startTestApp();
    await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
  });
  afterAll(() => app.close());

  it('counts across the National Day holiday on the published schedule', async () => {
    const res = await office.get('/api/calendar/working-days?from=2026-09-30&days=3').expect(200);
    expect(res.body).toEqual({ date: '2026-10-10' });
  });

  it('says when a year is not covered, and counts into it once the office has entered it', async () => {
    const refused = await office.get('/api/calendar/working-days?from=2026-12-31&days=1').expect(422);
    expect(refused.body).toMatchObject({ code: 'CALENDAR_NOT_COVERED', message: expect.stringContaining('2027 年') });
    await office.put('/api/calendar/days/2027-01-01').send({ date: '2027-01-01', kind: 'holiday', note: '元旦' }).expect(204);
    await office.put('/api/calendar/years/2027').expect(204);
    expect((await office.get('/api/calendar/working-days?from=2026-12-31&days=1').expect(200)).body).toEqual({ date: '2027-01-04' });
    const overview = (await office.get('/api/calendar').expect(200)).body;
    expect(overview.officeYears).toEqual([2027]);
    expect(overview.days).toEqual([{ date: '2027-01-01', kind: 'holiday', note: '元旦' }]);
  });

  it('applies a local holiday and lets the office remove it again', async () => {
    await office.put('/api/calendar/days/2026-03-13').send({ date: '2026-03-13', kind: 'holiday', note: '本地放假' }).expect(204);
    expect((await office.get('/api/calendar/working-days?from=2026-03-12&days=1').expect(200)).body.date).toBe('2026-03-16');
    await office.delete('/api/calendar/days/2026-03-13').expect(204);
    expect((await office.get('/api/calendar/working-days?from=2026-03-12&days=1').expect(200)).body.date).toBe('2026-03-13');
  });

  it('refuses bad dates and keeps the calendar to the office', async () => {
    await office.put('/api/calendar/days/2026-02-30').send({ date: '2026-02-30', kind: 'holiday', note: 'x' }).expect(400);
    await office.put('/api/calendar/days/2026-03-01').send({ date: '2026-03-02', kind: 'holiday', note: 'x' }).expect(400);
    const unit = as(app, await login(app, 'unit-police'));
    await unit.put('/api/calendar/days/2026-05-06').send({ date: '2026-05-06', kind: 'holiday', note: 'x' }).expect(403);
    await unit.get('/api/calendar/working-days?from=2026-03-12&days=1').expect(200);
  });

  it('lets the office set a day through its page', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const token = await browser.csrfToken('/calendar');
    expect((await browser.post('/calendar/days', { _csrf: token, date: '2026-06-01', kind: 'holiday', note: '' })).status).toBe(400);
    expect((await browser.post('/calendar/days', { _csrf: token, date: '2026-06-01', kind: 'holiday', note: '防汛调休' })).status).toBe(303);
    expect((await browser.get('/calendar')).text).toContain('防汛调休');
  });
});
