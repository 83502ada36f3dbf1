import { AuditEntryLike, describeActor, describeEntry, describeObject, namesWanted } from './audit-lines';
import type { NameBook } from './change-summary';

const names: NameBook = {
  user: new Map([['7', { name: '王警官（unit-police）' }]]),
  unit: new Map([['3', { name: '测试市公安局' }]]),
  assignment: new Map([['12', { name: '测试市公安局：涉诈电话卡二次实人核验' }]]),
  escalation: new Map([['5', { name: '督办通知书（测试市公安局）', href: '/tasks/12' }]]),
};

const entry = (fields: Partial<AuditEntryLike>): AuditEntryLike => ({
  id: 1,
  occurredAt: new Date('2026-03-02T02:00:00Z'),
  actorUserId: 7,
  actorUsername: 'unit-police',
  action: 'assignment.acknowledge',
  objectType: 'assignment',
  objectId: '12',
  changes: { status: ['issued', 'acknowledged'] },
  correlationId: 'req-1',
  ip: '127.0.0.1',
  ...fields,
});

describe('describeObject', () => {
  it.each<[string | null, string | null, ReturnType<typeof describeObject>]>([
    ['assignment', '12', { label: '任务', name: '测试市公安局：涉诈电话卡二次实人核验', href: '/tasks/12' }],
    ['user', '7', { label: '用户', name: '王警官（unit-police）', href: '/users/7/edit' }],
    ['unit', '3', { label: '单位', name: '测试市公安局', href: '/units/3/edit' }],
    // A record the lookup did not find still links to where it would be.
    ['directive', '40', { label: '督办事项', name: '编号 40', href: '/directives/40' }],
    ['notice', '2', { label: '公文通知', name: '编号 2', href: '/notices/2' }],
    ['rectification', '8', { label: '整改事项', name: '编号 8', href: '/rectifications/8' }],
    ['inspection', '4', { label: '督导检查', name: '编号 4', href: '/inspections/4' }],
    ['listing', '6', { label: '挂牌整治', name: '编号 6', href: '/listings/6' }],
    ['document', '9', { label: '来源文件', name: '编号 9', href: '/documents/9' }],
    // A rung links the task it chases.
    ['escalation', '5', { label: '督办审批', name: '督办通知书（测试市公安局）', href: '/tasks/12' }],
    ['escalation', '99', { label: '督办审批', name: '编号 99', href: null }],
    ['escalation_policy', 'urgent', { label: '督办规则', name: '紧急事项', href: '/policies' }],
    ['listing_rule', 'overdue_items', { label: '挂牌规则', name: '逾期事项达到 K 项', href: '/listings' }],
    ['notice_issuer', 'circular', { label: '发文机关代字', name: '通报', href: null }],
    ['calendar_day', '2026-10-09', { label: '工作日历', name: '2026-10-09', href: '/calendar' }],
    ['calendar_year', '2027', { label: '工作日历', name: '2027年', href: '/calendar' }],
    ['delivery', '3', { label: '外发投递', name: '编号 3', href: '/deliveries' }],
    ['route', 'GET /audit', { label: '功能', name: 'GET /audit', href: null }],
    ['attachment', '11', { label: '附件', name: '编号 11', href: null }],
    ['user', null, null],
    [null, null, null],
  ])('%s %s', (objectType, objectId, expected) => {
    expect(describeObject(objectType, objectId, names)).toEqual(expected);
  });
});

describe('describeActor', () => {
  it.each<[number | null, string | null, ReturnType<typeof describeActor>]>([
    [7, 'unit-police', { name: '王警官（unit-police）', href: '/audit?actorUserId=7' }],
    [8, 'gone', { name: 'gone', href: '/audit?actorUserId=8' }],
    [null, 'system', { name: '系统', href: null }],
    [null, 'nobody', { name: 'nobody（无此账号）', href: null }],
    [null, null, { name: '系统', href: null }],
  ])('user %p named %p', (actorUserId, actorUsername, expected) => {
    expect(describeActor({ actorUserId, actorUsername }, names)).toEqual(expected);
  });
});

describe('describeEntry', () => {
  it('reads an entry in words: who, what, on what, what changed', () => {
    expect(describeEntry(entry({}), names)).toEqual({
      id: 1,
      occurredAt: new Date('2026-03-02T02:00:00Z'),
      actor: { name: '王警官（unit-police）', href: '/audit?actorUserId=7' },
      actionLabel: '签收任务',
      object: { label: '任务', name: '测试市公安局：涉诈电话卡二次实人核验', href: '/tasks/12' },
      summary: '状态：待签收 → 已签收',
      correlationId: 'req-1',
      ip: '127.0.0.1',
    });
  });
});

describe('namesWanted', () => {
  it('gathers the actors, the objects and the units their changes name, once each', () => {
    const wanted = namesWanted([
      entry({}),
      entry({ actorUserId: 9, action: 'user.update', objectType: 'user', objectId: '7', changes: { unitId: [3, 4] } }),
      entry({ actorUserId: null, actorUsername: 'system', action: 'system.seed_demo', objectType: null, objectId: null, changes: { units: [0, 15] } }),
      entry({ action: 'escalation_policy.update', objectType: 'escalation_policy', objectId: 'urgent', changes: null }),
    ]);
    expect(Object.fromEntries([...wanted].filter(([, ids]) => ids.size > 0).map(([kind, ids]) => [kind, [...ids].sort()]))).toEqual({
      user: ['7', '9'],
      assignment: ['12'],
      unit: ['3', '4'],
    });
  });
});
