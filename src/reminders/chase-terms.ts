/**
 * The words the escalation engine shares with the work it chases. A priority chooses the ladder, and a
 * reporting cycle sets when standing work is due; features (directives, rectification items) use them.
 */
export const PRIORITIES = ['normal', 'important', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { normal: '一般', important: '重要', urgent: '紧急' };

export const REPORT_CYCLES = ['weekly', 'monthly', 'quarterly'] as const;
export type ReportCycle = (typeof REPORT_CYCLES)[number];
export const CYCLE_LABELS: Record<ReportCycle, string> = { weekly: '每周', monthly: '每月', quarterly: '每季度' };
