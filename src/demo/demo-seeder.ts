import { randomInt } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FIRST_ACCOUNT_ROLE } from '../access/roles';
import { AuditService } from '../audit/audit.service';
import { chinaDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { hashPassword } from '../auth/password';
import { passwordWeakness } from '../auth/password-policy';
import { APP_CONFIG, AppConfig, INITIAL_ADMIN_USERNAME } from '../config/app-config';
import { withStartupLock } from '../database/migrate';
import { ensureDirectiveCounter } from '../directives/directive-code';
import { JobsService } from '../jobs/jobs.service';
import { UnitOfWork } from '../jobs/unit-of-work';
import { SchedulePlanner } from '../reminders/schedule-planner.service';
import { ASSIGNMENT_SUBJECT } from '../assignments/assignment-chase';
import { RECTIFICATION_SUBJECT } from '../rectifications/rectification-chase';
import { seedDemoInspection } from './demo-rectification';
import { AssessmentService } from '../assessment/assessment.service';
import { demoQuarterYear, publishDemoRanking, seedDemoQuarterWork } from './demo-assessment';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_CITY, DEMO_UNITS } from './demo-city';
import { seedDemoDirectives } from './demo-directives';
import { seedDemoExtraction } from './demo-extraction';

const SYSTEM_ACTOR = { userId: null, username: 'system', unitId: null } as const;

/**
 * On an empty database: seeds the demo city (embedded mode, or SEED_DEMO=true), or creates the first
 * office account from INITIAL_ADMIN_PASSWORD, so that someone can always sign in.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Setup');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly planner: SchedulePlanner,
    private readonly jobs: JobsService,
    private readonly unit: UnitOfWork,
    private readonly assessment: AssessmentService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    // Under the start-up lock, so that instances starting together seed an empty database once.
    return withStartupLock(this.dataSource, 'directive_supervision_setup', async () => {
      if ((await this.dataSource.getRepository(User).count()) > 0) return;
      if (this.config.seedDemo) return this.seedDemoCity();
      if (this.config.initialAdminPassword) return this.createFirstOfficeAccount(this.config.initialAdminPassword);
      this.logger.warn('数据库中还没有任何账号。设置 INITIAL_ADMIN_PASSWORD 后重启即可创建协调办管理员账号 admin。');
    });
  }

  private async seedDemoCity(): Promise<void> {
    const password = this.config.demoPassword ?? generateDemoPassword();
    const passwordHash = await hashPassword(password);
    const today = chinaDate(this.clock.now());
    await ensureDirectiveCounter(this.dataSource, Number(today.slice(0, 4)));
    await ensureDirectiveCounter(this.dataSource, demoQuarterYear(today));
    await this.unit.run(async ({ manager, wake }) => {
      const unitIds = new Map<string, number>();
      for (const { key, ...unit } of DEMO_UNITS) {
        const saved = await manager.save(manager.create(Unit, { ...unit, contactEmail: null, address: null, active: true, parentId: null }));
        unitIds.set(key, saved.id);
      }
      const userIds = new Map<string, number>();
      for (const account of DEMO_ACCOUNTS) {
        const unitId = account.unitKey ? unitIds.get(account.unitKey)! : null;
        const user = await manager.save(manager.create(User, { ...omitKey(account), unitId, passwordHash, active: true, phone: null, email: null }));
        if (account.unitKey) userIds.set(account.unitKey, user.id);
      }
      const { assignmentIds, issuedAt } = await seedDemoDirectives(manager, today, unitIds, userIds.get('office')!, userIds);
      await seedDemoExtraction(manager, today, unitIds, userIds.get('office')!);
      await seedDemoQuarterWork(manager, today, unitIds, userIds.get('office')!);
      await this.audit.record({ action: 'system.seed_demo', changes: { units: [0, DEMO_UNITS.length], users: [0, DEMO_ACCOUNTS.length] }, actor: SYSTEM_ACTOR }, manager);
      const inspection = await seedDemoInspection(manager, today, unitIds, userIds.get('office')!, userIds);
      // Planned as when the work was issued, so the reminders and rungs since then catch up now.
      wake('action', await this.planner.plan(manager, ASSIGNMENT_SUBJECT, assignmentIds, issuedAt));
      wake('action', await this.planner.plan(manager, RECTIFICATION_SUBJECT, inspection.itemIds, inspection.issuedAt));
    });
    // Scored and published through the service, as the office would, once the quarter's work is committed.
    await publishDemoRanking(this.assessment, this.dataSource.manager, today);
    // The month's catch-up happens now rather than at the runner's next look, so the demo opens complete.
    if (this.config.appRole !== 'api') await this.jobs.reconcile();
    const lines = [
      `已创建演示数据：${DEMO_CITY}，${DEMO_UNITS.length} 个单位，${DEMO_ACCOUNTS.length} 个账号，一份会议纪要及其督办事项，一份待分解任务的会议纪要，一次明查暗访及其整改事项（云澜电信挂黄牌），上季度已发布的考核排名和一份待处理的申诉。`,
      ...DEMO_ACCOUNTS.map((a) => `  ${a.username.padEnd(14)} ${a.displayName}`),
      this.config.demoPassword ? '  密码：DEMO_PASSWORD 中设置的密码' : `  密码（只显示这一次）：${password}`,
    ];
    this.logger.log(`\n${lines.join('\n')}`);
  }

  private async createFirstOfficeAccount(password: string): Promise<void> {
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const office = await manager.save(manager.create(Unit, { name: '协调办公室', shortName: '协调办', kind: 'office', active: true, parentId: null, contactPerson: null, contactPhone: null, contactEmail: null, address: null }));
      await manager.save(manager.create(User, { username: INITIAL_ADMIN_USERNAME, displayName: '管理员', role: FIRST_ACCOUNT_ROLE, unitId: office.id, passwordHash, active: true, phone: null, email: null }));
      await this.audit.record({ action: 'system.create_admin', actor: SYSTEM_ACTOR }, manager);
    });
    this.logger.log('已创建协调办管理员账号 admin（密码为 INITIAL_ADMIN_PASSWORD）。请登录后修改单位名称和密码。');
  }
}

function omitKey({ unitKey: _unitKey, ...account }: (typeof DEMO_ACCOUNTS)[number]) {
  return account;
}

/**
 * Twelve characters from an alphabet without look-alikes (0/O, 1/l/I), drawn again in the rare case
 * the password rule finds the draw guessable (a keyboard walk, a repeat).
 */
export function generateDemoPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  for (;;) {
    const password = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
    if (DEMO_ACCOUNTS.every((account) => passwordWeakness(password, account.username) === null)) return password;
  }
}
