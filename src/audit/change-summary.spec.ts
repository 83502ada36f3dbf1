import { DEFAULT_LADDERS, ladderSettings } from '../reminders/escalation-ladder';
import type { FieldChanges } from './audit-entry.entity';
import { NameBook, plainValue, referencedIds, summarizeChanges } from './change-summary';

const names: NameBook = {
  unit: new Map([
    ['3', { name: '测试市公安局' }],
    ['4', { name: '测试市东湖街道' }],
  ]),
  document: new Map([['9', { name: '全市反诈工作推进会会议纪要' }]]),
};

describe('summarizeChanges', () => {
  it.each<[string, string | null, FieldChanges | null, string]>([
    ['a task step: status and percentage', 'assignment', { status: ['acknowledged', 'completion_requested'], report: [null, 12], percentDone: [60, 100] }, '状态：已签收 → 申请办结；完成比例：60% → 100%'],
    ['a report accepted (the report id stays hidden)', 'assignment', { report: [12, 'accepted'], note: [null, '同意'] }, '进展报告：已采纳；说明：同意'],
    ['an extension granted', 'assignment', { deadline: ['2026-03-16', '2026-03-31'], note: [null, '期限由 2026-03-16 延至 2026-03-31'] }, '办理时限：2026-03-16 → 2026-03-31；说明：期限由 2026-03-16 延至 2026-03-31'],
    ['an extension requested', 'assignment', { extension: [null, 5], note: [null, '申请延至 2026-04-30：需协调运营商'] }, '说明：申请延至 2026-04-30：需协调运营商'],
    ['an extension refused', 'assignment', { extension: [5, 'refused'] }, '延期申请：未同意'],
    ['a user updated', 'user', { displayName: ['unit-police', '王警官'], phone: [null, '13800000000'], active: [true, false] }, '姓名：unit-police → 王警官；手机：13800000000；状态：启用 → 停用'],
    ['a user created, with role and unit by name', 'user', { username: [null, 'wang'], role: [null, 'unit'], unitId: [null, 3] }, '用户名：wang；角色：成员单位联络员；所属单位：测试市公安局'],
    ['a failed sign-in', 'user', { reason: [null, 'wrong_password'] }, '原因：密码错误'],
    ['a unit moved under another', 'unit', { kind: ['department', 'township'], parentId: [3, 4] }, '类别：职能部门 → 镇街；上级单位：测试市公安局 → 测试市东湖街道'],
    ['a directive issued to units, from a document', 'directive', { code: [null, 'DB-2026-001'], units: [null, [3, 4]], priority: [null, 'urgent'], sourceDocumentId: [null, 9] }, '编号：DB-2026-001；承办单位：测试市公安局、测试市东湖街道；优先级：紧急；来源文件：全市反诈工作推进会会议纪要'],
    ['a unit the book does not know', 'directive', { units: [null, [77]] }, '承办单位：编号 77'],
    ['a notice issued', 'notice', { status: ['draft', 'issued'], number: [null, '反诈办督〔2026〕1号'] }, '状态：草稿 → 已印发；文号：反诈办督〔2026〕1号'],
    ['a notice draft edited', 'notice', { title: [null, '已修改'], copyTo: [null, '已修改'] }, '标题：已修改；抄送：已修改'],
    ['a notice voided', 'notice', { status: ['issued', 'voided'], reason: [null, '文号有误'] }, '状态：已印发 → 已作废；作废理由：文号有误'],
    ['a notice chased', 'notice', { recipients: [null, ['测试市公安局', '测试市东湖街道']] }, '催签对象：测试市公安局、测试市东湖街道'],
    ['a rectification step with a new deadline', 'rectification', { status: ['signed_off', 'reopened'], deadline: ['2026-03-16', '2026-03-09'] }, '状态：已销号 → 已重新整改；整改时限：2026-03-16 → 2026-03-09'],
    ['a listing', 'listing', { status: [null, 'active'], card: [null, 'yellow'], note: [null, '联席办主任办公会研究决定'] }, '状态：挂牌中；牌色：黄牌；说明：联席办主任办公会研究决定'],
    ['a listing rule', 'listing_rule', { enabled: [true, false], threshold: [3, 5], card: ['yellow', 'red'] }, '启用：是 → 否；阈值：3 → 5；挂牌牌色：黄牌 → 红牌'],
    ['a rung approved', 'escalation', { status: ['pending', 'issued'], note: [null, '同意'] }, '状态：待审批 → 已发出；审批意见：同意'],
    ['a delivery retried', 'delivery', { status: ['dead', 'pending'] }, '状态：发送失败 → 待发送'],
    ['a calendar day', 'calendar_day', { kind: [null, 'holiday'], note: [null, '台风停工'] }, '类型：放假；说明：台风停工'],
    ['a calendar day removed', 'calendar_day', { kind: ['workday', null] }, '类型：调休上班 → （空）'],
    ['a denied attempt', 'route', { permission: [null, 'audit:read'] }, '所需权限：查看审计日志'],
    ['an inspection', 'inspection', { type: [null, 'unannounced'], units: [null, [3]] }, '检查类型：明查暗访；被检查单位：测试市公安局'],
    ['a document', 'document', { kind: [null, 'minutes'], issuedOn: [null, '2026-02-03'] }, '类型：会议纪要；发文日期：2026-02-03'],
    ['the demo seeded', null, { units: [0, 15], users: [0, 7] }, '单位数：0 → 15；账号数：0 → 7'],
    ['a field no table names yet', 'unit', { mystery: [null, 'x'] }, 'mystery：x'],
    ['nothing recorded', 'user', null, ''],
  ])('%s', (_case, objectType, changes, expected) => {
    expect(summarizeChanges(objectType, changes, names)).toBe(expected);
  });

  it('reads an escalation ladder by the parts that changed', () => {
    const before = ladderSettings(DEFAULT_LADDERS.normal);
    const after = { ...before, reminderDays: [3, 1], rungs: { ...before.rungs, circular: { afterDays: 8, mode: 'auto' } }, reportOverdue: { afterDays: 1, mode: 'off' } };
    expect(summarizeChanges('escalation_policy', { ladder: [before, after] })).toBe('到期前提醒：5、3、1 个工作日 → 3、1 个工作日；通报：逾期 6 个工作日·须审批 → 逾期 8 个工作日·自动；逾期未报送：逾期 1 个工作日·自动 → 不启用');
    expect(summarizeChanges('escalation_policy', { ladder: [before, before] })).toBe('督办规则：已修改');
    expect(summarizeChanges('escalation_policy', { ladder: [before, 'garbled'] })).toBe('督办规则：已修改');
  });

  it('never shows JSON, whatever is stored', () => {
    const text = summarizeChanges('unit', { address: [{ street: '中山路' }, { street: '解放路' }], contactPerson: [null, '  何 老师 '] });
    expect(text).toBe('地址：（已修改） → （已修改）；联系人：何 老师');
    expect(text).not.toMatch(/[{}[\]"]/);
  });
});

describe('plainValue', () => {
  it.each<[unknown, string]>([
    [null, '（空）'],
    ['', '（空）'],
    [true, '是'],
    [0, '0'],
    [[], '（无）'],
    [['甲', 2], '甲、2'],
    ['很'.repeat(61), `${'很'.repeat(60)}…`],
    ['核验率达到100%。', '核验率达到100%'],
  ])('reads %p as %p', (value, expected) => {
    expect(plainValue(value)).toBe(expected);
  });
});

describe('referencedIds', () => {
  it('lists the units and documents the changes point to', () => {
    expect(referencedIds('directive', { units: [[3], [3, 4]], sourceDocumentId: [null, 9], title: [null, '甲'] })).toEqual([
      ['unit', '3'],
      ['unit', '3'],
      ['unit', '4'],
      ['document', '9'],
    ]);
    expect(referencedIds('user', { unitId: [3, null] })).toEqual([['unit', '3']]);
    // The demo's unit count is a count, not an id.
    expect(referencedIds(null, { units: [0, 15] })).toEqual([]);
    expect(referencedIds('unit', null)).toEqual([]);
  });
});
