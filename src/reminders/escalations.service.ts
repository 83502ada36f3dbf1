import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Access } from '../access/access';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Page } from '../common/dto/page.dto';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { readPage } from '../database/list-page';
import { UnitOfWork, Work } from '../jobs/unit-of-work';
import { ActionRunner } from './action-runner.service';
import { ChaseLabel, ChaseSources } from './chase-sources';
import { ApproveEscalationDto, DismissEscalationDto, EscalationPage, EscalationQueryDto, EscalationView, legacySubjectIds, subjectOfQuery } from './dto/reminders.dto';
import { Escalation } from './escalation.entity';
import { Rungs } from './rungs';

/** The approval queue: rungs the ladder prepared, which the office issues or dismisses. */
@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: ActionRunner,
    private readonly unit: UnitOfWork,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly sources: ChaseSources,
    private readonly rungs: Rungs,
  ) {}

  /** Newest first, one status at a time (served by (status, id)). */
  async list(access: Access, query: EscalationQueryDto): Promise<Page<EscalationView>> {
    const qb = this.dataSource.getRepository(Escalation).createQueryBuilder('e').where('e.status = :status', { status: query.status });
    if (access.unitRestriction !== null) qb.andWhere('e.unit_id = :own', { own: access.unitRestriction });
    const subject = subjectOfQuery(query);
    if (subject) qb.andWhere('e.subject_kind = :subjectKind AND e.subject_id = :subjectId', { subjectKind: subject.kind, subjectId: subject.id });
    const page = await readPage(qb, query, [{ column: 'e.id', direction: 'DESC', of: (e) => e.id }]);
    const labels = await this.sources.labelsOf(this.dataSource.manager, page.items);
    return { ...page, items: page.items.map((e, i) => view(e, labels[i])) } as EscalationPage;
  }

  async get(access: Access, id: number): Promise<EscalationView> {
    const escalation = await this.dataSource.getRepository(Escalation).findOneBy({ id });
    if (!escalation) throw new NotFoundError('督办审批事项');
    return view(escalation, await this.reached(this.dataSource.manager, access, escalation));
  }

  /** Issues the rung as its effect does: its notice when it has one (which must be complete by then), else the rung's own message. */
  async approve(access: Access, id: number, dto: ApproveEscalationDto): Promise<EscalationView> {
    return this.decide(access, id, 'issued', dto.note || null, async (work, escalation) => {
      const { manager } = work;
      const announce = async () => this.runner.announce(manager, escalation, await this.sources.targetOf(manager, escalation));
      const effect = this.rungs.effectOf(escalation.rung);
      if (effect.approve) await effect.approve(work, escalation, { actorUserId: access.actor.userId, announce });
      else work.wake('delivery', await announce());
    });
  }

  async dismiss(access: Access, id: number, dto: DismissEscalationDto): Promise<EscalationView> {
    return this.decide(access, id, 'dismissed', dto.reason, async ({ manager }, escalation) => {
      await this.rungs.effectOf(escalation.rung).withdraw?.(manager, escalation);
    });
  }

  private async decide(access: Access, id: number, status: 'issued' | 'dismissed', note: string | null, effect: (work: Work, escalation: Escalation) => Promise<void>): Promise<EscalationView> {
    await this.unit.run(async (work) => {
      const { manager } = work;
      const escalation = await manager.findOneBy(Escalation, { id });
      if (!escalation) throw new NotFoundError('督办审批事项');
      await this.reached(manager, access, escalation);
      // Only a pending rung is decided, once: a second decision finds no row to change.
      const result = await manager.update(Escalation, { id, status: 'pending' }, { status, decisionNote: note, decidedBy: access.actor.userId, decidedAt: this.clock.now() });
      if (result.affected !== 1) throw new DomainError('ALREADY_DECIDED', '该事项已处理过（已发出、已驳回或因任务办结而撤回）');
      await this.audit.record({ action: status === 'issued' ? 'escalation.approve' : 'escalation.dismiss', objectType: 'escalation', objectId: id, changes: { status: ['pending', status], ...(note ? { note: [null, note] } : {}) } }, manager);
      await effect(work, { ...escalation, status });
    });
    return this.get(access, id);
  }

  /** The rung's work, named; refused unless it is the actor's unit's (or the actor sees all units). */
  private async reached(manager: EntityManager, access: Access, escalation: Escalation): Promise<ChaseLabel> {
    const [label] = await this.sources.labelsOf(manager, [escalation]);
    access.assertReaches('escalation', escalation.id, [label.unitId]);
    return label;
  }
}

function view(e: Escalation, label: ChaseLabel): EscalationView {
  return {
    id: e.id,
    ...legacySubjectIds(e),
    subjectKind: e.subjectKind,
    subjectId: e.subjectId,
    directiveCode: label.code,
    directiveTitle: label.title,
    link: label.link,
    unitName: label.unitName,
    rung: e.rung,
    periodKey: e.periodKey,
    noticeId: e.noticeId,
    status: e.status,
    summary: e.summary,
    decisionNote: e.decisionNote,
    decidedAt: e.decidedAt,
    createdAt: e.createdAt,
  };
}
