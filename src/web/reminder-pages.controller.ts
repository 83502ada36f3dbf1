import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { PRIORITIES, PRIORITY_LABELS, Priority } from '../directives/directive.entity';
import { DeliveriesService } from '../notifications/deliveries.service';
import { DeliveryQueryDto, InboxQueryDto } from '../notifications/dto/notification.dto';
import { NotificationsService } from '../notifications/notifications.service';
import { ApproveEscalationDto, DismissEscalationDto, EscalationQueryDto, ScheduleQueryDto, UpdatePolicyDto } from '../reminders/dto/reminders.dto';
import { EscalationPoliciesService } from '../reminders/escalation-policies.service';
import { EscalationsService } from '../reminders/escalations.service';
import { RUNG_LABELS, RUNG_MODES, RUNGS } from '../reminders/escalation-ladder';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { ScheduleService } from '../reminders/schedule.service';
import { FormBody, formValue, parseForm, renderInvalid, submitForm } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { pager } from './pager';

const MODE_OPTIONS = RUNG_MODES.map((value) => ({ value }));

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
@UseInterceptors(PageContextInterceptor)
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
    return { title: '我的消息', messages: page.items, unreadOnly: query.unread === true, pager: pager(page, { unread: query.unread }) };
  }

  @Post('inbox/read-all')
  @RequirePermission(Permission.OwnAccount)
  async readAll(@CurrentAccess() access: Access, @Res() res: Response) {
    await this.notifications.markAllRead(access.actor.userId);
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
    return this.escalationModel(access, query, []);
  }

  @Post('escalations/:id/approve')
  @RequirePermission(Permission.EscalationsManage)
  approve(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.decide(access, res, ApproveEscalationDto, { note: formValue(body.note)?.trim() || undefined }, (dto) => this.escalations.approve(access, id, dto));
  }

  @Post('escalations/:id/dismiss')
  @RequirePermission(Permission.EscalationsManage)
  dismiss(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.decide(access, res, DismissEscalationDto, { reason: formValue(body.reason)?.trim() ?? '' }, (dto) => this.escalations.dismiss(access, id, dto));
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
    return this.policyModel(access, null, []);
  }

  @Post('policies/:priority')
  @RequirePermission(Permission.EscalationsManage)
  async savePolicy(@CurrentAccess() access: Access, @Param('priority', new ParseOneOfPipe(PRIORITIES, '优先级')) priority: Priority, @Body() body: FormBody, @Res() res: Response) {
    const form = parseForm(UpdatePolicyDto, policyFromForm(body));
    if (!form.ok) return renderInvalid(res, 'reminders/policies', await this.policyModel(access, priority, form.errors), form.errors);
    await submitForm(res, 'reminders/policies', await this.policyModel(access, priority, []), async () => {
      await this.policies.update(access, priority, form.value);
      return '/policies';
    });
  }

  @Get('deliveries')
  @RequirePermission(Permission.DeliveriesManage)
  @Render('reminders/deliveries')
  async deadLetters(@Query() query: DeliveryQueryDto) {
    const page = await this.deliveries.list(query);
    return { title: '外发投递', deliveries: page.items, status: query.status, pager: pager(page, { status: query.status }) };
  }

  @Post('deliveries/:id/retry')
  @RequirePermission(Permission.DeliveriesManage)
  async retry(@Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    await this.deliveries.retry(id);
    res.redirect(303, '/deliveries');
  }

  private async decide<T extends object>(access: Access, res: Response, dtoClass: new () => T, values: object, step: (dto: T) => Promise<unknown>): Promise<void> {
    const model = await this.escalationModel(access, Object.assign(new EscalationQueryDto(), { page: 1, pageSize: 20 }), []);
    const form = parseForm(dtoClass, values);
    if (!form.ok) return renderInvalid(res, 'reminders/escalations', model, form.errors);
    await submitForm(res, 'reminders/escalations', model, async () => {
      await step(form.value);
      return '/escalations';
    });
  }

  private async escalationModel(access: Access, query: EscalationQueryDto, errors: { field: string; message: string }[]) {
    const page = await this.escalations.list(access, query);
    return {
      title: '督办审批',
      escalations: page.items.map((e) => ({ ...e, rungLabel: RUNG_LABELS[e.rung as keyof typeof RUNG_LABELS] })),
      status: query.status,
      decides: scopeOf(access.actor.role, Permission.EscalationsManage) !== null && query.status === 'pending',
      pager: pager(page, { status: query.status }),
      errors,
    };
  }

  private async policyModel(access: Access, failed: Priority | null, errors: { field: string; message: string }[]) {
    const policies = await this.policies.list();
    return {
      title: '督办规则',
      edits: scopeOf(access.actor.role, Permission.EscalationsManage) !== null,
      failed: failed ?? '',
      modeOptions: MODE_OPTIONS,
      policies: policies.map((p) => ({
        ...p,
        priorityLabel: PRIORITY_LABELS[p.priority],
        reminderDays: p.ladder.reminderDays.join(','),
        reportReminderDays: p.ladder.reportReminderDays.join(','),
        rungs: RUNGS.map((rung) => ({ rung, label: RUNG_LABELS[rung], ...p.ladder.rungs[rung] })),
        reportOverdue: p.ladder.reportOverdue,
      })),
      errors,
    };
  }
}
