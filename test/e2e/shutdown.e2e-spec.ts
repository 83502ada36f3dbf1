import { JobsService } from '../../src/jobs/jobs.service';
import { PdfRenderer } from '../../src/notices/pdf-renderer.service';
import { deferred } from '../support/deferred';
import { as, login, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * How long the held work goes on once shutdown has begun. Not a wait for the app: a shutdown that did
 * not wait for the work would close the database within this time, and the order of events shows it.
 */
const WORK_GOES_ON_MS = 300;

/**
 * app.close() (and SIGTERM) stops the job runner first: no new work is taken, the work in hand finishes,
 * and only then do the PDF browser and the database close.
 */
describe(`shutdown waits for the work in hand (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let closed: boolean;
  let events: string[];

  /** Closes the app as a test step (and drops its database); the events show the order. */
  async function close(): Promise<void> {
    closed = true;
    await app.close();
  }

  /** Records when shutdown begins and the renderer and the database close; releases `hold` once shutdown has begun. */
  function watchShutdown(hold: ReturnType<typeof deferred>): void {
    events = [];
    const renderer = app.app.get(PdfRenderer);
    const closeRenderer = renderer.onApplicationShutdown.bind(renderer);
    jest.spyOn(renderer, 'onApplicationShutdown').mockImplementation(async () => {
      events.push('renderer closed');
      await closeRenderer();
    });
    const destroy = app.dataSource.destroy.bind(app.dataSource);
    jest.spyOn(app.dataSource, 'destroy').mockImplementation(async () => {
      events.push('database closed');
      await destroy();
    });
    const jobs = app.app.get(JobsService);
    const stop = jobs.onModuleDestroy.bind(jobs);
    jest.spyOn(jobs, 'onModuleDestroy').mockImplementation(async () => {
      events.push('shutdown begun');
      setTimeout(hold.resolve, WORK_GOES_ON_MS);
      await stop();
    });
  }

  beforeEach(async () => {
    app = await startTestApp({ ...jobsEnv(), JOBS_POLL_SECONDS: '1', RECONCILE_SECONDS: '1' });
    closed = false;
  });
  afterEach(async () => {
    if (!closed) await app.close();
  });

  it('lets a notice’s render in flight finish before the renderer and the database close', async () => {
    const clock = controlClock([app], chinaTime('2026-03-02', '10:00'));
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const directive = await office.post('/api/directives').send({ title: '涉诈电话卡核验', requirement: '核验率达到100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.police.id }).expect(201);
    clock.set(chinaTime('2026-03-09', '10:00'));
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: directive.body.assignments[0].id }).expect(201)).body;

    const hold = deferred();
    const started = deferred();
    watchShutdown(hold);
    const render = jest.spyOn(app.app.get(PdfRenderer), 'render').mockImplementation(async () => {
      started.resolve();
      await hold.promise;
      events.push('render finished');
      return Buffer.from('%PDF-1.4\n%%EOF\n');
    });
    await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200);
    await started.promise;

    await close();
    expect(render).toHaveBeenCalledTimes(1);
    expect(events).toEqual(['shutdown begun', 'render finished', 'renderer closed', 'database closed']);
  });

  it('lets the periodic upkeep in flight finish before the database closes', async () => {
    const hold = deferred();
    const started = deferred();
    watchShutdown(hold);
    app.app.get(JobsService).onTick(async () => {
      started.resolve();
      await hold.promise;
      // The upkeep reads the database as it ends, as the listing rules' check does.
      await app.dataSource.query('SELECT 1');
      events.push('upkeep finished');
    });
    await started.promise;

    await close();
    expect(events).toEqual(['shutdown begun', 'upkeep finished', 'renderer closed', 'database closed']);
  });
});
