import type { Role } from './actor';

/** What a route does, in terms of the organisation's work. Every non-public route declares one. */
export enum Permission {
  /** The home page and overview figures. */
  DashboardRead = 'dashboard:read',
  UnitsRead = 'units:read',
  UnitsManage = 'units:manage',
  UsersRead = 'users:read',
  UsersManage = 'users:manage',
  AuditRead = 'audit:read',
  /** Acting on one's own account: profile, own password. */
  OwnAccount = 'account:own',
  CalendarRead = 'calendar:read',
  CalendarManage = 'calendar:manage',
  DocumentsRead = 'documents:read',
  DocumentsManage = 'documents:manage',
  DirectivesRead = 'directives:read',
  DirectivesManage = 'directives:manage',
  /** Breaking a document's text into proposed directives (任务分解), and creating the accepted ones. */
  ExtractionRun = 'extraction:run',
  /** Reading assignments, their reports, extensions and attachments. */
  AssignmentsRead = 'assignments:read',
  /** The unit's side: acknowledge, report, request completion or an extension. */
  AssignmentsWork = 'assignments:work',
  /** The office's side: accept or return reports, close, cancel, decide extensions. */
  AssignmentsReview = 'assignments:review',
  /** Downloading an attachment; what it belongs to decides whether this person may see it. */
  AttachmentsRead = 'attachments:read',
  /** The schedule of reminders and rungs: all of it, or a unit's own tasks'. */
  ScheduleRead = 'schedule:read',
  /** The escalation policy and the rungs reached. */
  EscalationsRead = 'escalations:read',
  /** Approving or dismissing prepared rungs, editing the policy. */
  EscalationsManage = 'escalations:manage',
  /** The outgoing deliveries and their dead-letter list. */
  DeliveriesManage = 'deliveries:manage',
  /** Official notices: all of them, or those addressed or copied to the actor (their unit, or them). */
  NoticesRead = 'notices:read',
  /** Drafting, issuing and voiding notices. */
  NoticesManage = 'notices:manage',
  /** Acknowledging (签收) a notice one receives. */
  NoticesAcknowledge = 'notices:acknowledge',
  /** Inspections: all of them, or those where the actor's unit was inspected. */
  InspectionsRead = 'inspections:read',
  /** Recording inspections and their findings, issuing the items. */
  InspectionsManage = 'inspections:manage',
  /** Rectification items, their history and evidence: all, or the unit's own. */
  RectificationsRead = 'rectifications:read',
  /** The unit's side: plans and reports with evidence. */
  RectificationsWork = 'rectifications:work',
  /** The office's side: review plans, sign off or return reports, reopen, cancel. */
  RectificationsReview = 'rectifications:review',
  /** Listings (挂牌整治) and the current cards: all, or the unit's own. */
  ListingsRead = 'listings:read',
  /** Listing, approving or dismissing proposals, lowering, delisting, the listing rules. */
  ListingsManage = 'listings:manage',
  /** 考核排名: published rankings (totals of every unit), and the scored lines and objections: all, or the unit's own. */
  AssessmentRead = 'assessment:read',
  /** The office's side: rules, preview, publish, circulate, decide objections. */
  AssessmentManage = 'assessment:manage',
  /** The unit's side: object (申诉) to one of its own lines. */
  AssessmentObject = 'assessment:object',
  /** Downloading the 台账 as Excel: all of it, or the unit's own tasks, items and notices. */
  LedgerExport = 'ledger:export',
}

/**
 * How far a granted permission reaches: `all` objects, or only those belonging to the actor's
 * `own-unit`. Object-level checks read this scope, so a grant is the whole rule for a role.
 */
export type Scope = 'all' | 'own-unit';

/** The role → permission → scope table: the single place that says who may do what. */
export const GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  office: {
    [Permission.DashboardRead]: 'all',
    [Permission.UnitsRead]: 'all',
    [Permission.UnitsManage]: 'all',
    [Permission.UsersRead]: 'all',
    [Permission.UsersManage]: 'all',
    [Permission.AuditRead]: 'all',
    [Permission.OwnAccount]: 'all',
    [Permission.CalendarRead]: 'all',
    [Permission.CalendarManage]: 'all',
    [Permission.DocumentsRead]: 'all',
    [Permission.DocumentsManage]: 'all',
    [Permission.DirectivesRead]: 'all',
    [Permission.DirectivesManage]: 'all',
    [Permission.ExtractionRun]: 'all',
    [Permission.AssignmentsRead]: 'all',
    [Permission.AssignmentsReview]: 'all',
    [Permission.AttachmentsRead]: 'all',
    [Permission.ScheduleRead]: 'all',
    [Permission.EscalationsRead]: 'all',
    [Permission.EscalationsManage]: 'all',
    [Permission.DeliveriesManage]: 'all',
    [Permission.NoticesRead]: 'all',
    [Permission.NoticesManage]: 'all',
    [Permission.InspectionsRead]: 'all',
    [Permission.InspectionsManage]: 'all',
    [Permission.RectificationsRead]: 'all',
    [Permission.RectificationsReview]: 'all',
    [Permission.ListingsRead]: 'all',
    [Permission.ListingsManage]: 'all',
    [Permission.AssessmentRead]: 'all',
    [Permission.AssessmentManage]: 'all',
    [Permission.LedgerExport]: 'all',
  },
  // Leaders read everything and change nothing.
  leader: {
    [Permission.DashboardRead]: 'all',
    [Permission.UnitsRead]: 'all',
    [Permission.UsersRead]: 'all',
    [Permission.OwnAccount]: 'all',
    [Permission.CalendarRead]: 'all',
    [Permission.DocumentsRead]: 'all',
    [Permission.DirectivesRead]: 'all',
    [Permission.AssignmentsRead]: 'all',
    [Permission.AttachmentsRead]: 'all',
    [Permission.ScheduleRead]: 'all',
    [Permission.EscalationsRead]: 'all',
    [Permission.NoticesRead]: 'own-unit',
    [Permission.NoticesAcknowledge]: 'own-unit',
    [Permission.InspectionsRead]: 'all',
    [Permission.RectificationsRead]: 'all',
    [Permission.ListingsRead]: 'all',
    [Permission.AssessmentRead]: 'all',
    [Permission.LedgerExport]: 'all',
  },
  unit: {
    [Permission.DashboardRead]: 'own-unit',
    [Permission.UnitsRead]: 'own-unit',
    [Permission.UsersRead]: 'own-unit',
    [Permission.OwnAccount]: 'all',
    [Permission.CalendarRead]: 'all',
    [Permission.DirectivesRead]: 'own-unit',
    [Permission.AssignmentsRead]: 'own-unit',
    [Permission.AssignmentsWork]: 'own-unit',
    [Permission.AttachmentsRead]: 'own-unit',
    [Permission.ScheduleRead]: 'own-unit',
    [Permission.NoticesRead]: 'own-unit',
    [Permission.NoticesAcknowledge]: 'own-unit',
    [Permission.InspectionsRead]: 'own-unit',
    [Permission.RectificationsRead]: 'own-unit',
    [Permission.RectificationsWork]: 'own-unit',
    [Permission.ListingsRead]: 'own-unit',
    [Permission.AssessmentRead]: 'own-unit',
    [Permission.AssessmentObject]: 'own-unit',
    [Permission.LedgerExport]: 'own-unit',
  },
};

export function scopeOf(role: Role, permission: Permission): Scope | null {
  return GRANTS[role][permission] ?? null;
}
