import type { Actor, Role } from '../access/actor';
import { navigationFor } from './navigation';

const actor = (role: Role): Actor => ({ userId: 1, username: 'x', displayName: 'X', role, unitId: 1 });
const labels = (role: Role) => navigationFor(actor(role), '/').map((item) => item.label);

describe('navigationFor', () => {
  it('gives the office unit and user management and the audit trail', () => {
    expect(labels('office')).toEqual(['首页', '挂图作战', '待审核', '督办审批', '公文通知', '整改事项', '督导检查', '挂牌整治', '考核排名', '督办事项', '来源文件', '催办计划', '单位管理', '工作日历', '用户管理', '审计日志']);
  });

  it('gives leaders a read-only unit list', () => {
    expect(labels('leader')).toEqual(['首页', '挂图作战', '督办审批', '公文通知', '整改事项', '督导检查', '挂牌整治', '考核排名', '督办事项', '来源文件', '催办计划', '成员单位']);
  });

  it('gives unit contacts no management at all', () => {
    expect(labels('unit')).toEqual(['首页', '我的任务', '公文通知', '整改事项', '考核排名']);
  });

  it('marks the current section active', () => {
    const items = navigationFor(actor('office'), '/users/3/edit');
    expect(items.find((i) => i.active)?.label).toBe('用户管理');
  });
});
