import type { EntityManager } from 'typeorm';
import { Inspection, InspectionUnit } from '../inspections/inspection.entity';
import { Listing, ListingEvent } from '../listings/listing.entity';
import { SourceDocument } from '../documents/source-document.entity';
import type { RectificationAction, RectificationStatus } from '../rectifications/rectification-state';
import { RectificationEvent, RectificationItem } from '../rectifications/rectification.entity';
import { rectificationSortKey } from '../rectifications/rectification-order';
import { addDays } from './demo-directives';

interface DemoFinding {
  unit: string;
  location: string;
  problem: string;
  rule: string;
  requirements: string[];
  /** Days from the inspection to the deadline. */
  days: number;
  /** The steps taken so far, each with what was written. */
  steps: [RectificationAction, RectificationStatus, string | null][];
}

const FINDINGS: DemoFinding[] = [
  {
    unit: 'telecom',
    location: '云澜电信湖滨路营业厅',
    problem: '暗访人员以他人身份证办理电话卡，营业员未进行人证比对即予办理，一人名下已有5张卡时仍未提示。',
    rule: '《电话用户真实身份信息登记规定》和“一证多卡”风险核验要求',
    requirements: ['对该营业厅全体营业员开展实名制业务培训并考试', '对近三个月该厅办理的新入网号码开展倒查，形成倒查报告', '追究当班营业员和店长责任'],
    days: 17,
    steps: [
      ['submit_plan', 'plan_submitted', '一、立即停业整顿一天，组织全员培训；二、倒查近三个月新入网号码2,316个；三、对当班营业员停岗处理。'],
      ['accept_plan', 'plan_accepted', null],
    ],
  },
  {
    unit: 'telecom',
    location: '云澜电信物联网卡业务',
    problem: '抽查的20张物联网卡中有6张未限定用途和通信对象，可拨打普通手机号码。',
    rule: '物联网卡“定向、限制功能”管理要求',
    requirements: ['全面清查在用物联网卡功能设置', '对未限定功能的卡立即关停语音和短信功能'],
    days: 28,
    steps: [],
  },
  {
    unit: 'town2',
    location: '西山镇下湾村',
    problem: '村级反诈宣传栏内容为2024年版本，未更新新型诈骗手法。',
    rule: '全市反诈宣传“进村入户”工作方案',
    requirements: ['更新全镇各村宣传栏内容', '建立宣传栏季度更新台账'],
    days: 8,
    steps: [
      ['submit_plan', 'plan_submitted', '由镇综治办统一设计新版宣传内容，一周内完成12个村的更新。'],
      ['accept_plan', 'plan_accepted', null],
      ['submit_report', 'report_submitted', '12个村宣传栏已全部更新，建立季度更新台账，附更新后照片。'],
      ['sign_off', 'signed_off', '经现场复核，整改到位。'],
    ],
  },
  {
    unit: 'town2',
    location: '西山镇综治中心',
    problem: '预警劝阻回访台账缺失，上月下发的38条预警线索中11条无回访记录。',
    rule: '涉诈预警线索“接收—劝阻—回访”闭环要求',
    requirements: ['补齐上月预警线索回访记录', '明确专人负责预警回访并每日登记'],
    days: 15,
    steps: [],
  },
  {
    unit: 'bank',
    location: '辖内某农商行城西支行',
    problem: '柜面办理大额转账时未询问资金用途，未对老年客户进行风险提示。',
    rule: '《关于进一步加强支付结算管理防范电信网络新型违法犯罪有关事项的通知》',
    requirements: ['对辖内网点开展柜面风险提示专项检查', '完善大额转账“询问+提示”操作规程'],
    days: 22,
    steps: [
      ['submit_plan', 'plan_submitted', '组织辖内各法人机构开展柜面风险提示专项检查，修订操作规程。'],
      ['accept_plan', 'plan_accepted', null],
      ['submit_report', 'report_submitted', '已检查辖内网点86个，修订操作规程并下发执行。'],
    ],
  },
];

/**
 * The demo city's unannounced visit three weeks ago: items open, overdue, awaiting sign-off and signed
 * off, and the carrier with the overdue one listed with a yellow card. Returns the items to plan.
 */
