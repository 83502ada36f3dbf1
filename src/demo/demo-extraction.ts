import type { EntityManager } from 'typeorm';
import { SourceDocument } from '../documents/source-document.entity';
import { UnitAlias } from '../units/unit-alias.entity';
import { addDays } from './demo-directives';

/** How documents write some demo units besides their names: remembered as aliases. */
const DEMO_ALIASES: Array<[unitKey: string, alias: string]> = [
  ['bank', '人民银行'],
  ['post', '邮政管理部门'],
];

/** "N月底前" when that month-end falls in the meeting's year, else the full date: either way ahead of today. */
function monthEndBefore(meetingDate: string, days: number): string {
  const target = addDays(meetingDate, days);
  const [year, month] = target.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return year === Number(meetingDate.slice(0, 4)) ? `${month}月底前` : `${year}年${month}月${last}日前`;
}

/** The day `days` after the meeting, written as a document writes a deadline date. */
function dateBefore(meetingDate: string, days: number): string {
  const [year, month, day] = addDays(meetingDate, days).split('-').map(Number);
  return `${year}年${month}月${day}日前`;
}

/** The latest meeting: its minutes are registered but not yet broken into directives (分解任务). */
const minutesBody = (meetingDate: string) => `时间：${meetingDate}
地点：市政府第三会议室
主持：李明远（副市长、联席会议召集人）

会议听取了市反诈办关于前一阶段工作的汇报，研究部署下一阶段重点工作。会议要求：
一、开展“反诈进万家”集中宣传，${monthEndBefore(meetingDate, 45)}覆盖全市所有社区（村）（市公安局牵头，东湖街道、西山镇、南溪镇、北塘街道配合）。
二、组织重点行业从业人员反诈培训，${monthEndBefore(meetingDate, 75)}完成全市银行网点和营业厅一线员工轮训（人民银行牵头，云澜电信、云澜移动、云澜联通配合）。
三、建立涉诈寄递渠道协查机制，${dateBefore(meetingDate, 40)}出台协查工作细则（邮政管理部门牵头，市公安局、各快递企业配合）。
四、清理整治涉诈互联网账号，${monthEndBefore(meetingDate, 60)}完成对辖区重点网站平台的排查（市委网信办牵头，市公安局配合）。
五、各成员单位要进一步提高政治站位，切实扛起打击治理电信网络诈骗的政治责任。`;

/** The units' aliases and the latest meeting's minutes, for the office to break into directives. */
export async function seedDemoExtraction(manager: EntityManager, today: string, unitIds: Map<string, number>, officeUserId: number): Promise<void> {
  await manager.insert(UnitAlias, DEMO_ALIASES.map(([key, alias]) => ({ unitId: unitIds.get(key)!, alias })));
  const meetingDate = addDays(today, -2);
  await manager.save(
    manager.create(SourceDocument, {
      kind: 'minutes',
      title: '云澜市打击治理电信网络诈骗联席会议第五次全体会议纪要',
      docNumber: `云反诈联〔${today.slice(0, 4)}〕6号`,
      issuer: '云澜市打击治理电信网络诈骗联席会议',
      issuedOn: meetingDate,
      body: minutesBody(meetingDate),
      createdBy: officeUserId,
    }),
  );
}
