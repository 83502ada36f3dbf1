import type { EntityManager } from 'typeorm';
import type { IsoDate, WorkingCalendar } from '../calendar/working-calendar';
import type { Notice, NoticeRecipient } from './notice.entity';
import type { OverdueItem } from './notice-templates';

export type Recipient = Pick<NoticeRecipient, 'unitId' | 'userId' | 'role' | 'name'>;

/** A notice composed from the records, before it is saved as a draft. */
export interface NoticeDraft {
  notice: Partial<Notice>;
  recipients: Recipient[];
}

/**
 * What a notice is drafted from: a feature's record (`assignment` 12, `rectification` 7, `inspection` 3
 * with one of its units), or no single record: `overdue_list`, the overdue work of every unit.
 */
export interface NoticeSubject {
  type: string;
  id: number | null;
  unitId: number | null;
}

/** The subject of a notice drafted from the overdue work of every unit (the circular). */
export const OVERDUE_LIST = 'overdue_list';

/** What a drafter is given besides its subject, the same for every kind. */
export interface DraftContext {
  /** The author's name, printed as the contact. */
  contact: string;
  today: IsoDate;
  calendar: WorkingCalendar;
  /** The leaders, each copied on a drafted notice. */
  copies: Recipient[];
  /** Working days past a deadline; 0 when it is not past, or there is none. */
  daysLate(deadline: string | null): number;
  /** The overdue work the features list, of one unit or of all. */
  overdueItems(unitId?: number): Promise<OverdueItem[]>;
}

/**
 * Fills a notice of one kind from one kind of subject, in the caller's transaction. It refuses a record
 * it cannot use (none, or not in a state to be written about) with a VALIDATION_FAILED naming the field.
 */
export type NoticeDrafter = (manager: EntityManager, subject: NoticeSubject, context: DraftContext) => Promise<NoticeDraft>;

/** One feature's overdue work, as a circular lists it. */
export interface OverdueSource {
  /** Where its items come in the circular's table: lower first. */
  order: number;
  items(manager: EntityManager, query: { unitId?: number; daysLate: (deadline: string) => number; today: IsoDate }): Promise<OverdueItem[]>;
}

/**
 * A kind of notice (督办通知书, 通报, …): everything the notices engine needs to draft, check, number and
 * print it. Registered with `NoticeKinds`; what it is drafted from comes from the features' drafters.
 */
export interface NoticeKindDefinition<C extends object = object> {
  /** Stored in `notices.kind` (at most 24 characters) and used in the API. */
  kind: string;
  /** What people call it: 督办通知书. */
  label: string;
  /** The Handlebars template: a file name under templates/notices/, or an absolute path. */
  template: string;
  /** The fields the document prints, with their Chinese labels: all must be there before it is issued. */
  content: new () => C;
  /** The default issuer code is the office's short name and this (反诈办 + 督). */
  codeSuffix: string;
  /** What it can be drafted from (`NoticeSubject.type`); each needs a registered drafter. */
  subjects: readonly string[];
  /** Drafters the kind brings itself, for subjects no feature owns (the circular's overdue list). */
  drafters?: Readonly<Record<string, NoticeDrafter>>;
  /** Values the template needs beyond the content (column widths, a variant), worked out from it. */
  templateData?(content: C): Record<string, unknown>;
  /** What the recipients must also be told when it is voided (an interview that will not take place). */
  voidedNote?(content: C): string;
  /**
   * What the office must weigh before issuing a draft of this kind, said in the confirmation wherever it
   * is issued from (a circular of the same period already issued, objections still open).
   */
  issueCautions?(content: C): Promise<string[]>;
}
