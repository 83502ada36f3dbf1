import { Injectable, INestApplication, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, EntityManager } from 'typeorm';
import { Access } from '../../src/access/access';
import { Actor } from '../../src/access/actor';
import { Permission } from '../../src/access/permissions';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock';
import { loadConfig } from '../../src/config/app-config';
import { JobsService } from '../../src/jobs/jobs.service';
import { ChaseLabel, ChaseSource, ChaseSources, ChaseSubject, ChaseTarget } from '../../src/reminders/chase-sources';
import { ScheduleQueryDto, UpdatePolicyDto } from '../../src/reminders/dto/reminders.dto';
import { Escalation } from '../../src/reminders/escalation.entity';
import { EscalationPoliciesService } from '../../src/reminders/escalation-policies.service';
import { EscalationsService } from '../../src/reminders/escalations.service';
import { RungDefinition } from '../../src/reminders/escalation-ladder';
import { RemindersModule } from '../../src/reminders/reminders.module';
import { ReachedRung, Rungs } from '../../src/reminders/rungs';
import { SchedulePlanner } from '../../src/reminders/schedule-planner.service';
import { ScheduleService } from '../../src/reminders/schedule.service';
import { ScheduledAction } from '../../src/reminders/scheduled-action.entity';
import { Organisation, seedOrganisation } from '../support/fixtures';
import { chinaTime } from '../support/scheduling';
import { createTestDatabase, TEST_JWT_SECRET } from '../support/test-app';

/**
 * The escalation engine runs work and rungs it has never heard of: a throw-away kind of chased work
 * (drills, held in memory) and a throw-away rung with its own effect, both registered by this test
 * alone, beside the product's own, without a line of src/reminders knowing them.
 */

/** A rung past the standard ladder: 演练约见, two working days after the deadline. */
const DRILL_RUNG: RungDefinition = {
  name: 'drill_call',
  label: '演练约见',
  position: 60,
  afterDays: { normal: 2, important: 2, urgent: 2 },
  summary: (f) => `演练：约见${f.unitName}，${f.subject}${f.late}${f.undone}。`,
};

/** What the drill rung's effect was asked to do, in order. */
const calls: string[] = [];
const reachedRungs: ReachedRung[] = [];

/** One drill, chased like any work: a deadline, a unit, a priority. */
const drill = { id: 7, unitId: 0, unitName: '', deadline: '2026-03-13', open: true };

@Injectable()
class DrillChase implements ChaseSource, OnModuleInit {
  readonly kind = 'drill';
  readonly noun = '演练事项';
  readonly words = { settled: '演练已结束，无需执行', undone: '仍未到场', moved: { reminder: '演练时间已变更', rung: '演练时间已变更' } };

  constructor(
    private readonly sources: ChaseSources,
    private readonly rungs: Rungs,
  ) {}

  onModuleInit(): void {
    this.sources.register(this);
    this.rungs.define(DRILL_RUNG);
    this.rungs.registerEffect(DRILL_RUNG.name, {
      reached: async ({ wake }, rung) => {
        calls.push(`reached:${rung.target.kind}:${rung.target.id}:${rung.status}`);
        reachedRungs.push(rung);
        wake('delivery', await rung.askApproval());
        return { outcome: `已拟${rung.label}（演练）` };
      },
      approve: async ({ wake }, escalation, approval) => {
        calls.push(`approve:${escalation.id}:${approval.actorUserId}`);
        wake('delivery', await approval.announce());
      },
      withdraw: async (_manager, escalation) => {
        calls.push(`withdraw:${escalation.id}`);
      },
    });
  }

  async openIds(): Promise<number[]> {
    return drill.open ? [drill.id] : [];
  }

  async subjects(_manager: EntityManager, ids: number[]): Promise<ChaseSubject[]> {
    return ids.includes(drill.id) ? [{ id: drill.id, unitId: drill.unitId, open: drill.open, deadline: drill.deadline, reportCycle: null, reportDay: null, issuedOn: '2026-03-01', priority: 'urgent' }] : [];
  }

  async targets(_manager: EntityManager, ids: number[]): Promise<Map<number, ChaseTarget>> {
    const target: ChaseTarget = {
      ...this.label(),
      kind: this.kind,
      id: drill.id,
      unit: { name: drill.unitName, shortName: drill.unitName },
      deadlineName: '演练时限',
      deadline: drill.deadline,
      priority: 'urgent',
      progress: '尚未到场',
      chased: drill.open,
      reporting: null,
    };
    return new Map(ids.includes(drill.id) ? [[drill.id, target]] : []);
  }

  async labels(_manager: EntityManager, ids: number[]): Promise<Map<number, ChaseLabel>> {
    return new Map(ids.includes(drill.id) ? [[drill.id, this.label()]] : []);
  }

  private label(): ChaseLabel {
    return { code: `演练-${drill.id}`, title: '消防疏散演练', unitId: drill.unitId, unitName: drill.unitName, link: `/drills/${drill.id}` };
  }
}

@Module({ imports: [RemindersModule], providers: [DrillChase] })
class DrillModule {}

/** A rung defined with nothing to do when it is reached. */
@Injectable()
class SilentRung implements OnModuleInit {
  constructor(private readonly rungs: Rungs) {}

  onModuleInit(): void {
    this.rungs.define({ ...DRILL_RUNG, name: 'drill_silent', label: '无效果的演练阶梯' });
  }
}

@Module({ imports: [RemindersModule], providers: [SilentRung] })
class SilentRungModule {}

/** The product plus the test's own modules, on a fresh database of the suite's kind (in-process jobs). */
async function startWith(databaseEnv: Record<string, string>, ...extra: (new () => unknown)[]): Promise<INestApplication> {
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, SEED_DEMO: 'false', LOG_LEVEL: 'error', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'dbs-uploads-')), ...databaseEnv });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config), ...extra] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}

