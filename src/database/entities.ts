import { Assignment, AssignmentEvent } from '../assignments/assignment.entity';
import { ExtensionRequest } from '../assignments/extension-request.entity';
import { ProgressReport } from '../assignments/progress-report.entity';
import { Attachment } from '../attachments/attachment.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { CalendarDay, CalendarYear } from '../calendar/calendar-day.entity';
import { Directive, DirectiveCounter } from '../directives/directive.entity';
import { SourceDocument } from '../documents/source-document.entity';
import { Delivery, Notification } from '../notifications/notification.entity';
import { Inspection, InspectionUnit } from '../inspections/inspection.entity';
import { Listing, ListingEvent, ListingRule } from '../listings/listing.entity';
import { RectificationEvent, RectificationItem } from '../rectifications/rectification.entity';
import { Notice, NoticeCounter, NoticeIssuer, NoticeRecipient, NoticeSeal } from '../notices/notice.entity';
import { Escalation, EscalationPolicy } from '../reminders/escalation.entity';
import { ScheduledAction } from '../reminders/scheduled-action.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { FormSubmission } from '../web/form-submission.entity';

/** Every entity of the product; the schema-drift test compares these with the migrated schema. */
export const ENTITIES = [
  Unit,
  User,
  AuditEntry,
  CalendarDay,
  CalendarYear,
  SourceDocument,
  Directive,
  DirectiveCounter,
  Assignment,
  AssignmentEvent,
  ProgressReport,
  ExtensionRequest,
  Attachment,
  EscalationPolicy,
  ScheduledAction,
  Escalation,
  Notification,
  Delivery,
  Notice,
  NoticeRecipient,
  NoticeCounter,
  NoticeIssuer,
  NoticeSeal,
  Inspection,
  InspectionUnit,
  RectificationItem,
  RectificationEvent,
  Listing,
  ListingEvent,
  ListingRule,
  FormSubmission,
];
