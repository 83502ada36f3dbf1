import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { contentDisposition } from '../attachments/attachments.service';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_STATUS } from '../common/errors/error-codes';
import { FieldError } from '../common/validation';
import { CreateNoticeDto, IssueNoticeDto, IssuerDto, NoticeQueryDto, UpdateNoticeDto, VoidNoticeDto } from '../notices/dto/notice.dto';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, NoticeKind } from '../notices/notice-templates';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { PREVIEW_CSP } from '../notices/notices.controller';
import { NoticesService } from '../notices/notices.service';
import { FormBody, formValue, idField, parseForm } from './forms';
import { contentFields, contentFromForm } from './notice-form';
import { PageContextInterceptor } from './page-context.interceptor';
import { pager } from './pager';

@ApiExcludeController()
@Controller('notices')
@UseInterceptors(PageContextInterceptor)
export class NoticePagesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  @RequirePermission(Permission.NoticesRead)
  @Render('notices/list')
  async list(@CurrentAccess() access: Access, @Query() query: NoticeQueryDto) {
    const page = await this.notices.list(access, query);
    return {
      title: '公文通知',
      issuers: this.manages(access) ? (await this.notices.issuers()).map((i) => ({ ...i, label: NOTICE_KIND_LABELS[i.kind] })) : [],
      notices: page.items.map((n) => ({ ...n, kindLabel: NOTICE_KIND_LABELS[n.kind], acknowledged: n.recipients.filter((r) => r.acknowledgedAt).length, recipientCount: n.recipients.length })),
      kinds: NOTICE_KINDS.map((value) => ({ value, label: NOTICE_KIND_LABELS[value] })),
      filter: { kind: query.kind ?? '', status: query.status ?? '', year: query.year ?? '' },
      manages: this.manages(access),
      pager: pager(page, { kind: query.kind, status: query.status, year: query.year }),
    };
  }

  @Post()
  @RequirePermission(Permission.NoticesManage)
  async create(@CurrentAccess() access: Access, @Body() body: FormBody, @Res() res: Response) {
    const form = parseForm(CreateNoticeDto, { kind: formValue(body.kind), ...(body.assignmentId ? { assignmentId: idField(body.assignmentId) } : {}) });
    if (!form.ok) throw new DomainError('VALIDATION_FAILED', form.errors.map((e) => e.message).join('；'), form.errors);
    const notice = await this.notices.createDraft(access, form.value);
    res.redirect(303, `/notices/${notice.id}`);
  }

  @Post('issuers/:kind')
  @RequirePermission(Permission.NoticesManage)
  async setIssuer(@Param('kind', new ParseOneOfPipe(NOTICE_KINDS, '类通知')) kind: NoticeKind, @Body() body: FormBody, @Res() res: Response) {
    const form = parseForm(IssuerDto, { version: Number(formValue(body.version)), code: formValue(body.code) ?? '', name: formValue(body.name) ?? '' });
    if (!form.ok) throw new DomainError('VALIDATION_FAILED', form.errors.map((e) => `${e.field} ${e.message}`).join('；'), form.errors);
    await this.notices.setIssuer(kind, form.value);
    res.redirect(303, '/notices');
  }

  @Get(':id')
  @RequirePermission(Permission.NoticesRead)
  @Render('notices/detail')
  detail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return this.detailModel(access, id, []);
  }

  @Get(':id/preview')
  @RequirePermission(Permission.NoticesRead)
  async preview(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    const html = await this.notices.previewHtml(access, id);
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    res.type('html').send(html);
  }

  @Get(':id/pdf')
  @RequirePermission(Permission.NoticesRead)
  async pdf(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { stream, fileName } = await this.notices.pdf(access, id);
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    return new StreamableFile(stream, { type: 'application/pdf' });
  }

  @Post(':id/edit')
  @RequirePermission(Permission.NoticesManage)
  async edit(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    const current = await this.notices.get(access, id);
    const values = {
      version: Number(formValue(body.version)),
      title: formValue(body.title)?.trim(),
      addressee: formValue(body.addressee)?.trim(),
      copyTo: (formValue(body.copyTo) ?? '').split(/[，,、\n]/).map((s) => s.trim()).filter(Boolean),
      content: contentFromForm(current.content, body),
    };
    const form = parseForm(UpdateNoticeDto, values);
    await this.step(access, id, res, form.ok ? () => this.notices.update(access, id, form.value) : null, form.ok ? [] : form.errors);
  }

  @Post(':id/issue')
  @RequirePermission(Permission.NoticesManage)
  issue(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    const form = parseForm(IssueNoticeDto, { version: Number(formValue(body.version)) });
    return this.step(access, id, res, form.ok ? () => this.notices.issue(access, id, form.value.version) : null, form.ok ? [] : form.errors);
  }

  @Post(':id/void')
  @RequirePermission(Permission.NoticesManage)
  voidNotice(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    const form = parseForm(VoidNoticeDto, { reason: formValue(body.reason) ?? '' });
    return this.step(access, id, res, form.ok ? () => this.notices.void(access, id, form.value) : null, form.ok ? [] : form.errors);
  }

  @Post(':id/correct')
  @RequirePermission(Permission.NoticesManage)
  async correct(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    const voided = await this.notices.get(access, id);
    const correction = await this.notices.createDraft(access, { kind: voided.kind, replacesId: id });
    res.redirect(303, `/notices/${correction.id}`);
  }

  @Post(':id/chase')
  @RequirePermission(Permission.NoticesManage)
  chase(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    return this.step(access, id, res, () => this.notices.chase(access, id), []);
  }

  @Post(':id/acknowledge')
  @RequirePermission(Permission.NoticesAcknowledge)
  acknowledge(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    return this.step(access, id, res, () => this.notices.acknowledge(access, id), []);
  }

  /** Runs a step and comes back to the notice; a refused one shows the notice again with the reason. */
  private async step(access: Access, id: number, res: Response, action: (() => Promise<unknown>) | null, invalid: FieldError[]): Promise<void> {
    let errors = invalid;
    if (action) {
      try {
        await action();
        return res.redirect(303, `/notices/${id}`);
      } catch (error) {
        if (!(error instanceof DomainError) || ['NOT_FOUND', 'FORBIDDEN', 'INTERNAL'].includes(error.code)) throw error;
        errors = Array.isArray(error.details) && error.details.length ? (error.details as FieldError[]) : [{ field: '', message: error.message }];
        res.status(ERROR_STATUS[error.code]);
      }
    } else {
      res.status(400);
    }
    res.render('notices/detail', await this.detailModel(access, id, errors));
  }

  private async detailModel(access: Access, id: number, errors: FieldError[]) {
    const notice = await this.notices.get(access, id);
    const mine = notice.recipients.find((r) => (r.unitId !== null && r.unitId === access.actor.unitId) || r.userId === access.actor.userId);
    return {
      title: notice.number ?? `${NOTICE_KIND_LABELS[notice.kind]}（草稿）`,
      notice: { ...notice, kindLabel: NOTICE_KIND_LABELS[notice.kind], copyToText: notice.copyTo.join('，') },
      fields: contentFields(notice.kind, notice.content),
      manages: this.manages(access),
      editable: this.manages(access) && notice.status === 'draft',
      unacknowledged: notice.status === 'issued' && notice.recipients.some((r) => !r.acknowledgedAt),
      canAcknowledge: notice.status === 'issued' && !!mine && !mine.acknowledgedAt && scopeOf(access.actor.role, Permission.NoticesAcknowledge) !== null,
      errors,
    };
  }

  private manages(access: Access): boolean {
    return scopeOf(access.actor.role, Permission.NoticesManage) !== null;
  }
}