const actor = (user: { id: number; username: string; role: Actor['role']; unitId: number | null }): Actor => ({ userId: user.id, username: user.username, displayName: user.username, role: user.role, unitId: user.unitId });

describe(`the escalation engine with a kind of work and a rung registered from outside (${process.env.TEST_DB})`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: INestApplication;
  let dataSource: DataSource;
  let org: Organisation;
  let now: Date;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startWith(database.env, DrillModule);
    dataSource = app.get(DataSource);
    org = await seedOrganisation(dataSource);
    Object.assign(drill, { unitId: org.town.id, unitName: org.town.name });
    now = new Date(chinaTime('2026-03-10'));
    jest.spyOn(app.get(Clock), 'now').mockImplementation(() => now);
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('plans, runs and decides the throw-away rung for the throw-away work, as the office’s ladder says', async () => {
    const office = actor(org.users.office);
    // The office switches the standard rungs off; the form does not know the drill rung, which keeps its default.
    const saved = await app.get(EscalationPoliciesService).update(
      new Access(office, Permission.EscalationsManage, 'all'),
      'urgent',
      Object.assign(new UpdatePolicyDto(), {
        version: 0,
        ladder: {
          reminderDays: [1],
          rungs: Object.fromEntries(['supervision_notice', 'circular', 'interview', 'yellow_card', 'red_card'].map((rung, i) => [rung, { afterDays: i + 1, mode: 'off' }])),
          reportReminderDays: [3, 1],
          reportOverdue: { afterDays: 1, mode: 'auto' },
        },
      }),
    );
    expect(saved.ladder.rungs.drill_call).toEqual({ afterDays: 2, mode: 'approval' });

    await dataSource.transaction((manager) => app.get(SchedulePlanner).plan(manager, 'drill', [drill.id]));
    const planned = await dataSource.getRepository(ScheduledAction).find({ where: { subjectKind: 'drill' }, order: { dueAt: 'ASC' } });
    expect(planned.map((a) => [a.kind, a.periodKey, a.subjectId])).toEqual([
      ['reminder', '2026-03-13:1', drill.id],
      ['drill_call', '2026-03-13', drill.id],
    ]);

    // The schedule names the drill as its source does, and only the drill's unit sees it.
    const schedule = app.get(ScheduleService);
    const query = Object.assign(new ScheduleQueryDto(), { withinDays: 10, status: 'pending', page: 1, pageSize: 20 });
    const seenByTown = await schedule.list(new Access(actor(org.users.town), Permission.ScheduleRead, 'own-unit'), query);
    expect(seenByTown.items.map((a) => [a.kind, a.directiveCode, a.subjectKind, a.assignmentId, a.rectificationId])).toEqual([
      ['reminder', '演练-7', 'drill', null, null],
      ['drill_call', '演练-7', 'drill', null, null],
    ]);
    expect((await schedule.list(new Access(actor(org.users.police), Permission.ScheduleRead, 'own-unit'), query)).items).toEqual([]);

    now = new Date(chinaTime('2026-03-17', '10:00'));
    await app.get(JobsService).runDue();
    expect(calls).toEqual([`reached:drill:${drill.id}:pending`]);
    expect(reachedRungs[0]).toMatchObject({ mode: 'approval', label: '演练约见', target: { deadlineName: '演练时限' } });
    const done = await dataSource.getRepository(ScheduledAction).find({ where: { subjectKind: 'drill' }, order: { dueAt: 'ASC' } });
    expect(done.map((a) => [a.kind, a.status, a.outcome])).toEqual([
      ['reminder', 'done', '已提醒 1 名联络员'],
      ['drill_call', 'done', '已拟演练约见（演练）'],
    ]);
    const rung = await dataSource.getRepository(Escalation).findOneByOrFail({ subjectKind: 'drill', subjectId: drill.id });
    expect(rung).toMatchObject({ rung: 'drill_call', periodKey: '2026-03-13', status: 'pending', summary: `演练：约见${org.town.name}，“消防疏散演练”（演练-7）（已逾期 2 个工作日）仍未到场。` });

    const approved = await app.get(EscalationsService).approve(new Access(office, Permission.EscalationsManage, 'all'), rung.id, {});
    expect(calls).toEqual([`reached:drill:${drill.id}:pending`, `approve:${rung.id}:${office.userId}`]);
    expect(approved).toMatchObject({ status: 'issued', subjectKind: 'drill', subjectId: drill.id, assignmentId: null, rectificationId: null, directiveCode: '演练-7', unitName: org.town.name, link: '/drills/7' });
  });
});

describe(`the escalation engine refusing to start (${process.env.TEST_DB})`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('names a rung without an effect, and work on the schedule whose kind no source reads', async () => {
    await expect(startWith(database.env, SilentRungModule)).rejects.toThrow(/^督办引擎拒绝启动：督办阶梯“无效果的演练阶梯”没有登记效果（rung effect: drill_silent）$/);

    // A database holding the schedule of a kind of work the application no longer registers.
    const first = await startWith(database.env);
    await first.get(DataSource).query("INSERT INTO scheduled_actions (subject_kind, subject_id, kind, period_key, due_at, run_at, status, attempts) VALUES ('ghost', 1, 'reminder', '2026-03-13:1', '2026-03-12 01:00:00', '2026-03-12 01:00:00', 'cancelled', 1)");
    await first.close();
    await expect(startWith(database.env)).rejects.toThrow('督办引擎拒绝启动：已排程的催办对象没有登记来源（chase source: ghost）');
  });
});
