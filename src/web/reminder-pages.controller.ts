import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { PRIORITIES, PRIORITY_LABELS, Priority } from '../directives/directive.entity';
import { DeliveriesService } from '../notifications/deliveries.service';
import { DeliveryQueryDto, InboxQueryDto } from '../notifications/dto/notification.dto';
import { NotificationsService } from '../notifications/notifications.service';
import { ApproveEscalationDto, DismissEscalationDto, EscalationQueryDto, EscalationView, ScheduleQueryDto, UpdatePolicyDto } from '../reminders/dto/reminders.dto';
import { EscalationPoliciesService } from '../reminders/escalation-policies.service';
import { EscalationsService } from '../reminders/escalations.service';
import { RUNG_LABELS, RUNG_MODES, RUNGS } from '../reminders/escalation-ladder';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { ScheduleService } from '../reminders/schedule.service';
import { setFlash } from './flash';
import { Confirmation, FormBody, formValue, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { pager } from './pager';

const MODE_OPTIONS = RUNG_MODES.map((value) => ({ value }));

const ESCALATION_TABS = [
  { status: 'pending', label: '待审批' },
  { status: 'issued', label: '已发出' },
  { status: 'dismissed', label: '已驳回' },
] as const;

const DELIVERY_TABS = [
  { status: 'dead', label: '发送失败' },
  { status: 'pending', label: '待发送' },
  { status: 'sent', label: '已发送' },
] as const;

const PENDING_QUEUE = Object.assign(new EscalationQueryDto(), { status: 'pending', page: 1, pageSize: 20 });

/** What approving a prepared rung will do, asked before it is done. */
function approvalQuestion(e: EscalationView): Confirmation {
  const rung = RUNG_LABELS[e.rung as keyof typeof RUNG_LABELS];
  const question =
    e.rung === 'yellow_card' || e.rung === 'red_card'
      ? `同意后，${e.unitName}即被挂${rung}，其联络员和领导会收到通知；摘牌须另行决定。`
      : e.noticeId
        ? `同意后，随附的${rung}即印发：取文号、生成 PDF 并送达${e.unitName}。印发后不能修改，只能作废。`
        : `同意后，${rung}即发给${e.unitName}，不能撤回。`;
  return {
    title: `确认发出${rung}`,
    question,
    facts: [
      { label: '承办单位', value: e.unitName },
      { label: '事项', value: `${e.directiveCode} ${e.directiveTitle}` },
      { label: '拟发出的内容', value: e.summary },
    ],
    confirmLabel: '同意发出',
  };
}

/** "5,3,1", "5、3、1" or "5 3 1" → [5, 3, 1]; anything else is kept as typed so validation names it. */
function dayList(value: unknown): unknown {
  const text = formValue(value)?.trim() ?? '';
  if (text === '') return [];
  const parts = text.split(/[,，、\s]+/);
  return parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : text;
}

const numberField = (value: unknown): unknown => {
  const text = formValue(value)?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : text;
};

/** The policy form's fields back into the API's shape. */
function policyFromForm(body: FormBody): object {
  const rule = (prefix: string) => ({ afterDays: numberField(body[`${prefix}.afterDays`]), mode: formValue(body[`${prefix}.mode`]) ?? '' });
  return {
    version: numberField(body.version),
    ladder: {
      reminderDays: dayList(body.reminderDays),
      rungs: Object.fromEntries(RUNGS.map((rung) => [rung, rule(`rungs.${rung}`)])),
      reportReminderDays: dayList(body.reportReminderDays),
      reportOverdue: rule('reportOverdue'),
    },
  };
}

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class ReminderPagesController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly deliveries: DeliveriesService,
    private readonly escalations: EscalationsService,
    private readonly policies: EscalationPoliciesService,
    private readonly schedule: ScheduleService,
  ) {}

  @Get('inbox')
  @RequirePermission(Permission.OwnAccount)
  @Render('reminders/inbox')
  async inbox(@CurrentAccess() access: Access, @Query() query: InboxQueryDto) {
    const page = await this.notifications.inbox(access.actor.userId, query);
    return {
      title: '我的消息',
      messages: page.items,
      unreadOnly: query.unread === true,
      tabs: [
        { label: '全部', href: '/inbox', active: query.unread !== true },
        { label: '只看未读', href: '/inbox?unread=true', active: query.unread === true },
      ],
      pager: pager(page, { unread: query.unread }),
    };
  }

  @Post('inbox/read-all')
  @RequirePermission(Permission.OwnAccount)
  async readAll(@CurrentAccess() access: Access, @Res() res: Response) {
    const count = await this.notifications.markAllRead(access.actor.userId);
    setFlash(res, count ? `已将 ${count} 条消息标为已读。` : '没有未读消息。');
    res.redirect(303, '/inbox');
  }

  /** Opening a message marks it read and goes to what it is about. */
  @Post('inbox/:id/open')
  @RequirePermission(Permission.OwnAccount)
  async open(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    const message = await this.notifications.markRead(access.actor.userId, id);
    res.redirect(303, message.link ?? '/inbox');
  }

  @Get('escalations')
  @RequirePermission(Permission.EscalationsRead)
  @Render('reminders/escalations')
  async escalationList(@CurrentAccess() access: Access, @Query() query: EscalationQueryDto) {
    return { ...(await this.escalationModel(access, query)), errors: [] };
  }

  @Post('escalations/:id/approve')
  @RequirePermission(Permission.EscalationsManage)
  approve(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: ApproveEscalationDto,
      values: { note: formValue(body.note)?.trim() || undefined },
      // Approving issues a formal notice or hangs a card: it cannot be taken back.
      confirm: async () => approvalQuestion(await this.escalations.get(access, id)),
      run: (dto) => this.escalations.approve(access, id, dto),
      done: '/escalations',
      flash: (e) => `已同意：${RUNG_LABELS[e.rung as keyof typeof RUNG_LABELS]}（${e.unitName} · ${e.directiveCode}）${e.noticeId ? '已印发，PDF 生成后送达接收方' : '已发出'}。`,
      rerender: async () => ({ view: 'reminders/escalations', model: await this.escalationModel(access, PENDING_QUEUE) }),
    });
  }

  @Post('escalations/:id/dismiss')
  @RequirePermission(Permission.EscalationsManage)
  dismiss(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: DismissEscalationDto,
      values: { reason: formValue(body.reason)?.trim() ?? '' },
      run: (dto) => this.escalations.dismiss(access, id, dto),
      done: '/escalations',
      flash: (e) => `已决定不发出：${RUNG_LABELS[e.rung as keyof typeof RUNG_LABELS]}（${e.unitName} · ${e.directiveCode}）。`,
      rerender: async () => ({ view: 'reminders/escalations', model: await this.escalationModel(access, PENDING_QUEUE) }),
    });
  }

  @Get('schedule')
  @RequirePermission(Permission.ScheduleRead)
  @Render('reminders/schedule')
  async upcoming(@CurrentAccess() access: Access, @Query() query: ScheduleQueryDto) {
    const page = await this.schedule.list(access, query);
    return {
      title: '催办计划',
      actions: page.items,
      filter: { withinDays: query.withinDays, status: query.status },
      manages: scopeOf(access.actor.role, Permission.DeliveriesManage) !== null,
      pager: pager(page, { withinDays: query.withinDays, status: query.status }),
    };
  }

  @Get('policies')
  @RequirePermission(Permission.EscalationsRead)
  @Render('reminders/policies')
  async policyList(@CurrentAccess() access: Access) {
    return { ...(await this.policyModel(access, null)), errors: [] };
  }

  @Post('policies/:priority')
  @RequirePermission(Permission.EscalationsManage)
  savePolicy(@CurrentAccess() access: Access, @Param('priority', new ParseOneOfPipe(PRIORITIES, '优先级')) priority: Priority, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: UpdatePolicyDto,
      values: policyFromForm(body),
      run: (dto) => this.policies.update(access, priority, dto),
      done: '/policies',
      flash: `已保存${PRIORITY_LABELS[priority]}事项的督办规则；该优先级未办结的事项已按新规则重新排程。`,
      rerender: async () => ({ view: 'reminders/policies', model: await this.policyModel(access, priority, body) }),
    });
  }

  @Get('deliveries')
  @RequirePermission(Permission.DeliveriesManage)
  @Render('reminders/deliveries')
  async deadLetters(@Query() query: DeliveryQueryDto) {
    const page = await this.deliveries.list(query);
    return {
      title: '外发投递',
      deliveries: page.items,
      status: query.status,
      tabs: DELIVERY_TABS.map((tab) => ({ label: tab.label, href: `/deliveries?status=${tab.status}`, active: tab.status === query.status })),
      pager: pager(page, { status: query.status }),
    };
  }

  @Post('deliveries/:id/retry')
  @RequirePermission(Permission.DeliveriesManage)
  async retry(@Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    await this.deliveries.retry(id);
    setFlash(res, '已重新排队发送。');
    res.redirect(303, '/deliveries');
  }

  private async escalationModel(access: Access, query: EscalationQueryDto) {
    const page = await this.escalations.list(access, query);
    return {
      title: '督办审批',
      escalations: page.items.map((e) => ({ ...e, rungLabel: RUNG_LABELS[e.rung as keyof typeof RUNG_LABELS] })),
      status: query.status,
      tabs: ESCALATION_TABS.map((tab) => ({ label: tab.label, href: `/escalations?status=${tab.status}`, active: tab.status === query.status })),
      decides: scopeOf(access.actor.role, Permission.EscalationsManage) !== null && query.status === 'pending',
      // Leaders see the queue but not the office's drafts: no link that would only answer 404.
      managesNotices: scopeOf(access.actor.role, Permission.NoticesManage) !== null,
      pager: pager(page, { status: query.status }),
    };
  }

  /** The ladders as the form shows them; the one whose form was refused shows what was typed. */
  private async policyModel(access: Access, failed: Priority | null, typed: FormBody = {}) {
    const policies = await this.policies.list();
    return {
      title: '督办规则',
      edits: scopeOf(access.actor.role, Permission.EscalationsManage) !== null,
      failed: failed ?? '',
      modeOptions: MODE_OPTIONS,
      policies: policies.map((p) => {
        const retyped = (name: string, stored: string | number) => (p.priority === failed ? (formValue(typed[name]) ?? String(stored)) : String(stored));
        return {
          ...p,
          priorityLabel: PRIORITY_LABELS[p.priority],
          reminderDays: retyped('reminderDays', p.ladder.reminderDays.join(',')),
          reportReminderDays: retyped('reportReminderDays', p.ladder.reportReminderDays.join(',')),
          rungs: RUNGS.map((rung) => ({ rung, label: RUNG_LABELS[rung], afterDays: retyped(`rungs.${rung}.afterDays`, p.ladder.rungs[rung].afterDays), mode: retyped(`rungs.${rung}.mode`, p.ladder.rungs[rung].mode) })),
          reportOverdue: { afterDays: retyped('reportOverdue.afterDays', p.ladder.reportOverdue.afterDays), mode: retyped('reportOverdue.mode', p.ladder.reportOverdue.mode) },
        };
      }),
    };
  }
}
