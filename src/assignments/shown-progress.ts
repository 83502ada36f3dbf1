import type { ReportStatus } from './progress-report.entity';

/** A report's figures, as far as the task's shown progress is concerned. */
export interface ReportFigures {
  id: number;
  status: ReportStatus;
  percentDone: number;
  metricValue: number | null;
}

/**
 * The progress a task shows: the percentage of the latest report the office has not returned, and the
 * metric value of the latest such report that gave one (a report may leave the metric out and keep the
 * last value). With no such report, nothing is reported yet.
 */
export function shownProgress(reports: ReportFigures[]): { percentDone: number; metricValue: number | null } {
  const standing = reports.filter((r) => r.status !== 'returned').sort((a, b) => b.id - a.id);
  return { percentDone: standing[0]?.percentDone ?? 0, metricValue: standing.find((r) => r.metricValue !== null)?.metricValue ?? null };
}
