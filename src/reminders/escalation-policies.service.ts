import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { DomainError, staleVersion } from '../common/errors/domain-error';
import { updateVersioned } from '../database/versioned-update';
import { UnitOfWork } from '../jobs/unit-of-work';
import { Priority, PRIORITIES } from './chase-terms';
import { PolicyView, UpdatePolicyDto } from './dto/reminders.dto';
import { EscalationPolicy } from './escalation.entity';
import { LadderSettings, ladderProblems, ladderSettings, readLadder } from './escalation-ladder';
import { Rungs } from './rungs';
import { SchedulePlanner } from './schedule-planner.service';

/** The office's escalation policy, one ladder per priority. */
@Injectable()
export class EscalationPoliciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly planner: SchedulePlanner,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rungs: Rungs,
  ) {}

  async list(): Promise<PolicyView[]> {
    const stored = await this.dataSource.getRepository(EscalationPolicy).find();
    return PRIORITIES.map((priority) => {
      const row = stored.find((s) => s.priority === priority);
      return { priority, ladder: this.settings(row?.ladder, priority), isDefault: !row, version: row?.version ?? 0 };
    });
  }

  /** Saves a ladder and re-plans all open work of that priority in the same transaction. */
  async update(access: Access, priority: Priority, dto: UpdatePolicyDto): Promise<PolicyView> {
    // Rungs the form does not show keep their defaults.
    const ladder = readLadder({ ...dto.ladder, rungs: { ...dto.ladder.rungs } }, priority, this.rungs.definitions());
    const problems = ladderProblems(ladder, this.rungs.labels());
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join('；'), problems);
    const settings = ladderSettings(ladder);
    await this.unit.run(async ({ manager, wake }) => {
      const before = await manager.findOneBy(EscalationPolicy, { priority });
      if ((before?.version ?? 0) !== dto.version) throw staleVersion('督办规则', 'reedit');
      if (before) {
        await updateVersioned(manager, EscalationPolicy, { priority }, dto.version, { ladder: settings, updatedBy: access.actor.userId, updatedAt: this.clock.now() }, () => staleVersion('督办规则', 'reedit'));
      } else {
        await manager.insert(EscalationPolicy, { priority, ladder: settings, updatedBy: access.actor.userId, updatedAt: this.clock.now(), version: 1 });
      }
      await this.audit.record({ action: 'escalation_policy.update', objectType: 'escalation_policy', objectId: priority, changes: { ladder: [this.settings(before?.ladder, priority), settings] } }, manager);
      wake('action', await this.planner.replanPriority(manager, priority));
    });
    return (await this.list()).find((p) => p.priority === priority)!;
  }

  /** A stored ladder (or none) as the office reads it: every rung, the defaults where it lacks one. */
  private settings(stored: EscalationPolicy['ladder'] | undefined, priority: Priority): LadderSettings {
    return ladderSettings(readLadder(stored, priority, this.rungs.definitions()));
  }
}
