import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Access } from '../access/access';
import { chasedLabel, chaseKeyOf, chaseTarget, joinChased } from './chase-target';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Page, pageOf } from '../common/dto/page.dto';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import type { WakeUp } from '../jobs/jobs.constants';
import { JobsService } from '../jobs/jobs.service';
import { ActionRunner } from './action-runner.service';
import { ApproveEscalationDto, DismissEscalationDto, EscalationPage, EscalationQueryDto, EscalationView } from './dto/reminders.dto';
import { Escalation } from './escalation.entity';
import { RungNotices } from './rung-notices.service';

/** The approval queue: rungs the ladder prepared, which the office issues or dismisses. */
@Injectable()
export class EscalationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: ActionRunner,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rungNotices: RungNotices,
  ) {}

  async list(access: Access, query: EscalationQueryDto): Promise<Page<EscalationView>> {
    const { qb, unitColumn } = joinChased(this.dataSource.getRepository(Escalation).createQueryBuilder('e'), 'e');
    qb.where('e.status = :status', { status: query.status });
    if (access.unitRestriction !== null) qb.andWhere(`${unitColumn} = :own`, { own: access.unitRestriction });
    if (query.assignmentId) qb.andWhere('e.assignment_id = :assignmentId', { assignmentId: query.assignmentId });
    if (query.rectificationId) qb.andWhere('e.rectification_id = :rectificationId', { rectificationId: query.rectificationId });
    const [items, total] = await qb.orderBy('e.id', 'DESC').skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return pageOf(items.map(view), total, query) as EscalationPage;
  }

  async get(access: Access, id: number): Promise<EscalationView> {
    const escalation = await this.dataSource.getRepository(Escalation).findOne({ where: { id }, relations: { assignment: { directive: true, unit: true }, rectification: { unit: true } } });
    if (!escalation) throw new NotFoundError('督办审批事项');
    access.assertReaches('escalation', id, [escalation.assignment?.unitId ?? escalation.rectification!.unitId]);
    return view(escalation);
  }

  /** Issues the rung: its notice when it has one (which must be complete by then), else the rung's own message. */
  async approve(access: Access, id: number, dto: ApproveEscalationDto): Promise<EscalationView> {
    return this.decide(access, id, 'issued', dto.note || null, async (manager, escalation) => {
      if (!escalation.noticeId) return { deliveries: await this.runner.announce(manager, escalation, await chaseTarget(manager, chaseKeyOf(escalation))) };
      if (!(await this.rungNotices.issueIfComplete(manager, escalation.noticeId, access.actor.userId))) throw new DomainError('ATTACHED_DRAFT_INCOMPLETE', '随附的通知草稿还不完整（如约谈时间、地点），请先在“公文通知”中补全后再同意发出');
      // The notice's recipients are told when its PDF is there.
      return { deliveries: [], issuedNotice: escalation.noticeId };
    });
  }

  async dismiss(access: Access, id: number, dto: DismissEscalationDto): Promise<EscalationView> {
    return this.decide(access, id, 'dismissed', dto.reason, async (manager, escalation) => {
      await this.rungNotices.discard(manager, escalation);
      return { deliveries: [] };
    });
  }

  private async decide(
    access: Access,
    id: number,
    status: 'issued' | 'dismissed',
    note: string | null,
    effect: (manager: EntityManager, escalation: Escalation) => Promise<{ deliveries: WakeUp[]; issuedNotice?: number }>,
  ): Promise<EscalationView> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const escalation = await manager.findOne(Escalation, { where: { id }, relations: { assignment: true, rectification: true } });
      if (!escalation) throw new NotFoundError('督办审批事项');
      access.assertReaches('escalation', id, [escalation.assignment?.unitId ?? escalation.rectification!.unitId]);
      // Only a pending rung is decided, once: a second decision finds no row to change.
      const result = await manager.update(Escalation, { id, status: 'pending' }, { status, decisionNote: note, decidedBy: access.actor.userId, decidedAt: this.clock.now() });
      if (result.affected !== 1) throw new DomainError('ALREADY_DECIDED', '该事项已处理过（已发出、已驳回或因任务办结而撤回）');
      await this.audit.record({ action: status === 'issued' ? 'escalation.approve' : 'escalation.dismiss', objectType: 'escalation', objectId: id, changes: { status: ['pending', status], ...(note ? { note: [null, note] } : {}) } }, manager);
      return effect(manager, { ...escalation, status });
    });
    await this.jobs.wake('delivery', outcome.deliveries);
    if (outcome.issuedNotice) await this.jobs.wake('render', [{ id: outcome.issuedNotice, runAt: this.clock.now() }]);
    const decided = await this.dataSource.getRepository(Escalation).findOneOrFail({ where: { id }, relations: { assignment: { directive: true, unit: true }, rectification: { unit: true } } });
    return view(decided);
  }
}

function view(e: Escalation): EscalationView {
  const label = chasedLabel(e);
  return {
    id: e.id,
    assignmentId: e.assignmentId,
    rectificationId: e.rectificationId,
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
