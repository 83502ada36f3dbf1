import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { RectificationItem } from '../rectifications/rectification.entity';
import { OPEN_RECTIFICATION_STATUSES } from '../rectifications/rectification-state';
import { Access } from '../access/access';
import { OPEN_STATUSES } from '../assignments/assignment-state';
import { Assignment } from '../assignments/assignment.entity';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, staleVersion } from '../common/errors/domain-error';
import { updateVersioned } from '../database/versioned-update';
import { Priority, PRIORITIES } from '../directives/directive.entity';
import { JobsService } from '../jobs/jobs.service';
import { PolicyView, UpdatePolicyDto } from './dto/reminders.dto';
import { EscalationPolicy } from './escalation.entity';
import { DEFAULT_LADDERS, Ladder, ladderProblems } from './escalation-ladder';
import { SchedulePlanner } from './schedule-planner.service';

/** The office's escalation policy, one ladder per priority. */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: SchedulePlanner,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<PolicyView[]> {
    const stored = await this.dataSource.getRepository(EscalationPolicy).find();
    return PRIORITIES.map((priority) => {
      const row = stored.find((s) => s.priority === priority);
      return { priority, ladder: row?.ladder ?? DEFAULT_LADDERS[priority], isDefault: !row, version: row?.version ?? 0 };
    });
  }

  /** Saves a ladder and re-plans every open assignment and rectification item of that priority in the same transaction. */
  async update(access: Access, priority: Priority, dto: UpdatePolicyDto): Promise<PolicyView> {
    const ladder: Ladder = dto.ladder;
    const problems = ladderProblems(ladder);
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
    const wake = await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(EscalationPolicy, { priority });
      if ((before?.version ?? 0) !== dto.version) throw staleVersion('督办规则', 'reedit');
      if (before) {
        await updateVersioned(manager, EscalationPolicy, { priority }, dto.version, { ladder, updatedBy: access.actor.userId, updatedAt: this.clock.now() }, () => staleVersion('督办规则', 'reedit'));
      } else {
        await manager.insert(EscalationPolicy, { priority, ladder, updatedBy: access.actor.userId, updatedAt: this.clock.now(), version: 1 });
      }
      await this.audit.record({ action: 'escalation_policy.update', objectType: 'escalation_policy', objectId: priority, changes: { ladder: [before?.ladder ?? DEFAULT_LADDERS[priority], ladder] } }, manager);
      const open = await manager
        .getRepository(Assignment)
        .createQueryBuilder('a')
        .innerJoin('a.directive', 'directive')
        .select('a.id', 'id')
        .where('directive.priority = :priority AND a.status IN (:...open)', { priority, open: [...OPEN_STATUSES] })
        .getRawMany<{ id: number }>();
      const items = await manager.find(RectificationItem, { where: { priority, status: In([...OPEN_RECTIFICATION_STATUSES]) }, select: { id: true } });
      return [...(await this.planner.plan(manager, open.map((row) => Number(row.id)))), ...(await this.planner.planRectifications(manager, items.map((i) => i.id)))];
    });
    await this.jobs.wake('action', wake);
    return (await this.list()).find((p) => p.priority === priority)!;
  }
}

