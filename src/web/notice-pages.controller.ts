import { randomUUID } from 'node:crypto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_STATUS } from '../common/errors/error-codes';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, StreamableFile, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { contentDisposition, UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { CreateNoticeDto, IssueNoticeDto, IssuerDto, NoticeQueryDto, SettingVersionDto, UpdateNoticeDto, VoidNoticeDto } from '../notices/dto/notice.dto';
import { ParseNoticeKindPipe } from '../notices/notice-kind.pipe';
import { NoticeKinds } from '../notices/notice-kinds';
import { NOTICE_FORMAT_LABELS, NOTICE_FORMATS } from '../notices/notice-templates';
import { NoticeSealService } from '../notices/notice-seal.service';
import { PREVIEW_CSP } from '../notices/notices.controller';
import { NoticesService } from '../notices/notices.service';
import { setFlash } from './flash';
import { Confirmation, FormBody, formValue, linesField, pageStep, PageStep, SUBMISSION_FIELD } from './forms';
import { contentFields, contentFromForm, unreachableWarning } from './notice-form';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { exportLink, pager } from './pager';

/** How often a notice page waiting for its PDF looks again: soon while it renders, less often while a failed render waits for its retry. */
const PDF_REFRESH_SECONDS = 5;
const PDF_FAILING_REFRESH_SECONDS = 60;

/** The list as first shown: the latest notices of every kind. */
const LATEST = Object.assign(new NoticeQueryDto(), { page: 1, pageSize: 20 });

