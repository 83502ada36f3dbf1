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

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * The report day of a month's (or a quarter's) end: a day past a month's length falls on its last day, so 31
 * is the end of every month ("每月月底前", "每季度末").
 */
export const MONTH_END_DAY = 31;

/** When standing work reports, as an office writes it: "每周星期五前报送", "每月10日前报送", "每季度末月5日前报送", "每月月底前报送". */
export function reportDueText(cycle: ReportCycle, day: number): string {
  if (cycle === 'weekly') return `每周星期${WEEKDAYS[day - 1] ?? day}前报送`;
  if (day === MONTH_END_DAY) return cycle === 'monthly' ? '每月月底前报送' : '每季度末前报送';
  return `${cycle === 'monthly' ? '每月' : '每季度末月'}${day}日前报送`;
}
