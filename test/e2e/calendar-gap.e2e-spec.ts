import { load } from 'cheerio';
import { publishedCalendar } from '../../src/calendar/calendar-data';
import { PageClient } from '../support/browser-session';
import { as, login, Organisation, PASSWORD, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

/** The first year the published schedule does not cover: nothing due in it is counted in working days, nor chased. */
const NEXT = Math.max(...publishedCalendar().coveredYears) + 1;

describe(`the office is told when work falls in a year the working-day calendar does not cover (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let clock: ReturnType<typeof controlClock>;

  beforeAll(async () => {
    app = await startTestApp();
    // Late September of the last covered year: the next year's schedule is usually published in the autumn.
    clock = controlClock([app], chinaTime(`${NEXT - 1}-09-21`, '10:00'));
    org = await seedOrganisation(app.dataSource);
  });
  afterAll(() => app.close());

  const gapOn = async (client: PageClient) => load((await client.get('/')).text)('#calendar-gap');
  const flashOf = async (client: PageClient, location: string) => load((await client.get(location)).text)('#flash').text();

  it('says so on the office’s home page and when a directive due in that year is issued; a unit is not bothered', async () => {
    const office = new PageClient(app);
    await office.signIn('office', PASSWORD);
    const town = new PageClient(app);
    await town.signIn('unit-town', PASSWORD);
    expect((await gapOn(office)).length).toBe(0);

    // From October the office is reminded to enter the coming year.
    clock.set(chinaTime(`${NEXT - 1}-10-08`, '10:00'));
    const autumn = await gapOn(office);
    expect(autumn.text()).toContain(`${NEXT} 年的放假安排尚未录入工作日历。`);
    expect(autumn.text()).not.toContain('项督办事项的期限');
    expect(autumn.find('a').attr('href')).toBe('/calendar');

    const created = await office.post('/directives', {
      _csrf: await office.csrfToken('/directives/new'),
      title: '反诈宣传进校园',
      requirement: '每所学校开展一次反诈主题班会。',
      category: '宣传防范',
      priority: 'normal',
      deadlineKind: 'date',
      deadline: `${NEXT}-03-31`,
      leadUnitId: String(org.police.id),
    });
    expect(created.status).toBe(303);
    expect(await flashOf(office, created.headers.location)).toContain(`注意：${NEXT} 年的放假安排尚未录入工作日历，期限或报送日在该年的督办事项暂不催办、不升级`);
    expect((await gapOn(office)).text()).toContain(`已有 1 项督办事项的期限在 ${NEXT} 年及以后`);
    expect((await gapOn(town)).length).toBe(0);

    // A directive due in a covered year says nothing of it.
    const covered = await office.post('/directives', {
      _csrf: await office.csrfToken('/directives/new'),
      title: '反诈宣传进社区',
      requirement: '每个社区开展一次反诈宣传。',
      category: '宣传防范',
      priority: 'normal',
      deadlineKind: 'date',
      deadline: `${NEXT - 1}-12-15`,
      leadUnitId: String(org.police.id),
    });
    expect(covered.status).toBe(303);
    expect(await flashOf(office, covered.headers.location)).not.toContain('注意');

    // Standing work issued in December: its next report, on 5 January, falls in the uncovered year.
    clock.set(chinaTime(`${NEXT - 1}-12-10`, '10:00'));
    const standing = await office.post('/directives', {
      _csrf: await office.csrfToken('/directives/new'),
      title: '每月报送反诈宣传情况',
      requirement: '每月5日前报送上月反诈宣传开展情况。',
      category: '宣传防范',
      priority: 'normal',
      deadlineKind: 'standing',
      reportCycle: 'monthly',
      reportDay: '5',
      leadUnitId: String(org.police.id),
    });
    expect(standing.status).toBe(303);
    expect(await flashOf(office, standing.headers.location)).toContain(`注意：${NEXT} 年的放假安排尚未录入工作日历，期限或报送日在该年的督办事项暂不催办、不升级`);

    // Once the office has entered the year, the note is gone.
    await as(app, await login(app, 'office')).put(`/api/calendar/years/${NEXT}`).expect(204);
    expect((await gapOn(office)).length).toBe(0);
  });
});