@ApiExcludeController()
@Controller('notices')
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class NoticePagesController {
  constructor(
    private readonly notices: NoticesService,
    private readonly seal: NoticeSealService,
    private readonly kinds: NoticeKinds,
  ) {}

  @Get()
  @RequirePermission(Permission.NoticesRead)
  @Render('notices/list')
  async list(@CurrentAccess() access: Access, @Query() query: NoticeQueryDto) {
    return { ...(await this.listModel(access, query)), errors: [] };
  }

  /** The list; after a refused settings form (an issuer, the seal), the settings open, an issuer form showing what was typed. */
  private async listModel(access: Access, query: NoticeQueryDto, refused?: { issuer?: { kind: string; body: FormBody } }) {
    const page = await this.notices.list(access, query);
    const manages = this.manages(access);
    const issuers = manages ? await this.notices.issuers() : [];
    const typed = refused?.issuer;
    return {
      title: '公文通知',
      issuers: issuers.map((i) => ({
        ...i,
        ...(i.kind === typed?.kind ? { code: formValue(typed.body.code) ?? '', name: formValue(typed.body.name) ?? '', format: formValue(typed.body.format) ?? i.format } : {}),
        label: this.kinds.label(i.kind),
      })),
      formats: NOTICE_FORMATS.map((value) => ({ value, label: NOTICE_FORMAT_LABELS[value] })),
      seal: manages ? await this.seal.current() : null,
      settingsOpen: refused !== undefined,
      // A draft has been sent to nobody yet: nothing to count.
      notices: page.items.map((n) => ({ ...n, kindLabel: this.kinds.label(n.kind), acknowledgement: n.status === 'draft' ? null : `${n.recipients.filter((r) => r.acknowledgedAt).length}/${n.recipients.length}` })),
      kinds: this.kinds.all().map((k) => ({ value: k.kind, label: k.label })),
      filter: { kind: query.kind ?? '', status: query.status ?? '', year: query.year ?? '' },
      manages: this.manages(access),
      pager: pager(page, { kind: query.kind, status: query.status, year: query.year }),
      exportLink: exportLink(access.actor, '/ledger/notices.xlsx', { kind: query.kind, status: query.status, year: query.year }),
    };
  }

  @Post()
  @RequirePermission(Permission.NoticesManage)
  create(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: CreateNoticeDto,
      values: { kind: formValue(body.kind), ...(body.assignmentId ? { assignmentId: formValue(body.assignmentId) } : {}), ...(body.rectificationId ? { rectificationId: formValue(body.rectificationId) } : {}) },
      run: (dto) => this.notices.createDraft(access, dto),
      done: (notice) => `/notices/${notice.id}`,
      flash: (notice) => `已按记录起草${this.kinds.label(notice.kind)}，请核对、补全后印发。`,
      rerender: async () => ({ view: 'notices/list', model: await this.listModel(access, LATEST) }),
    });
  }

  @Post('issuers/:kind')
  @RequirePermission(Permission.NoticesManage)
  setIssuer(@CurrentAccess() access: Access, @Param('kind', ParseNoticeKindPipe) kind: string, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: IssuerDto,
      values: { version: formValue(body.version), code: formValue(body.code)?.trim() ?? '', name: formValue(body.name)?.trim() ?? '', format: formValue(body.format) },
      run: (dto) => this.notices.setIssuer(kind, dto),
      done: '/notices',
      flash: (issuer) => `已保存${this.kinds.label(kind)}的发文机关代字、名称和版式（${NOTICE_FORMAT_LABELS[issuer.format]}），今后印发的${this.kinds.label(kind)}随之改变。`,
      rerender: async () => ({ view: 'notices/list', model: await this.listModel(access, LATEST, { issuer: { kind, body } }) }),
    });
  }

  /** The seal in force, shown beside its forms (before `:id`, which would take "seal" for an id). */
  @Get('seal')
  @RequirePermission(Permission.NoticesManage)
  async sealImage(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    // Replaced under the same address: never shown from a cache.
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(await this.seal.image(), { type: 'image/png' });
  }

  @Post('seal')
  @RequirePermission(Permission.NoticesManage)
  @UploadFiles()
  uploadSeal(@CurrentAccess() access: Access, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response) {
    return this.sealStep(req, res, access, {
      values: { version: formValue(body.version) },
      run: (dto) => this.seal.upload(access, files, dto.version),
      flash: (seal) => `已上传印章“${seal.fileName}”，此后印发的通知加盖此印章；已印发的不变。`,
    });
  }

  @Post('seal/remove')
  @RequirePermission(Permission.NoticesManage)
  removeSeal(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.sealStep(req, res, access, {
      values: { version: formValue(body.version) },
      run: (dto) => this.seal.remove(dto.version),
      flash: '已移除印章，此后印发的通知不加盖印章；已印发的不变。',
    });
  }

  /** A change of the seal: back to the list saying so, or the list with the settings open and why it was refused. */
  private sealStep<R>(req: Request, res: Response, access: Access, step: Pick<PageStep<SettingVersionDto, R>, 'values' | 'run' | 'flash'>): Promise<void> {
    return pageStep(req, res, { ...step, dto: SettingVersionDto, done: '/notices', rerender: async () => ({ view: 'notices/list', model: await this.listModel(access, LATEST, {}) }) });
  }

  @Get(':id')
  @RequirePermission(Permission.NoticesRead)
  @Render('notices/detail')
  async detail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return { ...(await this.detailModel(access, id)), errors: [] };
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
    const { content, fileName } = await this.notices.pdf(access, id);
    res.setHeader('Content-Disposition', contentDisposition(fileName));
    return new StreamableFile(content, { type: 'application/pdf' });
  }

  @Post(':id/edit')
  @RequirePermission(Permission.NoticesManage)
  async edit(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const current = await this.notices.get(access, id);
    return this.step(req, res, access, id, {
      dto: UpdateNoticeDto,
      values: {
        version: formValue(body.version),
        title: formValue(body.title)?.trim(),
        addressee: formValue(body.addressee)?.trim(),
        // One recipient a line: a name may itself hold 、 or ，, as in 李明远（副市长、联席会议召集人）.
        copyTo: linesField(body.copyTo),
        content: contentFromForm(current.content, body),
      },
      run: (dto) => this.notices.update(access, id, dto),
      // 保存并印发: what was just typed is what gets issued, after the question.
      done: formValue(body.then) === 'issue' ? `/notices/${id}/issue` : `/notices/${id}`,
      flash: formValue(body.then) === 'issue' ? '已保存草稿，请确认印发。' : '已保存草稿。',
    });
  }

  /** The question before issuing, for the draft as saved. */
  @Get(':id/issue')
  @RequirePermission(Permission.NoticesManage)
  async issueQuestion(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    const { version } = await this.notices.get(access, id);
    try {
      const question = await this.confirmIssue(access, id, version);
      res.render('confirm', { ...question, action: `/notices/${id}/issue`, hidden: [{ name: 'version', value: String(version) }, { name: SUBMISSION_FIELD, value: randomUUID() }] });
    } catch (error) {
      // Not issuable as it stands (incomplete, already issued): the notice, saying why.
      if (!(error instanceof DomainError) || ['NOT_FOUND', 'FORBIDDEN'].includes(error.code)) throw error;
      res.status(ERROR_STATUS[error.code]).render('notices/detail', { ...(await this.detailModel(access, id)), errors: Array.isArray(error.details) && error.details.length ? error.details : [{ field: '', message: error.message }] });
    }
  }

  @Post(':id/issue')
  @RequirePermission(Permission.NoticesManage)
  issue(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.step(req, res, access, id, {
      dto: IssueNoticeDto,
      values: { version: formValue(body.version) },
      confirm: (dto) => this.confirmIssue(access, id, dto.version),
      run: (dto) => this.notices.issue(access, id, dto.version),
      flash: (notice) => `已印发，文号 ${notice.number}。PDF 生成后即送达接收方，本页会自动刷新。`,
    });
  }

  @Post(':id/void')
  @RequirePermission(Permission.NoticesManage)
  voidNotice(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.step(req, res, access, id, {
      dto: VoidNoticeDto,
      values: { reason: formValue(body.reason)?.trim() ?? '' },
      confirm: async (dto) => {
        const notice = await this.notices.get(access, id);
        return {
          title: `确认作废：${notice.number}`,
          question: '作废后这份通知不再有效，接收方会看到作废理由；文号不再使用。需要时可起草更正件。',
          facts: [
            { label: '标题', value: notice.title },
            { label: '作废理由', value: dto.reason },
          ],
          confirmLabel: '作废',
        };
      },
      run: (dto) => this.notices.void(access, id, dto),
      flash: '已作废。可起草更正件。',
    });
  }

  @Post(':id/correct')
  @RequirePermission(Permission.NoticesManage)
  async correct(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Res() res: Response) {
    const voided = await this.notices.get(access, id);
    const correction = await this.notices.createDraft(access, { kind: voided.kind, replacesId: id });
    setFlash(res, `已起草 ${voided.number} 的更正件，请修改后印发。`);
    res.redirect(303, `/notices/${correction.id}`);
  }

  @Post(':id/chase')
  @RequirePermission(Permission.NoticesManage)
  chase(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Req() req: Request, @Res() res: Response) {
    return this.step(req, res, access, id, { values: {}, run: () => this.notices.chase(access, id), flash: '已提醒未签收的接收方。' });
  }

  @Post(':id/acknowledge')
  @RequirePermission(Permission.NoticesAcknowledge)
  acknowledge(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Req() req: Request, @Res() res: Response) {
    return this.step(req, res, access, id, { values: {}, run: () => this.notices.acknowledge(access, id), flash: '已签收。' });
  }

  /** What issuing will do, asked first; refused before asking if the draft could not be issued. */
  private async confirmIssue(access: Access, id: number, version: number): Promise<Confirmation> {
    const notice = await this.notices.assertIssuable(access, id, version);
    const unreachable = notice.recipients.filter((r) => !r.reachable).map((r) => r.name);
    const cautions = await this.kinds.issueCautions(notice.kind, notice.content);
    return {
      title: `确认印发：${this.kinds.label(notice.kind)}`,
      question: `印发即取文号、生成 PDF 并送达接收方。印发后内容不能修改，只能作废后另发更正件。${cautions.join('')}${unreachableWarning(unreachable)}`,
      facts: [
        { label: '标题', value: notice.title },
        { label: '主送', value: notice.addressee },
        { label: '抄送', value: notice.copyTo.join('；') || '—' },
      ],
      confirmLabel: '印发',
    };
  }

  /** A step on one notice: back to the notice with what happened, or the notice again with the reason it was refused. */
  private step<T extends object, R>(req: Request, res: Response, access: Access, id: number, step: Omit<PageStep<T, R>, 'done' | 'rerender'> & { done?: string }): Promise<void> {
    return pageStep(req, res, { ...step, done: step.done ?? `/notices/${id}`, rerender: async () => ({ view: 'notices/detail', model: await this.detailModel(access, id, req.body as FormBody) }) });
  }

  /** The notice's page; after a refused edit, its form shows what was typed. */
  private async detailModel(access: Access, id: number, typed: FormBody = {}) {
    const stored = await this.notices.get(access, id);
    const editing = typed.title !== undefined;
    const notice = editing ? { ...stored, title: formValue(typed.title) ?? '', addressee: formValue(typed.addressee) ?? '', copyTo: linesField(typed.copyTo) } : stored;
    const rendering = notice.status === 'issued' && notice.pdfStatus !== 'ready';
    const failing = rendering && notice.pdfStatus === 'failing';
    // Why it failed is the office's to know and act on; recipients only see that the PDF is on its way.
    const pdfFailure = failing && this.manages(access) ? await this.notices.renderFailure(id) : null;
    const mine = notice.recipients.find((r) => (r.unitId !== null && r.unitId === access.actor.unitId) || r.userId === access.actor.userId);
    const kindLabel = this.kinds.label(notice.kind);
    return {
      title: notice.number ?? `${kindLabel}（草稿）`,
      // An interview letter is titled 约谈通知书 itself: said once.
      heading: notice.title === kindLabel ? kindLabel : `${kindLabel}：${notice.title}`,
      notice: { ...notice, kindLabel, copyToText: notice.copyTo.join('\n') },
      // The layout it was issued in (a draft follows the kind's current one, shown in the preview).
      formatLabel: notice.format ? NOTICE_FORMAT_LABELS[notice.format] : null,
      rendering,
      pdfFailure,
      // While the PDF is being made the page looks again by itself, so it appears without a manual reload.
      refreshSeconds: rendering ? (failing ? PDF_FAILING_REFRESH_SECONDS : PDF_REFRESH_SECONDS) : null,
      unreachable: notice.recipients.filter((r) => !r.reachable).map((r) => r.name),
      fields: contentFields(this.kinds.get(notice.kind), notice.content).map((field) => (editing && !field.readOnly ? { ...field, value: formValue(typed[`content.${field.name}`]) ?? field.value } : field)),
      manages: this.manages(access),
      editable: this.manages(access) && notice.status === 'draft',
      unacknowledged: notice.status === 'issued' && notice.recipients.some((r) => !r.acknowledgedAt),
      // Signed for once there is something to read: the PDF.
      canAcknowledge: notice.status === 'issued' && !!notice.pdfSha256 && !!mine && !mine.acknowledgedAt && scopeOf(access.actor.role, Permission.NoticesAcknowledge) !== null,
    };
  }

  private manages(access: Access): boolean {
    return scopeOf(access.actor.role, Permission.NoticesManage) !== null;
  }
}
