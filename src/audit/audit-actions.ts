/**
 * Every action the audit trail records, with the Chinese name people read on the audit page. The
 * recorded code stays the API's word (programs filter on it); `AuditService.record` only accepts a code
 * of this table, so an action without a name does not compile.
 */
export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'access.denied': '越权访问被拒绝',
  'system.seed_demo': '生成演示数据',
  'system.create_admin': '创建初始管理员',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.password_reset': '重置用户密码',
  'user.password_change': '修改本人密码',
  'unit.create': '新增单位',
  'unit.update': '修改单位',
  'calendar.set_day': '设置放假或调休日',
  'calendar.remove_day': '删除放假或调休日',
  'calendar.cover_year': '确认年度日历已录入',
  'document.create': '登记来源文件',
  'directive.create': '下达督办事项',
  'directive.update': '修改督办事项',
  'assignment.create': '交办任务',
  'assignment.acknowledge': '签收任务',
  'assignment.report': '报送进展',
  'assignment.request_completion': '申请办结',
  'assignment.request_extension': '申请延期',
  'assignment.close': '任务销号',
  'assignment.return_completion': '退回办结申请',
  'assignment.cancel': '撤销任务',
  'assignment.report_accepted': '采纳进展报告',
  'assignment.report_returned': '退回进展报告',
  'assignment.extension_granted': '同意延期',
  'assignment.extension_refused': '不同意延期',
  'escalation.approve': '同意发出督办',
  'escalation.dismiss': '不予发出督办',
  'escalation_policy.update': '修改督办规则',
  'delivery.retry': '重新投递',
  'notice.create': '起草公文',
  'notice.update': '修改公文草稿',
  'notice.issue': '印发公文',
  'notice.acknowledge': '签收公文',
  'notice.void': '作废公文',
  'notice.chase': '催促签收公文',
  'notice_issuer.set': '设置发文机关代字',
  'notice_seal.upload': '上传公文印章',
  'notice_seal.remove': '移除公文印章',
  'inspection.create': '登记督导检查',
  'inspection.attach': '上传检查照片、记录',
  'rectification.create': '录入整改问题',
  'rectification.update': '修改整改事项',
  'rectification.issue': '下发整改事项',
  'rectification.submit_plan': '报送整改方案',
  'rectification.accept_plan': '通过整改方案',
  'rectification.return_plan': '退回整改方案',
  'rectification.submit_report': '报送整改报告',
  'rectification.sign_off': '整改验收销号',
  'rectification.return_report': '退回整改报告',
  'rectification.reopen': '回头看后重新整改',
  'rectification.cancel': '撤销整改事项',
  'listing.propose': '提请挂牌',
  'listing.approve': '批准挂牌',
  'listing.dismiss': '不予挂牌',
  'listing.list': '挂牌整治',
  'listing.lower': '红牌降为黄牌',
  'listing.supersede': '升为红牌',
  'listing.delist': '摘牌',
  'listing_rule.update': '修改挂牌规则',
  'assessment.update_rules': '修改考核规则',
  'assessment.create_period': '新建考核期',
  'assessment.publish': '发布考核排名',
  'assessment.circular': '通报考核排名',
  'assessment.object': '提出考核申诉',
  'assessment.accept_objection': '采纳考核申诉',
  'assessment.reject_objection': '驳回考核申诉',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
type AuditActionGroup = AuditAction extends `${infer Group}.${string}` ? Group : never;

/** The groups of the filter, by the code's prefix (`auth.` matches every sign-in entry). */
const AUDIT_ACTION_GROUPS: Record<AuditActionGroup, string> = {
  auth: '登录',
  access: '越权访问',
  system: '系统',
  user: '用户',
  unit: '单位',
  calendar: '工作日历',
  document: '来源文件',
  directive: '督办事项',
  assignment: '任务',
  escalation: '督办审批',
  escalation_policy: '督办规则',
  delivery: '外发投递',
  notice: '公文通知',
  notice_issuer: '发文机关',
  notice_seal: '公文印章',
  inspection: '督导检查',
  rectification: '整改事项',
  listing: '挂牌整治',
  listing_rule: '挂牌规则',
  assessment: '考核排名',
};

/** The Chinese name of a recorded action; an entry written before a code was renamed keeps its code. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export interface AuditActionOption {
  value: string;
  label: string;
}

/** The filter's choices: per group, the whole group (by prefix) and then each of its actions. */
export function auditActionOptions(): { label: string; options: AuditActionOption[] }[] {
  const groups = new Map<AuditActionGroup, AuditActionOption[]>();
  for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
    const prefix = action.slice(0, action.indexOf('.')) as AuditActionGroup;
    if (!groups.has(prefix)) groups.set(prefix, [{ value: `${prefix}.`, label: `全部${AUDIT_ACTION_GROUPS[prefix]}操作` }]);
    groups.get(prefix)!.push({ value: action, label });
  }
  return [...groups].map(([prefix, options]) => ({ label: AUDIT_ACTION_GROUPS[prefix], options }));
}
