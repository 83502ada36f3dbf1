import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { AcceptObjectionDto, AssessmentPageQueryDto, CircularDto, CircularOutlookView, CreatePeriodDto, LinesQueryDto, ObjectionDto, ObjectionQueryDto, PeriodVersionDto, PeriodView, RejectObjectionDto, UpdateRulesDto } from '../assessment/dto/assessment.dto';
import { circularCautions } from '../assessment/assessment-circular';
import { OBJECTION_STATUS_LABELS, OBJECTION_STATUSES } from '../assessment/assessment.entity';
import { PERIOD_KIND_LABELS, PERIOD_KINDS, RULE_KEYS } from '../assessment/assessment-rules';
import { AssessmentService } from '../assessment/assessment.service';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { CalendarService } from '../calendar/calendar.service';
import { NotFoundError } from '../common/errors/domain-error';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ParseOneOfPipe } from '../common/parse-one-of.pipe';
import { sendWorkbook } from '../spreadsheets/workbook-writer';
import { Confirmation, FormBody, formFields, formValue, pageStep } from './forms';
import { unreachableWarning } from './notice-form';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';

const KIND_OPTIONS = PERIOD_KINDS.map((value) => ({ value, label: PERIOD_KIND_LABELS[value] }));
const STATUS_OPTIONS = OBJECTION_STATUSES.map((value) => ({ value, label: OBJECTION_STATUS_LABELS[value] }));
const DECISIONS = ['accept', 'reject'] as const;

