import type { NoticeContent, NoticeFrame, OverdueItem } from '../../src/notices/notice-templates';

/** Notices as the demo city would issue them, for rendering tests and the benchmark. */
export const FRAME: NoticeFrame = {
  issuer: '云澜市打击治理电信网络诈骗联席会议办公室',
  number: '云反诈办督〔2026〕12号',
  title: '关于督促办理涉诈高风险电话卡二次实人核验工作的通知书',
  addressee: '中国电信股份有限公司云澜分公司',
  date: '2026年3月9日',
  copyTo: ['李明远副市长', '市公安局'],
  printedBy: '云澜市打击治理电信网络诈骗联席会议办公室',
  printedOn: '2026年3月9日',
  format: 'standard',
  seal: null,
};

export const SUPERVISION: NoticeContent['supervision_notice'] = {
  subject: 'task',
  role: '牵头承办',
  directiveTitle: '涉诈高风险电话卡二次实人核验',
  directiveCode: 'DB-2026-0002',
  requirement: '对涉诈高风险电话卡开展二次实人核验，无法核验的一律停机。',
  deadline: '2026年2月27日',
  asOf: '2026年3月9日',
  overdueDays: 6,
  progress: '65%',
  replyBy: '2026年3月13日',
  contact: '周静，0871-12345678',
};

const UNITS = ['市公安局', '人行云澜分行', '中国电信股份有限公司云澜分公司', '云澜移动', '云澜联通', '东湖街道', '西山镇', '高新区管委会'];

export function laggingItems(count: number): OverdueItem[] {
  return Array.from({ length: count }, (_, i) => ({
    unitName: UNITS[i % UNITS.length],
    directiveCode: `DB-2026-${String(i + 1).padStart(4, '0')}`,
    directiveTitle: `重点行业涉诈风险排查整治第${i + 1}项`,
    deadline: '2026年2月27日',
    overdueDays: 3 + (i % 9),
    // Tasks report a percentage, rectification items a state.
    progress: i % 5 === 4 ? '待报整改方案' : `${(i * 7) % 100}%`,
  }));
}

export const CIRCULAR = (items: number): NoticeContent['circular'] => ({
  summary: '为压实工作责任，推动联席会议部署落地见效，现将2026年2月督办事项办理情况通报如下。',
  asOf: '2026年3月9日',
  lagging: laggingItems(items),
  requirements: ['被通报单位要认真分析原因，于5个工作日内报送整改措施。', '各成员单位要举一反三，对照督办事项逐项自查。'],
});

export const INTERVIEW: NoticeContent['interview_letter'] = {
  reason: '你单位承办的涉诈资金查控事项连续两个月逾期未办结。',
  time: '2026年3月16日上午9时',
  place: '市政府第三会议室',
  summoned: '主要负责人',
  attendees: '你单位主要负责人、分管负责人及具体经办人员',
  bring: ['督办事项办理情况书面报告', '整改措施及时间表'],
  contact: '周静，0871-12345678',
};