export async function seedDemoInspection(manager: EntityManager, today: string, unitIds: Map<string, number>, officeUserId: number, unitUserIds: Map<string, number>): Promise<{ itemIds: number[]; issuedAt: Date }> {
  const visitedOn = addDays(today, -20);
  const issuedAt = new Date(`${addDays(visitedOn, 1)}T02:00:00Z`);
  const document = await manager.save(
    manager.create(SourceDocument, {
      kind: 'inspection',
      title: `${visitedOn.slice(0, 4)}年第四季度涉诈风险点明查暗访`,
      docNumber: null,
      issuer: '云澜市打击治理电信网络诈骗联席会议办公室',
      issuedOn: visitedOn,
      body: '联席办组成3个暗访组，对营业厅、银行网点、村（社区）开展明查暗访，共发现问题5个，涉及3个单位。',
      createdBy: officeUserId,
    }),
  );
  const inspection = await manager.save(manager.create(Inspection, { documentId: document.id, type: 'unannounced', inspectors: '联席办暗访组：周静、李明、吴婷', createdBy: officeUserId, createdAt: issuedAt }));
  const units = [...new Set(FINDINGS.map((f) => f.unit))];
  await manager.insert(InspectionUnit, units.map((key) => ({ inspectionId: inspection.id, unitId: unitIds.get(key)! })));
  const itemIds: number[] = [];
  for (const finding of FINDINGS) {
    const status = finding.steps.at(-1)?.[1] ?? 'issued';
    const at = (day: number) => new Date(issuedAt.getTime() + day * 86_400_000);
    const deadline = addDays(visitedOn, finding.days);
    const item = await manager.save(
      manager.create(RectificationItem, {
        inspectionId: inspection.id,
        unitId: unitIds.get(finding.unit)!,
        location: finding.location,
        problem: finding.problem,
        rule: finding.rule,
        requirements: finding.requirements,
        priority: 'important',
        deadlineDays: Math.round((finding.days * 5) / 7),
        deadline,
        recheckOn: addDays(visitedOn, finding.days + 30),
        status,
        sortKey: rectificationSortKey(status, deadline),
        noticeId: null,
        reopenCount: 0,
        issuedAt,
        signedOffAt: status === 'signed_off' ? at(finding.steps.length + 1) : null,
        createdBy: officeUserId,
      }),
    );
    const events: Partial<RectificationEvent>[] = [
      { action: 'create', fromStatus: null, toStatus: 'draft', body: null, deadline: null, actorUserId: officeUserId, occurredAt: issuedAt },
      { action: 'issue', fromStatus: 'draft', toStatus: 'issued', body: null, deadline: item.deadline, actorUserId: officeUserId, occurredAt: issuedAt },
    ];
    let from: RectificationStatus = 'issued';
    finding.steps.forEach(([action, to, body], i) => {
      const byUnit = action === 'submit_plan' || action === 'submit_report';
      events.push({ action, fromStatus: from, toStatus: to, body, deadline: null, actorUserId: byUnit ? unitUserIds.get(finding.unit)! : officeUserId, occurredAt: at(i + 1) });
      from = to;
    });
    await manager.insert(RectificationEvent, events.map((e) => ({ ...e, itemId: item.id })));
    itemIds.push(item.id);
  }
  const listedOn = addDays(today, -2);
  const listing = await manager.save(
    manager.create(Listing, {
      unitId: unitIds.get('telecom')!,
      card: 'yellow',
      status: 'active',
      origin: 'office',
      proposalKey: null,
      reason: '云澜电信在明查暗访中被发现营业厅违规办理电话卡，整改逾期未完成，物联网卡管理问题突出。',
      conditionsText: '明查暗访发现的问题全部整改销号，且连续30天无逾期事项。',
      conditions: { noOverdueDays: 30, allSignedOff: true },
      proposedAt: null,
      listedOn,
      endedOn: null,
      listingNoticeId: null,
      delistingNoticeId: null,
    }),
  );
  await manager.insert(ListingEvent, { listingId: listing.id, action: 'list', card: 'yellow', note: '联席办主任办公会研究决定', actorUserId: officeUserId, occurredAt: new Date(`${listedOn}T02:00:00Z`) });
  return { itemIds, issuedAt };
}