/** 考核排名 pages: the ranking with its lines, the rules, the objections. */
@ApiExcludeController()
@Controller('assessment')
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class AssessmentPagesController {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly calendar: CalendarService,
  ) {}

  @Get()
  @RequirePermission(Permission.AssessmentRead)
  @Render('assessment/ranking')
  async ranking(@CurrentAccess() access: Access, @Query() query: AssessmentPageQueryDto) {
    return { ...(await this.rankingModel(access, query)), errors: [] };
  }

  @Get('periods/:id/ranking.xlsx')
  @RequirePermission(Permission.AssessmentRead)
  async rankingWorkbook(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Query() query: LinesQueryDto, @Res() res: Response): Promise<void> {
    const { fileName, sheets } = await this.assessment.rankingWorkbook(access, id, query.version);
    await sendWorkbook(res, fileName, sheets);
  }

  @Post('periods')
  @RequirePermission(Permission.AssessmentManage)
  createPeriod(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    return pageStep(req, res, {
      dto: CreatePeriodDto,
      values: fields,
      run: (dto) => this.assessment.createPeriod(dto),
      done: (period) => `/assessment?periodId=${period.id}`,
      flash: (period) => `已建立${period.label}考核期，可预览排名后发布。`,
      rerender: async () => ({ view: 'assessment/ranking', model: await this.rankingModel(access, {}, fields) }),
    });
  }

  @Post('periods/:id/publish')
  @RequirePermission(Permission.AssessmentManage)
  publish(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: PeriodVersionDto,
      values: formFields(body),
      confirm: async () => {
        const preview = await this.assessment.preview(id);
        return {
          title: `确认发布${preview.period.label}考核排名`,
          question: '发布后，排名按现在的规则和系统记录冻结为第 1 版，之后修改规则或记录都不再改变它；各单位会收到通知，可在申诉期内对本单位的计分提出申诉。',
          facts: preview.rows.slice(0, 5).map((r) => ({ label: `第${r.rank}名`, value: `${r.unitName} ${r.total} 分` })),
          confirmLabel: '发布',
        };
      },
      run: (dto) => this.assessment.publish(access, id, dto.version),
      done: `/assessment?periodId=${id}`,
      flash: (ranking) => `已发布${ranking.period.label}考核排名（第 1 版），各单位已收到通知。`,
      rerender: async () => ({ view: 'assessment/ranking', model: await this.rankingModel(access, { periodId: id }) }),
    });
  }

  @Post('periods/:id/circular')
  @RequirePermission(Permission.AssessmentManage)
  circular(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    return pageStep(req, res, {
      dto: CircularDto,
      values: formFields(body),
      confirm: async (dto) => (dto.mode === 'issue' ? circularQuestion(await this.assessment.circularOutlook(id)) : null),
      run: (dto) => this.assessment.circular(access, id, dto),
      done: ({ noticeId }) => `/notices/${noticeId}`,
      flash: ({ number, refreshedDraft }) => (number ? `已印发考核排名通报${number}。` : refreshedDraft ? '已更新本期的考核排名通报草稿（排名表为现行版本，其余内容保留），请审改后印发。' : '已生成考核排名通报草稿，请审改后印发。'),
      rerender: async () => ({ view: 'assessment/ranking', model: await this.rankingModel(access, { periodId: id }) }),
    });
  }

  @Post('periods/:id/lines/:lineId/objections')
  @RequirePermission(Permission.AssessmentObject)
  @UploadFiles()
  object(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('lineId', ParseIdPipe) lineId: number, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    return pageStep(req, res, {
      dto: ObjectionDto,
      values: fields,
      run: (dto) => this.assessment.object(access, id, lineId, dto, files),
      done: (objection) => `/assessment/objections/${objection.id}`,
      flash: `已提出申诉${files.length ? `（附 ${files.length} 个佐证材料）` : ''}，等待协调办处理。`,
      rerender: async () => ({ view: 'assessment/ranking', model: await this.rankingModel(access, { periodId: id }, {}, { lineId, reason: fields.reason ?? '' }) }),
    });
  }

  @Get('rules')
  @RequirePermission(Permission.AssessmentRead)
  @Render('assessment/rules')
  async rules(@CurrentAccess() access: Access) {
    return { ...(await this.rulesModel(access)), errors: [] };
  }

  @Post('rules')
  @RequirePermission(Permission.AssessmentManage)
  updateRules(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    const setting = (key: string) => ({ points: fields[`points_${key}`], ...(formValue(fields[`cap_${key}`]) === undefined ? {} : { cap: fields[`cap_${key}`] }) });
    return pageStep(req, res, {
      dto: UpdateRulesDto,
      values: {
        version: fields.version,
        baseScore: fields.baseScore,
        leadWeight: fields.leadWeight,
        cooperatingWeight: fields.cooperatingWeight,
        periodKind: fields.periodKind,
        objectionDays: fields.objectionDays,
        items: Object.fromEntries(RULE_KEYS.map((key) => [key, setting(key)])),
      },
      run: (dto) => this.assessment.updateRules(dto),
      done: '/assessment/rules',
      flash: '已保存考核规则；已发布的排名不受影响。',
      rerender: async () => ({ view: 'assessment/rules', model: await this.rulesModel(access, fields) }),
    });
  }

  @Get('objections')
  @RequirePermission(Permission.AssessmentRead)
  @Render('assessment/objections')
  async objections(@CurrentAccess() access: Access, @Query() query: ObjectionQueryDto) {
    return { title: '考核申诉', objections: await this.assessment.objections(access, query), statusOptions: STATUS_OPTIONS, status: query.status ?? '', errors: [] };
  }

  @Get('objections/:id')
  @RequirePermission(Permission.AssessmentRead)
  @Render('assessment/objection')
  async objection(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    return { ...(await this.objectionModel(access, id)), errors: [] };
  }

  @Post('objections/:id/:decision')
  @RequirePermission(Permission.AssessmentManage)
  decide(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Param('decision', new ParseOneOfPipe(DECISIONS, '操作')) decision: (typeof DECISIONS)[number], @Body() body: FormBody, @Req() req: Request, @Res() res: Response) {
    const fields = formFields(body);
    const model = async () => ({ view: 'assessment/objection', model: await this.objectionModel(access, id, { ...fields, failed: decision }) });
    if (decision === 'reject') {
      return pageStep(req, res, { dto: RejectObjectionDto, values: fields, run: (dto) => this.assessment.reject(access, id, dto), done: `/assessment/objections/${id}`, flash: '已驳回申诉，单位会收到驳回理由。', rerender: model });
    }
    return pageStep(req, res, {
      dto: AcceptObjectionDto,
      values: fields,
      confirm: async (dto) => {
        const objection = await this.assessment.assertAcceptable(access, id, dto);
        return {
          title: `确认采纳${objection.unitName}的申诉`,
          question: `采纳后，该行按更正后的分值计入第${objection.snapshotVersion + 1}版排名，各单位的得分和名次重新计算；采纳不能撤销，原版本保留可查。`,
          facts: [
            { label: '计分', value: objection.line ? `${objection.line.ruleLabel}：${objection.line.event}` : `第${objection.lineSeq}行` },
            { label: '分值', value: `${objection.line?.points ?? '—'} 分改为 ${dto.points} 分` },
            { label: '处理意见', value: dto.note },
          ],
          confirmLabel: '采纳',
        };
      },
      run: (dto) => this.assessment.accept(access, id, dto),
      done: `/assessment/objections/${id}`,
      flash: (o) => `已采纳申诉，更正后的排名为第${o.resultVersion}版，原版本仍可查看。`,
      rerender: model,
    });
  }

  private manages(access: Access): boolean {
    return scopeOf(access.actor.role, Permission.AssessmentManage) === 'all';
  }

  private async rankingModel(access: Access, query: AssessmentPageQueryDto, form: Record<string, string> = {}, objecting: { lineId: number; reason: string } | null = null) {
    const manages = this.manages(access);
    const periods = await this.assessment.periods();
    // Units and leaders see published periods only; the office sees open ones with their preview.
    const visible = manages ? periods : periods.filter((p) => p.status === 'published');
    const asked = query.periodId === undefined ? undefined : visible.find((p) => p.id === query.periodId);
    // A period that does not exist, or that this reader may not see yet, is not quietly swapped for another.
    if (query.periodId !== undefined && !asked) throw new NotFoundError('考核期');
    const period: PeriodView | null = asked ?? visible.find((p) => p.status === 'published') ?? visible[0] ?? null;
    const today = this.calendar.today();
    const restricted = access.unitRestriction !== null;
    let rows: Array<{ unitId: number; unitName: string; total: number; rank: number; tied: boolean }> = [];
    let snapshotVersion: number | null = null;
    let versions: Array<{ versionNo: number; reason: string; createdAt: Date; current: boolean }> = [];
    let lines: Awaited<ReturnType<AssessmentService['lines']>> = [];
    // A unit contact sees its own lines; asking for another unit's is refused by the service (not found).
    const unitId = query.unitId ?? (restricted ? access.unitRestriction! : undefined);
    if (period) {
      const published = period.status === 'published';
      const ranking = published ? await this.assessment.ranking(period.id, query.version) : await this.assessment.preview(period.id);
      rows = ranking.rows;
      snapshotVersion = ranking.snapshotVersion;
      if (published) versions = (await this.assessment.snapshots(period.id)).map((s) => ({ ...s, current: s.versionNo === snapshotVersion }));
      if (unitId !== undefined) lines = await this.assessment.lines(access, period.id, { unitId, version: query.version }, !published);
    }
    const current = period !== null && period.status === 'published' && snapshotVersion === period.currentVersion;
    const canObject = restricted && current && scopeOf(access.actor.role, Permission.AssessmentObject) !== null && period!.objectionsUntil !== null && today <= period!.objectionsUntil;
    const shownUnit = rows.find((r) => r.unitId === unitId) ?? null;
    // The objections already made on the lines shown: a pending one takes the place of the form.
    const objections = period && lines.length > 0 ? await this.assessment.objections(access, { periodId: period.id }) : [];
    // The newest objection of each line; one of the current version (pending or rejected) leaves no room for another.
    const objectionOn = (line: { unitId: number; seq: number }) => objections.find((o) => o.unitId === line.unitId && o.lineSeq === line.seq) ?? null;
    const objectedNow = (line: { unitId: number; seq: number }) => objectionOn(line)?.snapshotVersion === period?.currentVersion;
    return {
      title: '考核排名',
      manages,
      restricted,
      periods: visible.map((p) => ({ id: p.id, label: p.label, statusLabel: p.statusLabel, selected: p.id === period?.id })),
      period,
      // Before the day after its end a period is still running: its preview counts only the records so far.
      running: period !== null && period.status === 'open' && today < period.publishableFrom,
      rows: rows.map((r) => ({ ...r, shown: r.unitId === unitId })),
      snapshotVersion,
      versions,
      shownUnit,
      lines: lines.map((l) => ({ ...l, objection: objectionOn(l), objectionPending: objectionOn(l)?.status === 'pending', objectedNow: objectedNow(l), objecting: objecting?.lineId === l.id, reason: objecting?.lineId === l.id ? objecting.reason : '' })),
      canObject,
      kindOptions: KIND_OPTIONS,
      // The rules say which period the office usually ranks by.
      form: { kind: manages ? (await this.assessment.rules()).periodKind : 'quarter', year: today.slice(0, 4), number: '', ...form },
    };
  }

  private async rulesModel(access: Access, typed: Record<string, string> | null = null) {
    const rules = await this.assessment.rules();
    const value = (name: string, stored: number | string | null) => (typed ? (typed[name] ?? '') : stored === null ? '' : String(stored));
    return {
      title: '考核规则',
      manages: this.manages(access),
      version: rules.version,
      baseScore: value('baseScore', rules.baseScore),
      leadWeight: value('leadWeight', rules.leadWeight),
      cooperatingWeight: value('cooperatingWeight', rules.cooperatingWeight),
      periodKind: value('periodKind', rules.periodKind),
      objectionDays: value('objectionDays', rules.objectionDays),
      kindOptions: KIND_OPTIONS,
      items: rules.descriptions.map((d) => ({ ...d, reward: d.sign === 'reward', pointsValue: value(`points_${d.key}`, d.points), capValue: value(`cap_${d.key}`, d.cap) })),
    };
  }

  private async objectionModel(access: Access, id: number, form: Record<string, string> = {}) {
    const objection = await this.assessment.objection(access, id);
    // What was typed comes back as typed: a cleared 分值 stays empty.
    return { title: `考核申诉 #${objection.id} · ${objection.unitName}`, objection, manages: this.manages(access) && objection.status === 'pending', form: { points: '', note: '', failed: '', ...form } };
  }
}

/**
 * What the office is asked before circulating a ranking: whether this period already has a circular (a
 * second would take a second number), whether objections may still change the ranking, and who cannot
 * acknowledge it in the system.
 */
function circularQuestion(outlook: CircularOutlookView): Confirmation {
  const { period, issued, draftId, objectionsOpen, pendingObjections, unreachable } = outlook;
  const numbers = issued.map((n) => n.number).join('、');
  return {
    title: `确认印发${period.label}考核排名通报`,
    question: ['通报印发后编号、送达各成员单位并抄送领导，不能修改，只能作废后重发。', ...circularCautions(outlook), unreachableWarning(unreachable)].join(''),
    facts: [
      { label: '排名版本', value: `第${period.currentVersion}版` },
      { label: '本期已印发', value: numbers || '无' },
      { label: '申诉', value: pendingObjections ? `${pendingObjections} 件待处理` : objectionsOpen ? `申诉期至 ${period.objectionsUntil}，尚未截止` : '申诉期已截止，无待处理申诉' },
      { label: '通报草稿', value: draftId ? '印发本期已有的草稿（排名表更新为现行版本，其余内容保留）' : '按现行版本生成后印发' },
    ],
    confirmLabel: issued.length ? '仍然印发' : '印发通报',
  };
}
