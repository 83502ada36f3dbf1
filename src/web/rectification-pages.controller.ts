import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { FieldError } from '../common/validation';
import { PRIORITIES } from '../directives/directive.entity';
import { AddFindingsDto, CreateInspectionDto, InspectionQueryDto, IssueInspectionDto } from '../inspections/dto/inspection.dto';
import { INSPECTION_TYPE_LABELS, INSPECTION_TYPES } from '../inspections/inspection.entity';
import { InspectionsService } from '../inspections/inspections.service';
import { ApproveListingDto, CreateListingDto, DelistDto, DismissListingDto, LowerListingDto, UpdateListingRuleDto } from '../listings/dto/listing.dto';
import { CARD_LABELS, CARDS, LISTING_RULE_KEYS, ListingRuleKey } from '../listings/listing-rules';
import { ListingsService } from '../listings/listings.service';
import { RectificationNoteDto, RectificationPlanDto, RectificationReasonDto, RectificationQueryDto, RectificationReopenDto, RectificationReportDto } from '../rectifications/dto/rectification.dto';
import { RectificationsService } from '../rectifications/rectifications.service';
import { ScheduleQueryDto } from '../reminders/dto/reminders.dto';
import { ScheduleService } from '../reminders/schedule.service';
import { UnitsService } from '../units/units.service';
import { checkboxField, FormBody, formFields, linesField, listField, runFormStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { pager } from './pager';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';

/** The upload form has no fields besides its files. */
class AttachFormDto {}

const TYPE_OPTIONS = INSPECTION_TYPES.map((value) => ({ value, label: INSPECTION_TYPE_LABELS[value] }));
const CARD_OPTIONS = CARDS.map((value) => ({ value, label: CARD_LABELS[value] }));

/** The rectification item's steps as page routes: the path segment, the API's DTO and the service call. */
const STEPS = {
  plan: { dto: RectificationPlanDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.submitPlan(a, id, dto as RectificationPlanDto) },
  'plan-accept': { dto: RectificationNoteDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.acceptPlan(a, id, dto as RectificationNoteDto) },
  'plan-return': { dto: RectificationReasonDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.returnPlan(a, id, dto as RectificationReasonDto) },
  'sign-off': { dto: RectificationNoteDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.signOff(a, id, dto as RectificationNoteDto) },
  'report-return': { dto: RectificationReasonDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.returnReport(a, id, dto as RectificationReasonDto) },
  reopen: { dto: RectificationReopenDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.reopen(a, id, dto as RectificationReopenDto) },
  cancel: { dto: RectificationReasonDto, run: (s: RectificationsService, a: Access, id: number, dto: object) => s.cancel(a, id, dto as RectificationReasonDto) },
} as const;
type StepName = keyof typeof STEPS;
const OFFICE_STEPS: StepName[] = ['plan-accept', 'plan-return', 'sign-off', 'report-return', 'reopen', 'cancel'];

/** Listing decisions as page routes. */
const LISTING_STEPS = {
  approve: { dto: ApproveListingDto, run: (s: ListingsService, a: Access, id: number, dto: object) => s.approve(a, id, dto as ApproveListingDto) },
  dismiss: { dto: DismissListingDto, run: (s: ListingsService, a: Access, id: number, dto: object) => s.dismiss(a, id, dto as DismissListingDto) },
  lower: { dto: LowerListingDto, run: (s: ListingsService, a: Access, id: number, dto: object) => s.lower(a, id, dto as LowerListingDto) },
  delist: { dto: DelistDto, run: (s: ListingsService, a: Access, id: number, dto: object) => s.delist(a, id, dto as DelistDto) },
} as const;
type ListingStepName = keyof typeof LISTING_STEPS;

/** Pages for inspections, rectification items and listings (挂牌整治). */
@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor)
export class RectificationPagesController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly rectifications: RectificationsService,
    private readonly listings: ListingsService,
    private readonly schedule: ScheduleService,
    private readonly units: UnitsService,
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
    return this.inspectionForm(access, [], {});
  }

  @Post('inspections')
  @RequirePermission(Permission.InspectionsManage)
  async createInspection(@CurrentAccess() access: Access, @Body() body: FormBody, @Res() res: Response) {
    const fields = formFields(body);
    const values = { ...fields, unitIds: listField(body.unitIds).map(Number) };
    await runFormStep(res, values, CreateInspectionDto, (dto) => this.inspections.create(access, dto), (created) => `/inspections/${created.id}`, async (errors) => ({ view: 'inspections/form', model: await this.inspectionForm(access, errors, fields) }));
  }

  @Get('inspections/:id')
  @RequirePermission(Permission.InspectionsRead)
  @Render('inspections/detail')
  inspectionDetail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return this.inspectionModel(access, id, [], {});
  }

  @Post('inspections/:id/findings')
  @RequirePermission(Permission.InspectionsManage)
  addFinding(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    const fields = formFields(body);
    const finding = { ...fields, requirements: linesField(body.requirements) };
    return runFormStep(res, { findings: [finding] }, AddFindingsDto, (dto) => this.inspections.addFindings(access, id, dto.findings), `/inspections/${id}`, async (errors) => ({ view: 'inspections/detail', model: await this.inspectionModel(access, id, errors, fields) }));
  }

  @Post('inspections/:id/attachments')
  @RequirePermission(Permission.InspectionsManage)
  @UploadFiles()
  async attach(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @UploadedFiles() files: UploadedFile[] = [], @Res() res: Response) {
    return runFormStep(res, {}, AttachFormDto, () => this.inspections.attach(access, id, files), `/inspections/${id}`, async (errors) => ({ view: 'inspections/detail', model: await this.inspectionModel(access, id, errors, {}) }));
  }

  @Post('inspections/:id/issue')
  @RequirePermission(Permission.InspectionsManage)
  issue(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return runFormStep(res, formFields(body), IssueInspectionDto, (dto) => this.inspections.issue(access, id, dto), `/inspections/${id}`, async (errors) => ({ view: 'inspections/detail', model: await this.inspectionModel(access, id, errors, {}) }));
  }

  @Get('rectifications')
  @RequirePermission(Permission.RectificationsRead)
  @Render('rectifications/list')
  async rectificationList(@CurrentAccess() access: Access, @Query() query: RectificationQueryDto) {
    const page = await this.rectifications.list(access, query);
    // Leaders and the office see the open items by unit at the top.
    const byUnit = access.unitRestriction === null ? await this.openByUnit(access) : [];
    return {
      title: access.unitRestriction === null ? '整改事项' : '本单位整改事项',
      items: page.items,
      byUnit,
      filter: { open: query.open === true, overdue: query.overdue === true },
      pager: pager(page, { ...query, page: undefined }),
    };
  }

  @Get('rectifications/:id')
  @RequirePermission(Permission.RectificationsRead)
  @Render('rectifications/detail')
  rectificationDetail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return this.rectificationModel(access, id, [], {});
  }

  @Post('rectifications/:id/report')
  @RequirePermission(Permission.RectificationsWork)
  @UploadFiles()
  report(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Res() res: Response) {
    const fields = formFields(body);
    return runFormStep(res, fields, RectificationReportDto, (dto) => this.rectifications.submitReport(access, id, dto, files), `/rectifications/${id}`, async (errors) => ({ view: 'rectifications/detail', model: await this.rectificationModel(access, id, errors, { ...fields, failed: 'report' }) }));
  }

  @Post('rectifications/:id/plan')
  @RequirePermission(Permission.RectificationsWork)
  plan(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Res() res: Response) {
    return this.step(access, id, 'plan', body, res);
  }

  @Post('rectifications/:id/:step')
  @RequirePermission(Permission.RectificationsReview)
  officeStep(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('step', new ParseOneOfPipe(OFFICE_STEPS, '操作')) step: StepName, @Body() body: FormBody, @Res() res: Response) {
    return this.step(access, id, step, body, res);
  }

  @Get('listings')
  @RequirePermission(Permission.ListingsRead)
  @Render('listings/list')
  listingList(@CurrentAccess() access: Access) {
    return this.listingsModel(access, [], {});
  }

  @Post('listings')
  @RequirePermission(Permission.ListingsManage)
  createListing(@CurrentAccess() access: Access, @Body() body: FormBody, @Res() res: Response) {
    const fields = formFields(body);
    return runFormStep(res, { ...fields, unitId: Number(fields.unitId) || fields.unitId, conditions: conditionsField(body) }, CreateListingDto, (dto) => this.listings.create(access, dto), '/listings', async (errors) => ({ view: 'listings/list', model: await this.listingsModel(access, errors, fields) }));
  }

  @Post('listings/check')
  @RequirePermission(Permission.ListingsManage)
  async checkRules(@Res() res: Response) {
    await this.listings.applyRules();
    res.redirect(303, '/listings');
  }

  @Post('listings/rules/:key')
  @RequirePermission(Permission.ListingsManage)
  updateRule(@CurrentAccess() access: Access, @Param('key', new ParseOneOfPipe(LISTING_RULE_KEYS, '规则')) key: ListingRuleKey, @Body() body: FormBody, @Res() res: Response) {
    const fields = formFields(body);
    const values = { version: Number(fields.version), threshold: Number(fields.threshold), card: fields.card, enabled: checkboxField(body.enabled) };
    return runFormStep(res, values, UpdateListingRuleDto, (dto) => this.listings.updateRule(access, key, dto), '/listings', async (errors) => ({ view: 'listings/list', model: await this.listingsModel(access, errors, {}) }));
  }

  @Get('listings/:id')
  @RequirePermission(Permission.ListingsRead)
  @Render('listings/detail')
  listingDetail(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return this.listingModel(access, id, []);
  }

  @Post('listings/:id/:step')
  @RequirePermission(Permission.ListingsManage)
  listingStep(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('step', new ParseOneOfPipe(Object.keys(LISTING_STEPS), '操作')) step: ListingStepName, @Body() body: FormBody, @Res() res: Response) {
    const fields = formFields(body);
    const values = { ...fields, version: Number(fields.version), override: checkboxField(body.override) };
    const { dto, run } = LISTING_STEPS[step];
    return runFormStep(res, values, dto as new () => object, (parsed) => run(this.listings, access, id, parsed), `/listings/${id}`, async (errors) => ({ view: 'listings/detail', model: await this.listingModel(access, id, errors) }));
  }

  private step(access: Access, id: number, step: StepName, body: FormBody, res: Response) {
    const fields = formFields(body);
    const { dto, run } = STEPS[step];
    return runFormStep(res, fields, dto as new () => object, (parsed) => run(this.rectifications, access, id, parsed), `/rectifications/${id}`, async (errors) => ({ view: 'rectifications/detail', model: await this.rectificationModel(access, id, errors, { ...fields, failed: step }) }));
  }

  private manages(access: Access, permission: Permission): boolean {
    return scopeOf(access.actor.role, permission) === 'all';
  }

  private async memberUnits(access: Access) {
    return (await this.units.listAll(access)).filter((u) => u.kind !== 'office' && u.active).map((u) => ({ value: String(u.id), label: u.shortName }));
  }

  private async inspectionForm(access: Access, errors: FieldError[], form: Record<string, string>) {
    return { title: '登记督导检查', typeOptions: TYPE_OPTIONS, unitOptions: await this.memberUnits(access), errors, form: { title: '', type: 'unannounced', inspectedOn: '', inspectors: '', summary: '', ...form } };
  }

  private async inspectionModel(access: Access, id: number, errors: FieldError[], form: Record<string, string>) {
    const inspection = await this.inspections.get(access, id);
    return {
      title: inspection.title,
      inspection,
      manages: this.manages(access, Permission.InspectionsManage),
      unitOptions: inspection.unitIds.map((unitId, i) => ({ value: String(unitId), label: inspection.unitNames[i] })),
      priorityOptions: PRIORITIES.map((value) => ({ value })),
      drafts: inspection.items.filter((i) => i.status === 'draft').length,
      errors,
      form: { unitId: '', location: '', problem: '', rule: '', requirements: '', deadlineDays: '10', recheckOn: '', priority: 'important', ...form },
    };
  }

  private async rectificationModel(access: Access, id: number, errors: FieldError[], form: Record<string, string>) {
    const item = await this.rectifications.get(access, id);
    const can = Object.fromEntries(item.availableActions.map((action) => [action, true]));
    const upcoming = (await this.schedule.list(access, Object.assign(new ScheduleQueryDto(), { rectificationId: id, status: 'pending', page: 1, pageSize: 20 }))).items;
    return {
      title: `${item.code} · ${item.unitName}`,
      item,
      upcoming,
      can: { submit_plan: false, accept_plan: false, return_plan: false, submit_report: false, sign_off: false, return_report: false, reopen: false, cancel: false, ...can },
      errors,
      form: { failed: '', plan: '', report: '', reason: '', note: '', deadlineDays: '10', recheckOn: '', ...form },
    };
  }

  private async openByUnit(access: Access) {
    const open = await this.rectifications.list(access, Object.assign(new RectificationQueryDto(), { open: true, page: 1, pageSize: 100 }));
    const units = new Map<number, { unitId: number; unitName: string; open: number; overdue: number }>();
    for (const item of open.items) {
      const row = units.get(item.unitId) ?? { unitId: item.unitId, unitName: item.unitName, open: 0, overdue: 0 };
      row.open += 1;
      if (item.overdue) row.overdue += 1;
      units.set(item.unitId, row);
    }
    return [...units.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open);
  }

  private async listingsModel(access: Access, errors: FieldError[], form: Record<string, string>) {
    const all = await this.listings.list(access, {});
    const manages = this.manages(access, Permission.ListingsManage);
    return {
      title: '挂牌整治',
      active: all.filter((l) => l.status === 'active'),
      proposals: all.filter((l) => l.status === 'proposed'),
      past: all.filter((l) => !['active', 'proposed'].includes(l.status)),
      manages,
      rules: manages ? await this.listings.rules() : [],
      unitOptions: manages ? await this.memberUnits(access) : [],
      cardOptions: CARD_OPTIONS,
      errors,
      form: { unitId: '', card: 'yellow', reason: '', conditionsText: '连续30天无逾期事项，且全部整改事项已销号。', noOverdueDays: '30', ...form },
    };
  }

  private async listingModel(access: Access, id: number, errors: FieldError[]) {
    const listing = await this.listings.get(access, id);
    return { title: `挂牌记录 #${listing.id} · ${listing.unitName}`, listing, manages: this.manages(access, Permission.ListingsManage), errors };
  }
}

/** The measurable delisting conditions from the listing form. */
function conditionsField(body: FormBody): { noOverdueDays?: number; allSignedOff: boolean } {
  const days = formFields(body).noOverdueDays;
  return { ...(days ? { noOverdueDays: Number(days) } : {}), allSignedOff: checkboxField(body.allSignedOff) };
}
