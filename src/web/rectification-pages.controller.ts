import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { PRIORITIES } from '../directives/directive.entity';
import { AddFindingsDto, CreateInspectionDto, InspectionQueryDto, IssueInspectionDto } from '../inspections/dto/inspection.dto';
import { INSPECTION_TYPE_LABELS, INSPECTION_TYPES } from '../inspections/inspection.entity';
import { InspectionsService } from '../inspections/inspections.service';
import { ApproveListingDto, CreateListingDto, DelistDto, DismissListingDto, LowerListingDto, UpdateListingRuleDto } from '../listings/dto/listing.dto';
import { CARD_LABELS, CARDS, LISTING_RULE_KEYS, ListingRuleKey } from '../listings/listing-rules';
import { ListingsService } from '../listings/listings.service';
import { RectificationNoteDto, RectificationPlanDto, RectificationReasonDto, RectificationQueryDto, RectificationReopenDto, RectificationReportDto } from '../rectifications/dto/rectification.dto';
import { isOpenRectification } from '../rectifications/rectification-state';
import { RectificationsService } from '../rectifications/rectifications.service';
import { ScheduleQueryDto } from '../reminders/dto/reminders.dto';
import { ScheduleService } from '../reminders/schedule.service';
import { UnitsService } from '../units/units.service';
import { DomainError, staleVersion } from '../common/errors/domain-error';
import { setFlash } from './flash';
import { checkboxField, Confirmation, FormBody, formFields, formValue, linesField, listField, pageStep } from './forms';
import { NoticeKinds } from '../notices/notice-kinds';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { exportLink, pager } from './pager';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';

const TYPE_OPTIONS = INSPECTION_TYPES.map((value) => ({ value, label: INSPECTION_TYPE_LABELS[value] }));
const CARD_OPTIONS = CARDS.map((value) => ({ value, label: CARD_LABELS[value] }));

interface StepRoute<S> {
  dto: new () => object;
  run: (service: S, access: Access, id: number, dto: object) => Promise<unknown>;
  /** What the page says once it is done. */
  done: string;
  /** Irreversible steps ask first. */
  confirms?: boolean;
}

/** The rectification item's steps as page routes: the path segment, the API's DTO, the service call, what is said after. */
const STEPS: Record<string, StepRoute<RectificationsService>> = {
  plan: { dto: RectificationPlanDto, run: (s, a, id, dto) => s.submitPlan(a, id, dto as RectificationPlanDto), done: '已报送整改方案，等待协调办审核。' },
  'plan-accept': { dto: RectificationNoteDto, run: (s, a, id, dto) => s.acceptPlan(a, id, dto as RectificationNoteDto), done: '已通过整改方案，单位将按方案整改并报送整改报告。' },
  'plan-return': { dto: RectificationReasonDto, run: (s, a, id, dto) => s.returnPlan(a, id, dto as RectificationReasonDto), done: '已退回整改方案，单位会收到退回理由。' },
  'sign-off': { dto: RectificationNoteDto, run: (s, a, id, dto) => s.signOff(a, id, dto as RectificationNoteDto), done: '已验收销号，不再催办。', confirms: true },
  'report-return': { dto: RectificationReasonDto, run: (s, a, id, dto) => s.returnReport(a, id, dto as RectificationReasonDto), done: '已退回整改报告，单位会收到退回理由，事项继续催办。' },
  reopen: { dto: RectificationReopenDto, run: (s, a, id, dto) => s.reopen(a, id, dto as RectificationReopenDto), done: '已重新打开整改（回头看），新的整改时限已通知单位。' },
  cancel: { dto: RectificationReasonDto, run: (s, a, id, dto) => s.cancel(a, id, dto as RectificationReasonDto), done: '已撤销这项整改，不再催办。', confirms: true },
};
type StepName = keyof typeof STEPS;
const OFFICE_STEPS: StepName[] = ['plan-accept', 'plan-return', 'sign-off', 'report-return', 'reopen', 'cancel'];

