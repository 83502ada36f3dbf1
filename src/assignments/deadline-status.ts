import { CalendarNotCoveredError, IsoDate, WorkingCalendar } from '../calendar/working-calendar';
import { AssignmentStatus, isOpen } from './assignment-state';
import type { Assignment } from './assignment.entity';

export interface DeadlineStatus {
  /** Working days left (negative once overdue); null without a deadline or past the calendar's years. */
  workingDaysLeft: number | null;
  /** Derived every time from the deadline and the state, never stored. */
  overdue: boolean;
}

/** Open and past its deadline: derived every time, never stored. */
export function isOverdue(today: IsoDate, status: AssignmentStatus, deadline: IsoDate | null): boolean {
  return deadline !== null && isOpen(status) && deadline < today;
}

export function deadlineStatus(calendar: WorkingCalendar, today: IsoDate, status: AssignmentStatus, deadline: IsoDate | null): DeadlineStatus {
  const overdue = isOverdue(today, status, deadline);
  if (deadline === null || !isOpen(status)) return { workingDaysLeft: null, overdue };
  try {
    return { workingDaysLeft: calendar.workingDaysUntil(today, deadline), overdue };
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) return { workingDaysLeft: null, overdue };
    throw error;
  }
}

/** The columns `assignmentProgress` reads, for lists that select only what they show (join the unit as `unit`). */
export const PROGRESS_COLUMNS = [...['id', 'directiveId', 'unitId', 'role', 'status', 'deadline', 'targetValue', 'percentDone', 'metricValue', 'version'].map((column) => `a.${column}`), 'unit.id', 'unit.shortName'];

/** What every view of an assignment shows about its progress, deadline included. */
export function assignmentProgress(calendar: WorkingCalendar, today: IsoDate, a: Assignment) {
  return {
    id: a.id,
    unitId: a.unitId,
    unitName: a.unit?.shortName ?? '',
    role: a.role,
    status: a.status,
    deadline: a.deadline,
    ...deadlineStatus(calendar, today, a.status, a.deadline),
    targetValue: a.targetValue,
    percentDone: a.percentDone,
    metricValue: a.metricValue,
    version: a.version,
  };
}

// Calendar arithmetic, shared with the schedule's "next N working days".
export { dueLimit } from '../calendar/working-calendar';
