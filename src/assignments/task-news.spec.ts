import { TaskRef, taskNews, TaskStep } from './task-news';

const task: TaskRef = { id: 7, code: 'DB-2026-003', title: '国家反诈中心APP安装率达标', unitName: '东湖街道', metricName: 'APP安装率', metricUnit: '%' };

/** Each step: who hears of it, the title's tag, what the body must say, and its source key. */
const CASES: [TaskStep, 'unit' | 'office', string, string[], string][] = [
  [{ kind: 'issued', lead: true, deadline: '2026-03-16', reportCycle: null }, 'unit', '【新任务】', ['牵头单位', '办理时限为 2026-03-16', '请先签收'], 'task:7:issued'],
  [{ kind: 'issued', lead: false, deadline: null, reportCycle: 'monthly' }, 'unit', '【新任务】', ['配合单位', '长期坚持，每月报送进展'], 'task:7:issued'],
  [{ kind: 'report_submitted', reportId: 12, percentDone: 40, metricValue: 35.5, narrative: '已完成\n三个社区的宣传' }, 'office', '【待审核】东湖街道：', ['东湖街道报送了', '完成 40%，APP安装率 35.5%', '报送内容：已完成 三个社区的宣传', '采纳', '退回'], 'report:12:submitted'],
  [{ kind: 'report_accepted', reportId: 12, percentDone: 40, note: null }, 'unit', '【进展已采纳】', ['完成 40%', '已被协调办采纳。', '按时报送后续进展'], 'report:12:reviewed'],
  [{ kind: 'report_returned', reportId: 12, percentDone: 40, note: '缺少佐证照片' }, 'unit', '【进展被退回】', ['理由：缺少佐证照片', '重新报送'], 'report:12:reviewed'],
  [{ kind: 'extension_requested', extensionId: 3, currentDeadline: '2026-03-16', requestedDeadline: '2026-03-31', reason: '汛期人手不足' }, 'office', '【延期申请】东湖街道：', ['由 2026-03-16 延至 2026-03-31', '理由：汛期人手不足', '同意'], 'extension:3:requested'],
  [{ kind: 'extension_granted', extensionId: 3, from: '2026-03-16', to: '2026-03-31', note: null }, 'unit', '【延期已同意】', ['由 2026-03-16 延至 2026-03-31', '新的期限前办结'], 'extension:3:decided'],
  [{ kind: 'extension_refused', extensionId: 3, requestedDeadline: '2026-03-31', deadline: '2026-03-16', note: '时限不能再延' }, 'unit', '【延期未同意】', ['理由：时限不能再延', '仍为 2026-03-16'], 'extension:3:decided'],
  [{ kind: 'completion_requested', reportId: 13, metricValue: null, narrative: '全部完成' }, 'office', '【申请办结】东湖街道：', ['申请办结', '完成 100%。', '销号', '退回'], 'report:13:submitted'],
  [{ kind: 'closed' }, 'unit', '【已销号】', ['办结申请已通过', '无需再报送'], 'task:7:closed'],
  [{ kind: 'completion_returned', version: 5, reason: '安装率未达标' }, 'unit', '【办结申请被退回】', ['理由：安装率未达标', '重新申请办结'], 'task:7:v5:returned'],
  [{ kind: 'cancelled', reason: '事项已合并' }, 'unit', '【任务已撤销】', ['理由：事项已合并', '无需再办理'], 'task:7:cancelled'],
  [{ kind: 'deadline_changed', directiveVersion: 2, from: '2026-03-16', to: '2026-03-20' }, 'unit', '【期限调整】', ['由 2026-03-16 调整为 2026-03-20'], 'task:7:directive-v2'],
];

describe('what each side is told of a task step', () => {
  it.each(CASES)('%o', (step, to, tag, says, sourceKey) => {
    const news = taskNews(task, step);
    expect(news).toMatchObject({ to, sourceKey });
    expect(news.title.startsWith(tag)).toBe(true);
    expect(news.title).toContain('DB-2026-003 国家反诈中心APP安装率达标');
    for (const text of says) expect(news.body).toContain(text);
    expect(news.sourceKey.length).toBeLessThanOrEqual(60);
  });

  it('keeps titles within their column and long report texts short', () => {
    const long = taskNews({ ...task, title: '长'.repeat(200) }, { kind: 'report_submitted', reportId: 1, percentDone: 5, metricValue: null, narrative: '很'.repeat(3000) });
    expect(long.title).toHaveLength(200);
    expect(long.title.endsWith('…')).toBe(true);
    expect(long.body.length).toBeLessThan(400);
  });

  it('leaves the metric out where the directive has none', () => {
    const news = taskNews({ ...task, metricName: null, metricUnit: null }, { kind: 'report_submitted', reportId: 1, percentDone: 5, metricValue: null, narrative: '进行中' });
    expect(news.body).toContain('完成 5%。');
  });

  it.each([
    ['a return reason', { kind: 'report_returned', reportId: 1, percentDone: 5, note: '请勿重复报送。' }, '理由：请勿重复报送。任务'],
    ['a refusal ending in “！”', { kind: 'extension_refused', extensionId: 1, requestedDeadline: '2026-12-31', deadline: '2026-11-30', note: '不同意！' }, '理由：不同意。办理时限'],
    ['a report ending in “.”', { kind: 'report_submitted', reportId: 1, percentDone: 5, metricValue: null, narrative: 'Done. ' }, '报送内容：Done。请审核'],
  ] as const)('drops the closing punctuation of %s inside its sentence', (_what, step, says) => {
    const news = taskNews(task, step as TaskStep);
    expect(news.body).toContain(says);
    expect(news.body).not.toMatch(/[。.！!][。.]/);
  });
});
