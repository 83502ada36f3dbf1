import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { AssignmentsService } from '../assignments/assignments.service';
import { AssignmentQueryDto, ExtensionDecisionDto, ExtensionRequestDto, ReasonDto, ReportDto, ReviewReportDto, VersionDto } from '../assignments/dto/assignment.dto';
import { ASSIGNMENT_STATUSES } from '../assignments/assignment-state';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_STATUS } from '../common/errors/error-codes';
import { FieldError } from '../common/validation';
import { NOTICE_KIND_LABELS } from '../notices/notice-templates';
import { ScheduleQueryDto } from '../reminders/dto/reminders.dto';
import { ScheduleService } from '../reminders/schedule.service';
import { FormBody, formValue, parseForm } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { pager } from './pager';

const STATUS_OPTIONS = ASSIGNMENT_STATUSES.map((value) => ({ value }));

/** The notices drafted from one task (a circular is drafted from the whole overdue list). */
const TASK_NOTICE_KINDS = (['supervision_notice', 'interview_letter', 'rectification_notice'] as const).map((value) => ({ value, label: NOTICE_KIND_LABELS[value] }));

/** The fields a task page's forms show again after a refused submission. */
const EMPTY_FORM = { failed: '', narrative: '', percentDone: '', metricValue: '', requestedDeadline: '', reason: '', note: '' };

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor)
export class TaskPagesController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly schedule: ScheduleService,
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
  detail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return this.detailModel(access, id, [], EMPTY_FORM);
  }

  @Post('tasks/:id/acknowledge')
  @RequirePermission(Permission.AssignmentsWork)
  acknowledge(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('acknowledge', access, id, res, body, VersionDto, (dto) => this.assignments.acknowledge(access, id, dto));
  }

  @Post('tasks/:id/report')
  @RequirePermission(Permission.AssignmentsWork)
  @UploadFiles()
  report(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Res() res: Response) {
    return this.submit('report', access, id, res, body, ReportDto, (dto) => this.assignments.report(access, id, dto, files));
  }

  @Post('tasks/:id/complete')
  @RequirePermission(Permission.AssignmentsWork)
  @UploadFiles()
  complete(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Res() res: Response) {
    return this.submit('complete', access, id, res, body, ReportDto, (dto) => this.assignments.requestCompletion(access, id, dto, files));
  }

  @Post('tasks/:id/extension')
  @RequirePermission(Permission.AssignmentsWork)
  extension(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('extension', access, id, res, body, ExtensionRequestDto, (dto) => this.assignments.requestExtension(access, id, dto));
  }

  @Post('tasks/:id/close')
  @RequirePermission(Permission.AssignmentsReview)
  close(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('close', access, id, res, body, VersionDto, (dto) => this.assignments.close(access, id, dto));
  }

  @Post('tasks/:id/return')
  @RequirePermission(Permission.AssignmentsReview)
  returnCompletion(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('return', access, id, res, body, ReasonDto, (dto) => this.assignments.returnCompletion(access, id, dto));
  }

  @Post('tasks/:id/cancel')
  @RequirePermission(Permission.AssignmentsReview)
  cancel(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('cancel', access, id, res, body, ReasonDto, (dto) => this.assignments.cancel(access, id, dto));
  }

  @Post('tasks/:id/reports/:reportId/review')
  @RequirePermission(Permission.AssignmentsReview)
  reviewReport(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('reportId', ParseIdPipe) reportId: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('review', access, id, res, body, ReviewReportDto, (dto) => this.assignments.reviewReport(access, reportId, dto));
  }

  @Post('tasks/:id/extensions/:extensionId/decision')
  @RequirePermission(Permission.AssignmentsReview)
  decideExtension(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('extensionId', ParseIdPipe) extensionId: number, @Body() body: FormBody, @Res() res: Response) {
    return this.submit('decision', access, id, res, body, ExtensionDecisionDto, (dto) => this.assignments.decideExtension(access, extensionId, dto));
  }

  /**
   * Validates a task form with the API's DTO and runs the step; a refused step shows the task again with
   * the message and what was typed, rather than an error page.
   */
  private async submit<T extends object>(formName: string, access: Access, id: number, res: Response, body: FormBody, dtoClass: new () => T, step: (dto: T) => Promise<unknown>): Promise<void> {
    const values = Object.fromEntries(Object.entries(body).filter(([key]) => key !== '_csrf').map(([key, value]) => [key, formValue(value)?.trim() ?? '']));
    const form = parseForm(dtoClass, Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '')));
    let errors: FieldError[];
    if (form.ok) {
      try {
        await step(form.value);
        return res.redirect(303, `/tasks/${id}`);
      } catch (error) {
        if (!(error instanceof DomainError) || ['NOT_FOUND', 'FORBIDDEN', 'INTERNAL'].includes(error.code)) throw error;
        errors = Array.isArray(error.details) && error.details.length && typeof error.details[0] === 'object' ? (error.details as FieldError[]) : [{ field: '', message: error.message }];
        res.status(ERROR_STATUS[error.code]);
      }
    } else {
      errors = form.errors;
      res.status(400);
    }
    // The failed form gets the typed values back (several forms share field names).
    res.render('tasks/detail', await this.detailModel(access, id, errors, { ...EMPTY_FORM, ...values, failed: formName }));
  }

  private async detailModel(access: Access, id: number, errors: FieldError[], form: Record<string, string>) {
    const task = await this.assignments.get(access, id);
    const can = Object.fromEntries(task.availableActions.map((action) => [action, true]));
    // What the ladder has in store for this task: for its own unit and those overseeing all units.
    const upcoming = access.reachesUnit(task.unitId)
      ? (await this.schedule.list(access, Object.assign(new ScheduleQueryDto(), { assignmentId: id, status: 'pending', page: 1, pageSize: 20 }))).items
      : [];
    return {
      upcoming,
      noticeKinds: TASK_NOTICE_KINDS,
      title: `${task.directiveCode} · ${task.unitName}`,
      task,
      can: { acknowledge: false, report: false, request_completion: false, request_extension: false, close: false, return_completion: false, cancel: false, ...can },
      reviews: scopeOf(access.actor.role, Permission.AssignmentsReview) !== null,
      errors,
      form,
    };
  }
}
