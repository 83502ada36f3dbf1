import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error';
import { Notice, NoticeRecipient } from '../notices/notice.entity';
import type { NoticeKind } from '../notices/notice-templates';
import { NoticesService } from '../notices/notices.service';
import { Escalation } from './escalation.entity';
import { officeStaff } from './recipients';

/** The notice each formal rung issues; card rungs put a listing forward instead (see ListingsService). */
const NOTICE_OF_RUNG: Partial<Record<Escalation['rung'], NoticeKind>> = { supervision_notice: 'supervision_notice', circular: 'circular', interview: 'interview_letter' };

/** Drafts, issues or discards the notice that goes with a rung of the ladder. */
@Injectable()
export class RungNotices {
  constructor(private readonly notices: NoticesService) {}

  /**
   * Drafts the rung's notice in the caller's transaction and links it; circulars are office-wide, so a
   * circular draft still waiting is shared by every rung that asks for one. Returns the notice id.
   */
  async prepare(manager: EntityManager, escalation: Escalation): Promise<number | null> {
    const kind = NOTICE_OF_RUNG[escalation.rung];
    if (!kind) return null;
    const waiting = kind === 'circular' ? await manager.findOne(Notice, { where: { kind, status: 'draft', createdBy: 0 }, order: { id: 'DESC' } }) : null;
    // Drafted by the system; the contact named is the office's first account, which the office may change.
    const [contact] = await officeStaff(manager);
    const id = waiting?.id ?? (await this.notices.draft(manager, { userId: null, name: contact?.displayName ?? '' }, { kind, ...(kind === 'circular' ? {} : escalation.assignmentId !== null ? { assignmentId: escalation.assignmentId } : { rectificationId: escalation.rectificationId! }) }));
    await manager.update(Escalation, { id: escalation.id }, { noticeId: id });
    escalation.noticeId = id;
    return id;
  }

  /** Issues the notice if every field it prints is there (true); false when it still needs the office's hand. */
  async issueIfComplete(manager: EntityManager, noticeId: number, issuedBy: number | null): Promise<boolean> {
    const notice = await manager.findOneByOrFail(Notice, { id: noticeId });
    if (notice.status !== 'draft') return true;
    try {
      await this.notices.prepareIssue(notice);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'DRAFT_INCOMPLETE') return false;
      throw error;
    }
    await this.notices.issueIn(manager, noticeId, issuedBy);
    return true;
  }

  /** A dismissed rung's draft goes with it. */
  async discard(manager: EntityManager, escalation: Escalation): Promise<void> {
    if (!escalation.noticeId) return;
    const shared = await manager.countBy(Escalation, { noticeId: escalation.noticeId, status: 'pending' });
    await manager.update(Escalation, { id: escalation.id }, { noticeId: null });
    if (shared > 1) return;
    if (!(await manager.existsBy(Notice, { id: escalation.noticeId, status: 'draft' }))) return;
    await manager.delete(NoticeRecipient, { noticeId: escalation.noticeId });
    await manager.delete(Notice, { id: escalation.noticeId });
  }
}
