import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { AssignmentsService } from '../assignments/assignments.service';
import { AssignmentDetailView, AssignmentQueryDto, ExtensionDecisionDto, ExtensionRequestDto, ReasonDto, ReportDto, ReviewReportDto, VersionDto } from '../assignments/dto/assignment.dto';
import { ASSIGNMENT_STATUSES } from '../assignments/assignment-state';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { NoticeKinds } from '../notices/notice-kinds';
import { ScheduleQueryDto } from '../reminders/dto/reminders.dto';
import { ScheduleService } from '../reminders/schedule.service';
import { staleVersion } from '../common/errors/domain-error';
import { Confirmation, FormBody, formFields, formValue, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { pager } from './pager';

const STATUS_OPTIONS = ASSIGNMENT_STATUSES.map((value) => ({ value }));

/** The fields a task page's forms show again after a refused submission. */
const EMPTY_FORM = { failed: '', narrative: '', percentDone: '', metricValue: '', requestedDeadline: '', reason: '', note: '' };

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class TaskPagesController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly schedule: ScheduleService,
    private readonly noticeKinds: NoticeKinds,
  ) {}

  @Get('tasks')
  @RequirePermission(Permission.AssignmentsRead)
  @Render('tasks/list')
  async list(@CurrentAccess() access: Access, @Query() query: AssignmentQueryDto) {
    const page = await this.assignments.list(access, query);
    return {
      title: access.unitRestriction === null ? '全部任务' : '我的任务',
      tasks: page.items,
      filter: { status: query.status ?? '', overdue: query.overdue === true, dueWithin: query.dueWithin ?? '' },
      statusOptions: STATUS_OPTIONS,
      pager: pager(page, { ...query, page: undefined }),
      reviewQueue: false,
    };
  }

  @Get('review')
  @RequirePermission(Permission.AssignmentsReview)
  @Render('tasks/list')
  async review(@CurrentAccess() access: Access, @Query() query: AssignmentQueryDto) {
    const page = await this.assignments.list(access, Object.assign(query, { awaitingReview: true }));
    return {
      title: '待审核：进展报告、办结申请和延期申请',
      tasks: page.items,
      filter: { status: query.status ?? '', overdue: query.overdue === true, dueWithin: query.dueWithin ?? '' },
      statusOptions: STATUS_OPTIONS,
      pager: pager(page, { ...query, page: undefined }),
      reviewQueue: true,
    };
  }

  @Get('tasks/:id')
  @RequirePermission(Permission.AssignmentsRead)
  @Render('tasks/detail')
  async detail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return { ...(await this.detailModel(access, id, EMPTY_FORM)), errors: [] };
  }

  @Post('tasks/:id/acknowledge')
  @RequirePermission(Permission.AssignmentsWork)
  acknowledge(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.submit('acknowledge', access, id, req, res, body, VersionDto, (dto) => this.assignments.acknowledge(access, id, dto), '已签收。请按工作要求办理，并按时报送进展。');
  }

  @Post('tasks/:id/report')
  @RequirePermission(Permission.AssignmentsWork)
  @UploadFiles()
  report(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response) {
    return this.submit('report', access, id, req, res, body, ReportDto, (dto) => this.assignments.report(access, id, dto, files), `已报送进展${files.length ? `（附 ${files.length} 个文件）` : ''}，等待协调办审核。`);
  }

  @Post('tasks/:id/complete')
  @RequirePermission(Permission.AssignmentsWork)
  @UploadFiles()
  complete(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response) {
    return this.submit('complete', access, id, req, res, body, ReportDto, (dto) => this.assignments.requestCompletion(access, id, dto, files), '已申请办结，等待协调办审核销号；期间不再催办。');
  }

  @Post('tasks/:id/extension')
  @RequirePermission(Permission.AssignmentsWork)
  extension(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.submit('extension', access, id, req, res, body, ExtensionRequestDto, (dto) => this.assignments.requestExtension(access, id, dto), `已提交延期申请（申请延至 ${formValue(body.requestedDeadline) ?? ''}），等待协调办审批；审批前仍按原期限办理。`);
  }

  @Post('tasks/:id/close')
  @RequirePermission(Permission.AssignmentsReview)
  close(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.submit('close', access, id, req, res, body, VersionDto, (dto) => this.assignments.close(access, id, dto), '已同意办结，任务销号。', (task) => ({
      title: `确认销号：${task.directiveCode} · ${task.unitName}`,
      question: '销号表示同意办结：任务就此关闭，不再催办，单位也不能再报送。',
      facts: [
        { label: '督办事项', value: task.directiveTitle },
        { label: '承办单位', value: task.unitName },
        { label: '完成进度', value: `${task.percentDone}%` },
      ],
      confirmLabel: '同意办结，销号',
    }));
  }

  @Post('tasks/:id/return')
  @RequirePermission(Permission.AssignmentsReview)
  returnCompletion(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.submit('return', access, id, req, res, body, ReasonDto, (dto) => this.assignments.returnCompletion(access, id, dto), '已退回办结申请，单位会收到退回理由，任务继续办理和催办。');
  }

  @Post('tasks/:id/cancel')
  @RequirePermission(Permission.AssignmentsReview)
  cancel(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.submit('cancel', access, id, req, res, body, ReasonDto, (dto) => this.assignments.cancel(access, id, dto), '已撤销这项任务，不再催办。', (task) => ({
      title: `确认撤销：${task.directiveCode} · ${task.unitName}`,
      question: '撤销后这项任务不再办理、不再催办，也不能恢复。',
      facts: [
        { label: '督办事项', value: task.directiveTitle },
        { label: '撤销理由', value: formValue(body.reason) ?? '' },
      ],
      confirmLabel: '撤销任务',
    }));
  }

  @Post('tasks/:id/reports/:reportId/review')
  @RequirePermission(Permission.AssignmentsReview)
  reviewReport(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('reportId', ParseIdPipe) reportId: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const done = formValue(body.decision) === 'return' ? '已退回这份进展报告，单位会收到退回理由。' : '已采纳这份进展报告。';
    return this.submit('review', access, id, req, res, body, ReviewReportDto, (dto) => this.assignments.reviewReport(access, reportId, dto), done);
  }

  @Post('tasks/:id/extensions/:extensionId/decision')
  @RequirePermission(Permission.AssignmentsReview)
  decideExtension(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('extensionId', ParseIdPipe) extensionId: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.submit('decision', access, id, req, res, body, ExtensionDecisionDto, (dto) => this.assignments.decideExtension(access, extensionId, dto), (task) =>
      formValue(body.decision) === 'grant' ? `已同意延期，办理时限改为 ${task.deadline}，提醒和督办随之顺延。` : '已不同意延期，单位会收到理由，仍按原期限办理。',
    );
  }

  /**
   * Validates a task form with the API's DTO and runs the step; a refused step shows the task again with
   * the message and what was typed, rather than an error page.
   */
  private async submit<T extends object>(
    formName: string,
    access: Access,
    id: number,
    req: Request,
    res: Response,
    body: FormBody,
    dto: new () => T,
    run: (dto: T) => Promise<AssignmentDetailView>,
    flash: string | ((task: AssignmentDetailView) => string),
    confirm?: (task: AssignmentDetailView) => Confirmation,
  ): Promise<void> {
    const values = formFields(body);
    return pageStep(req, res, {
      dto,
      values,
      // Asking is pointless on a page someone else has changed since: that is said first.
      confirm: confirm
        ? async (parsed) => {
            const task = await this.assignments.get(access, id);
            if ('version' in parsed && parsed.version !== task.version) throw staleVersion('该任务', 'updated');
            return confirm(task);
          }
        : undefined,
      run,
      done: `/tasks/${id}`,
      flash,
      // The failed form gets the typed values back (several forms share field names).
      rerender: async () => ({ view: 'tasks/detail', model: await this.detailModel(access, id, { ...EMPTY_FORM, ...values, failed: formName }) }),
    });
  }

  private async detailModel(access: Access, id: number, form: Record<string, string>) {
    const task = await this.assignments.get(access, id);
    // The office's latest word on the unit's last submission, shown first when it sent it back.
    const [latest] = task.reports;
    const returned = latest?.status === 'returned' ? { kind: latest.isFinal ? '办结申请' : '进展报告', note: latest.reviewNote ?? '', at: latest.submittedAt } : null;
    const can = Object.fromEntries(task.availableActions.map((action) => [action, true]));
    // What the ladder has in store for this task: for its own unit and those overseeing all units.
    const upcoming = access.reachesUnit(task.unitId)
      ? (await this.schedule.list(access, Object.assign(new ScheduleQueryDto(), { assignmentId: id, status: 'pending', page: 1, pageSize: 20 }))).items
      : [];
    return {
      upcoming,
      // Drafting a notice is the office's: others get no such buttons. (A circular is drafted from the whole overdue list.)
      noticeKinds: scopeOf(access.actor.role, Permission.NoticesManage) !== null ? this.noticeKinds.draftableFrom('assignment').map((k) => ({ value: k.kind, label: k.label })) : [],
      title: `${task.directiveCode} · ${task.unitName}`,
      task,
      can: { acknowledge: false, report: false, request_completion: false, request_extension: false, close: false, return_completion: false, cancel: false, ...can },
      reviews: scopeOf(access.actor.role, Permission.AssignmentsReview) !== null,
      returned,
      pendingExtension: task.extensions.find((e) => e.status === 'pending') ?? null,
      form,
    };
  }
}
