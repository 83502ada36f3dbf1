import { RECTIFICATION_NOTICE } from '../notices/kinds/rectification-notice';
import { SUPERVISION_NOTICE } from '../notices/kinds/supervision-notice';
import { contentFields, contentFromForm } from './notice-form';

describe('notice content forms', () => {
  it('shows lists one item per line and problems as 地点｜问题｜规定', () => {
    const fields = contentFields(RECTIFICATION_NOTICE, { intro: '导语', problems: [{ where: '幸福社区', what: '宣传栏未更新', rule: '规范第五条' }], requirements: ['更新宣传栏', '培训'], deadline: '', reportBy: '', recheckOn: '', contact: '周静' });
    expect(fields.find((f) => f.name === 'problems')).toMatchObject({ value: '幸福社区｜宣传栏未更新｜规范第五条', multiline: true });
    expect(fields.find((f) => f.name === 'requirements')?.value).toBe('更新宣传栏\n培训');
  });

  it('reads the form back with each field’s type, leaving the system-built table alone', () => {
    const current = { summary: '旧', asOf: '2026年3月9日', lagging: [{ unitName: '公安局' }], requirements: ['一'], overdueDays: 3 };
    const content = contentFromForm(current, { 'content.summary': ' 新导语 ', 'content.requirements': '第一条\n\n第二条\n', 'content.lagging': '0 项', 'content.overdueDays': '5' });
    expect(content).toEqual({ summary: '新导语', asOf: '2026年3月9日', lagging: [{ unitName: '公安局' }], requirements: ['第一条', '第二条'], overdueDays: 5 });
    expect(contentFromForm({ problems: [{ where: 'a', what: 'b', rule: '' }] }, { 'content.problems': '甲地｜乙问题\n丙|丁|戊' })).toEqual({ problems: [{ where: '甲地', what: '乙问题', rule: '' }, { where: '丙', what: '丁', rule: '戊' }] });
  });

  it('offers the unit’s part in the task for editing, but not what the notice is about', () => {
    const content = { subject: 'rectification', role: '整改', directiveTitle: '东湖营业厅：宣传栏未更新', directiveCode: '整改-1', requirement: '更新', deadline: '2026年3月11日', asOf: '2026年3月9日', overdueDays: 0, progress: '整改中', replyBy: '2026年3月12日', contact: '' };
    const names = contentFields(SUPERVISION_NOTICE, content).map((f) => f.name);
    expect(names).toContain('role');
    expect(names).not.toContain('subject');
    expect(contentFromForm(content, { 'content.role': '整改' }).subject).toBe('rectification');
  });
});
