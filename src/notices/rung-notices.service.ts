import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import type { Work } from '../jobs/unit-of-work';
import { Escalation } from '../reminders/escalation.entity';
import { officeStaff } from '../reminders/recipients';
import { RungEffect, Rungs } from '../reminders/rungs';
import { Notice, NoticeRecipient } from './notice.entity';
import type { NoticeKind } from './notice-templates';
import { NoticesService } from './notices.service';

/** The notice each formal rung issues; the card rungs put a listing forward instead (see listings/card-rungs.ts). */
const NOTICE_OF_RUNG: Record<string, NoticeKind> = { supervision_notice: 'supervision_notice', circular: 'circular', interview: 'interview_letter' };

/** The field a notice is drafted from, by the kind of work the rung chases. */
const DRAFT_SUBJECT: Record<string, 'assignmentId' | 'rectificationId'> = { assignment: 'assignmentId', rectification: 'rectificationId' };

/** The formal rungs' effect, registered with the ladder: draft the rung's notice, issue it, or discard it. */
@Injectable()
export class RungNotices implements OnModuleInit {
  constructor(
    private readonly notices: NoticesService,
    private readonly rungs: Rungs,
  ) {}

  onModuleInit(): void {
    for (const [rung, kind] of Object.entries(NOTICE_OF_RUNG)) this.rungs.registerEffect(rung, this.effect(kind));
  }

  private effect(kind: NoticeKind): RungEffect {
    return {
      reached: async (work, rung) => {
        const notice = rung.escalation.noticeId ? null : await this.prepare(work.manager, rung.escalation, kind);
        if (rung.status === 'pending') {
          work.wake('delivery', await rung.askApproval());
          return { outcome: `已拟${rung.label}${notice ? '（含通知草稿）' : ''}，待协调办审批` };
        }
        // Issued at once: with its notice when the draft is complete (an interview letter needs a time and place).
        const issued = notice ? await this.issueIfComplete(work, notice, null) : false;
        // An issued notice tells its recipients when its PDF is there; a rung without one is announced now.
        if (!issued) work.wake('delivery', await rung.announce());
        return { outcome: `已发出${rung.label}${notice && !issued ? '（通知草稿待补全后印发）' : ''}` };
      },
      // Issues the rung's notice, which must be complete by then; a rung without one is announced.
      approve: async (work, escalation, approval) => {
        if (!escalation.noticeId) return work.wake('delivery', await approval.announce());
        if (!(await this.issueIfComplete(work, escalation.noticeId, approval.actorUserId))) throw new DomainError('ATTACHED_DRAFT_INCOMPLETE', '随附的通知草稿还不完整（如约谈时间、地点），请先在“公文通知”中补全后再同意发出');
      },
      withdraw: (manager, escalation) => this.discard(manager, escalation),
    };
  }

  /**
   * Drafts the rung's notice in the caller's transaction and links it; circulars are office-wide, so a
   * circular draft still waiting is shared by every rung that asks for one. Returns the notice id.
   */
  private async prepare(manager: EntityManager, escalation: Escalation, kind: NoticeKind): Promise<number> {
    const waiting = kind === 'circular' ? await manager.findOne(Notice, { where: { kind, status: 'draft', createdBy: 0 }, order: { id: 'DESC' } }) : null;
    // Drafted by the system; the contact named is the office's first account, which the office may change.
    const [contact] = await officeStaff(manager);
    const id = waiting?.id ?? (await this.notices.draft(manager, { userId: null, name: contact?.displayName ?? '' }, { kind, ...(kind === 'circular' ? {} : this.subjectOf(escalation)) }));
    await manager.update(Escalation, { id: escalation.id }, { noticeId: id });
    escalation.noticeId = id;
    return id;
  }

  private subjectOf(escalation: Escalation): { assignmentId?: number; rectificationId?: number } {
    const field = DRAFT_SUBJECT[escalation.subjectKind];
    if (!field) throw new Error(`督办通知无法为此类事项起草（subject kind: ${escalation.subjectKind}）`);
    return { [field]: escalation.subjectId };
  }

  /** Issues the notice if every field it prints is there (true); false when it still needs the office's hand. */
  private async issueIfComplete(work: Work, noticeId: number, issuedBy: number | null): Promise<boolean> {
    const notice = await work.manager.findOneByOrFail(Notice, { id: noticeId });
    if (notice.status !== 'draft') return true;
    try {
      await this.notices.prepareIssue(notice);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'DRAFT_INCOMPLETE') return false;
      throw error;
    }
    await this.notices.issueIn(work, noticeId, issuedBy);
    return true;
  }

  /** A dismissed or withdrawn rung's draft goes with it. */
  private async discard(manager: EntityManager, escalation: Escalation): Promise<void> {
    if (!escalation.noticeId) return;
    const shared = await manager.countBy(Escalation, { noticeId: escalation.noticeId, status: 'pending' });
    await manager.update(Escalation, { id: escalation.id }, { noticeId: null });
    if (shared > 1) return;
    if (!(await manager.existsBy(Notice, { id: escalation.noticeId, status: 'draft' }))) return;
    await manager.delete(NoticeRecipient, { noticeId: escalation.noticeId });
    await manager.delete(Notice, { id: escalation.noticeId });
  }
}