/** Listing decisions as page routes. */
const LISTING_STEPS: Record<string, StepRoute<ListingsService>> = {
  approve: { dto: ApproveListingDto, run: (s, a, id, dto) => s.approve(a, id, dto as ApproveListingDto), done: '已批准挂牌，单位及其领导已收到通知。', confirms: true },
  dismiss: { dto: DismissListingDto, run: (s, a, id, dto) => s.dismiss(a, id, dto as DismissListingDto), done: '已决定不予挂牌。' },
  lower: { dto: LowerListingDto, run: (s, a, id, dto) => s.lower(a, id, dto as LowerListingDto), done: '已由红牌降为黄牌。' },
  delist: { dto: DelistDto, run: (s, a, id, dto) => s.delist(a, id, dto as DelistDto), done: '已摘牌。' },
};
type ListingStepName = keyof typeof LISTING_STEPS;

const NOTICE_MODE_DONE = { issue: '，整改通知书已印发，PDF 生成后送达各单位', draft: '，整改通知书草稿已生成，请在“公文通知”中审改后印发', none: '' };

/** Pages for inspections, rectification items and listings (挂牌整治). */
@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class RectificationPagesController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly rectifications: RectificationsService,
    private readonly listings: ListingsService,
    private readonly schedule: ScheduleService,
    private readonly units: UnitsService,
    private readonly noticeKinds: NoticeKinds,
  ) {}

  @Get('inspections')
  @RequirePermission(Permission.InspectionsRead)
  @Render('inspections/list')
  async inspectionList(@CurrentAccess() access: Access, @Query() query: InspectionQueryDto) {
    const page = await this.inspections.list(access, query);
    return { title: '督导检查', inspections: page.items, pager: pager(page, { ...query, page: undefined }), manages: this.manages(access, Permission.InspectionsManage) };
  }

  @Get('inspections/new')
  @RequirePermission(Permission.InspectionsManage)
  @Render('inspections/form')
  async newInspection(@CurrentAccess() access: Access) {
    return { ...(await this.inspectionForm(access, {}, [])), errors: [] };
  }

  @Post('inspections')
  @RequirePermission(Permission.InspectionsManage)
  createInspection(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body, ['unitIds']);
    const unitIds = listField(body.unitIds);
    return pageStep(req, res, {
      dto: CreateInspectionDto,
      values: { ...fields, unitIds },
      run: (dto) => this.inspections.create(access, dto),
      done: (created) => `/inspections/${created.id}`,
      flash: (created) => `已登记督导检查“${created.title}”（被检查单位 ${created.unitIds.length} 个）。请上传照片、检查记录，逐条录入发现的问题。`,
      rerender: async () => ({ view: 'inspections/form', model: await this.inspectionForm(access, fields, unitIds) }),
    });
  }

  @Get('inspections/:id')
  @RequirePermission(Permission.InspectionsRead)
  @Render('inspections/detail')
  async inspectionDetail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return { ...(await this.inspectionModel(access, id, {})), errors: [] };
  }

  @Post('inspections/:id/findings')
  @RequirePermission(Permission.InspectionsManage)
  addFinding(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    return pageStep(req, res, {
      dto: AddFindingsDto,
      values: { findings: [{ ...fields, unitId: fields.unitId, requirements: linesField(body.requirements) }] },
      run: (dto) => this.inspections.addFindings(access, id, dto.findings),
      done: `/inspections/${id}`,
      flash: '已录入这个问题（待下发）。可继续录入，全部录完后下发给责任单位。',
      rerender: async () => ({ view: 'inspections/detail', model: await this.inspectionModel(access, id, fields) }),
    });
  }

  @Post('inspections/:id/attachments')
  @RequirePermission(Permission.InspectionsManage)
  @UploadFiles()
  attach(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      values: {},
      run: () => {
        if (files.length === 0) throw new DomainError('VALIDATION_FAILED', '请先选择要上传的照片或检查记录', [{ field: 'files', message: '请先选择要上传的照片或检查记录' }]);
        return this.inspections.attach(access, id, files);
      },
      done: `/inspections/${id}`,
      flash: `已上传 ${files.length} 个文件。`,
      rerender: async () => ({ view: 'inspections/detail', model: await this.inspectionModel(access, id, {}) }),
    });
  }

  @Post('inspections/:id/issue')
  @RequirePermission(Permission.InspectionsManage)
  issue(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: IssueInspectionDto,
      values: formFields(body),
      // Issuing rectification notices (印发) takes their numbers and sends them: asked first.
      confirm: async (dto) => (dto.notices === 'issue' ? this.issueQuestion(access, id) : null),
      // The drafts are what gets issued: counted first, since issued and cancelled items stay on the list.
      run: async (dto) => {
        const drafts = (await this.inspections.get(access, id)).items.filter((i) => i.status === 'draft').length;
        await this.inspections.issue(access, id, dto);
        return { drafts, notices: dto.notices };
      },
      done: `/inspections/${id}`,
      flash: ({ drafts, notices }) => `已下发 ${drafts} 项整改事项${NOTICE_MODE_DONE[notices]}。`,
      rerender: async () => ({ view: 'inspections/detail', model: await this.inspectionModel(access, id, {}) }),
    });
  }

  @Get('rectifications')
  @RequirePermission(Permission.RectificationsRead)
  @Render('rectifications/list')
  async rectificationList(@CurrentAccess() access: Access, @Query() query: RectificationQueryDto) {
    const page = await this.rectifications.list(access, query);
    // Leaders and the office see the open items by unit at the top.
    const byUnit = access.unitRestriction === null ? await this.rectifications.openByUnit(access) : [];
    return {
      title: access.unitRestriction === null ? '整改事项' : '本单位整改事项',
      items: page.items,
      byUnit,
      filter: { open: query.open === true, overdue: query.overdue === true },
      pager: pager(page, { ...query, page: undefined }),
      exportLink: exportLink(access.actor, '/ledger/rectifications.xlsx', { ...query }),
    };
  }

  @Get('rectifications/:id')
  @RequirePermission(Permission.RectificationsRead)
  @Render('rectifications/detail')
  async rectificationDetail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return { ...(await this.rectificationModel(access, id, {})), errors: [] };
  }

  @Post('rectifications/:id/report')
  @RequirePermission(Permission.RectificationsWork)
  @UploadFiles()
  report(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    return pageStep(req, res, {
      dto: RectificationReportDto,
      values: fields,
      run: (dto) => this.rectifications.submitReport(access, id, dto, files),
      done: `/rectifications/${id}`,
      flash: `已报送整改报告（附 ${files.length} 个佐证材料），等待协调办验收。`,
      rerender: async () => ({ view: 'rectifications/detail', model: await this.rectificationModel(access, id, { ...fields, failed: 'report' }) }),
    });
  }

  @Post('rectifications/:id/plan')
  @RequirePermission(Permission.RectificationsWork)
  plan(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.step(access, id, 'plan', body, req, res);
  }

  @Post('rectifications/:id/:step')
  @RequirePermission(Permission.RectificationsReview)
  officeStep(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('step', new ParseOneOfPipe(OFFICE_STEPS, '操作')) step: StepName, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return this.step(access, id, step, body, req, res);
  }

  @Get('listings')
  @RequirePermission(Permission.ListingsRead)
  @Render('listings/list')
  async listingList(@CurrentAccess() access: Access) {
    return { ...(await this.listingsModel(access, {})), errors: [] };
  }

  @Post('listings')
  @RequirePermission(Permission.ListingsManage)
  createListing(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    return pageStep(req, res, {
      dto: CreateListingDto,
      values: { unitId: fields.unitId, card: fields.card, reason: fields.reason, conditionsText: fields.conditionsText, circular: fields.circular, conditions: conditionsField(body) },
      confirm: async (dto) => {
        const unit = await this.units.get(access, dto.unitId);
        return {
          title: `确认挂${CARD_LABELS[dto.card]}`,
          question: `挂牌后，${unit.name}即列入挂牌整治，其联络员和领导会收到通知；之后只能按摘牌条件核查后摘牌。`,
          facts: [
            { label: '单位', value: unit.name },
            { label: '牌', value: CARD_LABELS[dto.card] },
            { label: '挂牌原因', value: dto.reason },
            { label: '摘牌条件', value: dto.conditionsText },
          ],
          confirmLabel: `挂${CARD_LABELS[dto.card]}`,
        };
      },
      run: (dto) => this.listings.create(access, dto),
      done: (listing) => `/listings/${listing.id}`,
      flash: (listing) => `已对${listing.unitName}挂${CARD_LABELS[listing.card]}，单位及其领导已收到通知。`,
      rerender: async () => ({ view: 'listings/list', model: await this.listingsModel(access, fields) }),
    });
  }

  @Post('listings/check')
  @RequirePermission(Permission.ListingsManage)
  async checkRules(@Res() res: Response) {
    const proposed = await this.listings.applyRules();
    setFlash(res, proposed ? `已按规则检查，新提请挂牌 ${proposed} 个单位，请审批。` : '已按规则检查，没有新的提请挂牌。');
    res.redirect(303, '/listings');
  }

  @Post('listings/rules/:key')
  @RequirePermission(Permission.ListingsManage)
  updateRule(@CurrentAccess() access: Access, @Param('key', new ParseOneOfPipe(LISTING_RULE_KEYS, '规则')) key: ListingRuleKey, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    return pageStep(req, res, {
      dto: UpdateListingRuleDto,
      values: { version: fields.version, threshold: fields.threshold, card: fields.card, enabled: checkboxField(body.enabled) },
      run: (dto) => this.listings.updateRule(access, key, dto),
      done: '/listings',
      flash: '已保存提请挂牌的规则。',
      rerender: async () => ({ view: 'listings/list', model: await this.listingsModel(access, {}, { key, body }) }),
    });
  }

  @Get('listings/:id')
  @RequirePermission(Permission.ListingsRead)
  @Render('listings/detail')
  async listingDetail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return { ...(await this.listingModel(access, id)), errors: [] };
  }

  @Post('listings/:id/:step')
  @RequirePermission(Permission.ListingsManage)
  listingStep(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('step', new ParseOneOfPipe(Object.keys(LISTING_STEPS), '操作')) step: ListingStepName, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    const route = LISTING_STEPS[step];
    return pageStep(req, res, {
      dto: route.dto,
      // Only delisting has the override box; the other decisions' DTOs refuse a field they do not know.
      values: { ...fields, version: fields.version, ...(step === 'delist' ? { override: checkboxField(body.override) } : {}) },
      confirm: route.confirms
        ? async (parsed) => {
            const listing = await this.listings.get(access, id);
            if (listing.version !== (parsed as { version: number }).version) throw staleVersion('该挂牌记录', 'updated');
            return {
              title: `确认对${listing.unitName}挂${CARD_LABELS[listing.card]}`,
              question: `批准后，${listing.unitName}即列入挂牌整治，其联络员和领导会收到通知；之后只能按摘牌条件核查后摘牌。`,
              facts: [
                { label: '原因', value: listing.reason },
                { label: '摘牌条件', value: listing.conditionsText },
              ],
              confirmLabel: '批准挂牌',
            };
          }
        : undefined,
      run: (dto) => route.run(this.listings, access, id, dto),
      done: `/listings/${id}`,
      flash: route.done,
      rerender: async () => ({ view: 'listings/detail', model: await this.listingModel(access, id) }),
    });
  }

  private step(access: Access, id: number, step: StepName, body: FormBody, req: Request, res: Response) {
    const fields = formFields(body);
    const route = STEPS[step];
    return pageStep(req, res, {
      dto: route.dto,
      values: fields,
      confirm: route.confirms ? async (parsed) => this.stepQuestion(access, id, step, (parsed as { version: number }).version) : undefined,
      run: (dto) => route.run(this.rectifications, access, id, dto),
      done: `/rectifications/${id}`,
      flash: route.done,
      rerender: async () => ({ view: 'rectifications/detail', model: await this.rectificationModel(access, id, { ...fields, failed: step }) }),
    });
  }

  /** Signing off and cancelling end the item: asked first. */
  private async stepQuestion(access: Access, id: number, step: StepName, version: number): Promise<Confirmation> {
    const item = await this.rectifications.get(access, id);
    if (item.version !== version) throw staleVersion('该整改事项', 'updated');
    const signOff = step === 'sign-off';
    return {
      title: `${signOff ? '确认销号' : '确认撤销'}：${item.code}`,
      question: signOff ? '销号表示整改已验收合格：事项办结，不再催办。如回头看发现问题反弹，只能重新打开整改。' : '撤销后这项整改不再办理、不再催办，也不能恢复。',
      facts: [
        { label: '责任单位', value: item.unitName },
        { label: '问题', value: `${item.location}：${item.problem}` },
      ],
      confirmLabel: signOff ? '验收销号' : '撤销整改',
    };
  }

  private async issueQuestion(access: Access, id: number): Promise<Confirmation> {
    const inspection = await this.inspections.get(access, id);
    const drafts = inspection.items.filter((i) => i.status === 'draft');
    const units = [...new Set(drafts.map((d) => d.unitName))];
    return {
      title: '确认下发并印发整改通知书',
      question: `将下发 ${drafts.length} 项整改事项，并为 ${units.length} 个单位各印发一份整改通知书：取文号、生成 PDF 并送达。印发后不能修改，只能作废。`,
      facts: [{ label: '责任单位', value: units.join('、') }],
      confirmLabel: '下发并印发',
    };
  }

  private manages(access: Access, permission: Permission): boolean {
    return scopeOf(access.actor.role, permission) === 'all';
  }

  private async memberUnits(access: Access) {
    return (await this.units.listAll(access)).filter((u) => u.kind !== 'office' && u.active).map((u) => ({ value: String(u.id), label: u.shortName }));
  }

  private async inspectionForm(access: Access, form: Record<string, string>, ticked: string[]) {
    const unitOptions = (await this.memberUnits(access)).map((u) => ({ ...u, checked: ticked.includes(u.value) }));
    return { title: '登记督导检查', typeOptions: TYPE_OPTIONS, unitOptions, form: { title: '', type: 'unannounced', inspectedOn: '', inspectors: '', summary: '', ...form } };
  }

  private async inspectionModel(access: Access, id: number, form: Record<string, string>) {
    const inspection = await this.inspections.get(access, id);
    return {
      title: inspection.title,
      inspection,
      manages: this.manages(access, Permission.InspectionsManage),
      unitOptions: inspection.unitIds.map((unitId, i) => ({ value: String(unitId), label: inspection.unitNames[i] })),
      priorityOptions: PRIORITIES.map((value) => ({ value })),
      drafts: inspection.items.filter((i) => i.status === 'draft').length,
      form: { unitId: '', location: '', problem: '', rule: '', requirements: '', deadlineDays: '10', recheckOn: '', priority: 'important', ...form },
    };
  }

  private async rectificationModel(access: Access, id: number, form: Record<string, string>) {
    const item = await this.rectifications.get(access, id);
    const can = Object.fromEntries(item.availableActions.map((action) => [action, true]));
    const upcoming = (await this.schedule.list(access, Object.assign(new ScheduleQueryDto(), { rectificationId: id, status: 'pending', page: 1, pageSize: 20 }))).items;
    return {
      title: `${item.code} · ${item.unitName}`,
      item,
      upcoming,
      can: { submit_plan: false, accept_plan: false, return_plan: false, submit_report: false, sign_off: false, return_report: false, reopen: false, cancel: false, ...can },
      // The office drafts a notice on an item still being worked on (not one waiting to be issued, signed off or cancelled).
      noticeKinds: this.manages(access, Permission.NoticesManage) && isOpenRectification(item.status) ? this.noticeKinds.draftableFrom('rectification').map((k) => ({ value: k.kind, label: k.label })) : [],
      form: { failed: '', plan: '', report: '', reason: '', note: '', deadlineDays: '10', recheckOn: '', ...form },
    };
  }

  /** The listings page; a refused rule form shows what was typed in it. */
  private async listingsModel(access: Access, form: Record<string, string>, typedRule?: { key: ListingRuleKey; body: FormBody }) {
    const all = await this.listings.list(access, {});
    const manages = this.manages(access, Permission.ListingsManage);
    return {
      title: '挂牌整治',
      active: all.filter((l) => l.status === 'active'),
      proposals: all.filter((l) => l.status === 'proposed'),
      past: all.filter((l) => !['active', 'proposed'].includes(l.status)),
      manages,
      rules: (manages ? await this.listings.rules() : []).map((rule) =>
        rule.key === typedRule?.key ? { ...rule, threshold: formValue(typedRule.body.threshold) ?? rule.threshold, card: formValue(typedRule.body.card) ?? rule.card, enabled: checkboxField(typedRule.body.enabled) } : rule,
      ),
      unitOptions: manages ? await this.memberUnits(access) : [],
      cardOptions: CARD_OPTIONS,
      form: { unitId: '', card: 'yellow', reason: '', conditionsText: '连续30天无逾期事项，且全部整改事项已销号。', noOverdueDays: '30', ...form },
    };
  }

  private async listingModel(access: Access, id: number) {
    const listing = await this.listings.get(access, id);
    return { title: `挂牌记录 #${listing.id} · ${listing.unitName}`, listing, manages: this.manages(access, Permission.ListingsManage) };
  }
}

/** The measurable delisting conditions from the listing form. */
function conditionsField(body: FormBody): { noOverdueDays?: number; allSignedOff: boolean } {
  const days = formFields(body).noOverdueDays;
  return { ...(days ? { noOverdueDays: Number(days) } : {}), allSignedOff: checkboxField(body.allSignedOff) };
}
