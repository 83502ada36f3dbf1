import type { Actor } from '../access/actor';
import { ROLE_LABELS } from '../access/actor';
import { Permission, scopeOf } from '../access/permissions';

interface NavEntry {
  href: string;
  label: string;
  permission: Permission;
}

/** The navigation, each entry shown to roles that hold its permission over all units. */
const NAV: NavEntry[] = [
  { href: '/board', label: '挂图作战', permission: Permission.DashboardRead },
  { href: '/tasks', label: '我的任务', permission: Permission.AssignmentsWork },
  { href: '/review', label: '待审核', permission: Permission.AssignmentsReview },
  { href: '/escalations', label: '督办审批', permission: Permission.EscalationsRead },
  { href: '/notices', label: '公文通知', permission: Permission.NoticesRead },
  { href: '/rectifications', label: '整改事项', permission: Permission.RectificationsRead },
  { href: '/inspections', label: '督导检查', permission: Permission.InspectionsRead },
  { href: '/listings', label: '挂牌整治', permission: Permission.ListingsRead },
  { href: '/assessment', label: '考核排名', permission: Permission.AssessmentRead },
  { href: '/directives', label: '督办事项', permission: Permission.DirectivesRead },
  { href: '/documents', label: '来源文件', permission: Permission.DocumentsRead },
  { href: '/schedule', label: '催办计划', permission: Permission.ScheduleRead },
  { href: '/units', label: '单位管理', permission: Permission.UnitsManage },
  { href: '/calendar', label: '工作日历', permission: Permission.CalendarManage },
  { href: '/units', label: '成员单位', permission: Permission.UnitsRead },
  { href: '/users', label: '用户管理', permission: Permission.UsersManage },
  { href: '/audit', label: '审计日志', permission: Permission.AuditRead },
];

/** Sections shown to whoever holds the permission, whatever its scope: they list the actor's own things. */
const OWN_SECTIONS = [Permission.AssignmentsWork, Permission.NoticesRead, Permission.RectificationsRead, Permission.AssessmentRead];

export interface NavItem {
  href: string;
  label: string;
  active: boolean;
}

export function navigationFor(actor: Actor, path: string): NavItem[] {
  const seen = new Set<string>();
  const items: NavItem[] = [{ href: '/', label: '首页', active: path === '/' }];
  for (const entry of NAV) {
    const scope = scopeOf(actor.role, entry.permission);
    // Management sections need reach over all units; a unit contact's own work and notices are theirs by nature.
    if (seen.has(entry.href) || !scope || (scope !== 'all' && !OWN_SECTIONS.includes(entry.permission))) continue;
    seen.add(entry.href);
    items.push({ href: entry.href, label: entry.label, active: path === entry.href || path.startsWith(`${entry.href}/`) });
  }
  return items;
}

export function roleLabel(actor: Actor): string {
  return ROLE_LABELS[actor.role];
}
