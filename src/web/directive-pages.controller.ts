import { ParseIdPipe } from '../common/parse-id.pipe';
import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission, scopeOf } from '../access/permissions';
import { ASSIGNMENT_STATUSES } from '../assignments/assignment-state';
import type { UploadedFile } from '../attachments/attachments.service';
import { UploadFiles } from '../attachments/upload.interceptor';
import { COMPARATORS, PRIORITIES, REPORT_CYCLES } from '../directives/directive.entity';
import { DirectivesService } from '../directives/directives.service';
import { CreateDirectiveDto, DirectiveQueryDto } from '../directives/dto/directive.dto';
import { DocumentsService } from '../documents/documents.service';
import { CreateDocumentDto, DocumentQueryDto } from '../documents/dto/document.dto';
import { DOCUMENT_KINDS } from '../documents/source-document.entity';
import { UnitsService } from '../units/units.service';
import { CalendarService } from '../calendar/calendar.service';
import { DomainError } from '../common/errors/domain-error';
import { FormBody, formValue, listField, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { pager } from './pager';

const DIRECTIVE_FIELDS = ['title', 'requirement', 'category', 'priority', 'sourceDocumentId', 'sourceExcerpt', 'deadlineKind', 'deadline', 'deadlineWorkingDays', 'reportCycle', 'reportDay', 'metricName', 'metricUnit', 'metricComparator', 'metricTarget', 'leadUnitId'] as const;
const DOCUMENT_FIELDS = ['kind', 'title', 'docNumber', 'issuer', 'issuedOn', 'body'] as const;

const text = (body: FormBody, name: string) => formValue(body[name])?.trim() ?? '';
const number = (value: string) => (value === '' ? undefined : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value);

/** The directive form as the API's DTO: one deadline kind, the unit picker, per-unit targets. */
function directiveFromForm(body: FormBody) {
  const kind = text(body, 'deadlineKind');
  const metricName = text(body, 'metricName');
  const lead = number(text(body, 'leadUnitId'));
  const cooperating = listField(body.cooperatingUnitIds).map(Number).filter((id) => id !== lead);
  const targets = Object.entries(body)
    .filter(([key, value]) => key.startsWith('target_') && typeof value === 'string' && value.trim() !== '')
    .map(([key, value]) => ({ unitId: Number(key.slice(7)), value: number(String(value).trim()) }));
  return {
    title: text(body, 'title'),
    requirement: text(body, 'requirement'),
    category: text(body, 'category'),
    priority: text(body, 'priority'),
    ...(text(body, 'sourceDocumentId') ? { sourceDocumentId: number(text(body, 'sourceDocumentId')) } : {}),
    ...(text(body, 'sourceExcerpt') ? { sourceExcerpt: text(body, 'sourceExcerpt') } : {}),
    ...(kind === 'date' ? { deadline: text(body, 'deadline') } : {}),
    ...(kind === 'workingDays' ? { deadlineWorkingDays: number(text(body, 'deadlineWorkingDays')) } : {}),
    ...(kind === 'standing' ? { reportCycle: text(body, 'reportCycle'), reportDay: number(text(body, 'reportDay')) } : {}),
    ...(metricName ? { metric: { name: metricName, unit: text(body, 'metricUnit'), comparator: text(body, 'metricComparator'), target: number(text(body, 'metricTarget')) } } : {}),
    leadUnitId: lead,
    cooperatingUnitIds: cooperating,
    ...(targets.length && metricName ? { unitTargets: targets } : {}),
  };
}

@ApiExcludeController()
@Controller()
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class DirectivePagesController {
  constructor(
    private readonly directives: DirectivesService,
    private readonly documents: DocumentsService,
    private readonly units: UnitsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('directives')
  @RequirePermission(Permission.DirectivesRead)
  @Render('directives/list')
  async list(@CurrentAccess() access: Access, @Query() query: DirectiveQueryDto) {
    const page = await this.directives.list(access, query);
    return {
      title: '督办事项',
      canManage: scopeOf(access.actor.role, Permission.DirectivesManage) !== null,
      directives: page.items,
      filter: { q: query.q ?? '', status: query.status ?? '', priority: query.priority ?? '', unitId: query.unitId ? String(query.unitId) : '', dueWithin: query.dueWithin === undefined ? '' : String(query.dueWithin), overdue: query.overdue === true, sort: query.sort },
      unitOptions: access.unitRestriction === null ? (await this.units.listAll(access)).filter((u) => u.kind !== 'office').map((u) => ({ value: String(u.id), label: u.shortName })) : [],
      statusOptions: ASSIGNMENT_STATUSES,
      priorityOptions: PRIORITIES,
      pager: pager(page, { ...query, page: undefined }),
    };
  }

  @Get('directives/new')
  @RequirePermission(Permission.DirectivesManage)
  @Render('directives/form')
  async newDirective(@CurrentAccess() access: Access, @Query('sourceDocumentId') sourceDocumentId?: string) {
    const fields = Object.fromEntries(DIRECTIVE_FIELDS.map((f) => [f, ''])) as Record<string, string>;
    const model = await this.directiveFormModel(access, { ...fields, priority: 'normal', deadlineKind: 'workingDays', deadlineWorkingDays: '10', metricComparator: 'gte', sourceDocumentId: sourceDocumentId ?? '' }, [], {});
    return { ...model, errors: [] };
  }

  @Post('directives')
  @RequirePermission(Permission.DirectivesManage)
  createDirective(@CurrentAccess() access: Access, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const fields = Object.fromEntries(DIRECTIVE_FIELDS.map((f) => [f, text(body, f)])) as Record<string, string>;
    const targets = Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith('target_')).map(([k, v]) => [k.slice(7), String(v)]));
    return pageStep(req, res, {
      dto: CreateDirectiveDto,
      values: directiveFromForm(body),
      run: (dto) => this.directives.create(access, dto),
      done: (created) => `/directives/${created.id}`,
      flash: (created) => `已下达督办事项 ${created.code}，${created.assignments.length} 个单位收到任务；${created.deadline ? `办理时限 ${created.deadline}` : '长期坚持，定期报送'}。`,
      rerender: async () => ({ view: 'directives/form', model: await this.directiveFormModel(access, fields, listField(body.cooperatingUnitIds), targets) }),
    });
  }

  @Get('directives/:id')
  @RequirePermission(Permission.DirectivesRead)
  @Render('directives/detail')
  async directive(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    const directive = await this.directives.get(access, id);
    return { title: `${directive.code} ${directive.title}`, directive, canReadDocuments: scopeOf(access.actor.role, Permission.DocumentsRead) !== null };
  }

  @Get('documents')
  @RequirePermission(Permission.DocumentsRead)
  @Render('documents/list')
  async documentList(@CurrentAccess() access: Access, @Query() query: DocumentQueryDto) {
    const page = await this.documents.list(query);
    return { title: '来源文件', canManage: scopeOf(access.actor.role, Permission.DocumentsManage) !== null, documents: page.items, filter: { q: query.q ?? '' }, pager: pager(page, { ...query, page: undefined }) };
  }

  @Get('documents/new')
  @RequirePermission(Permission.DocumentsManage)
  @Render('documents/form')
  newDocument() {
    return { title: '登记来源文件', document: { ...Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, ''])), kind: 'minutes' }, kindOptions: DOCUMENT_KINDS, errors: [] };
  }

  @Post('documents')
  @RequirePermission(Permission.DocumentsManage)
  @UploadFiles()
  createDocument(@CurrentAccess() access: Access, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response): Promise<void> {
    const document = Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, text(body, f)]));
    return pageStep(req, res, {
      dto: CreateDocumentDto,
      values: Object.fromEntries(Object.entries(document).filter(([k, v]) => v !== '' || k !== 'docNumber')),
      run: (dto) => this.documents.create(access.actor, dto, files),
      done: (created) => `/documents/${created.id}`,
      flash: (created) => `已登记来源文件“${created.title}”${files.length ? `及 ${files.length} 个附件` : ''}。可据此下达督办事项。`,
      rerender: async () => ({ view: 'documents/form', model: { title: '登记来源文件', document, kindOptions: DOCUMENT_KINDS } }),
    });
  }

  @Get('documents/:id')
  @RequirePermission(Permission.DocumentsRead)
  @Render('documents/detail')
  async document(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    const document = await this.documents.get(id);
    return { title: document.title, document, canManage: scopeOf(access.actor.role, Permission.DirectivesManage) !== null };
  }

  private async directiveFormModel(access: Access, fields: Record<string, string>, cooperating: string[], targets: Record<string, string>) {
    const units = (await this.units.listAll(access)).filter((u) => u.kind !== 'office' && u.active);
    const documents = await this.documents.list(Object.assign(new DocumentQueryDto(), { page: 1, pageSize: 100 }));
    return {
      title: '新建督办事项',
      directive: fields,
      // One row per unit: lead (one of them) or cooperating, so the lead is never also ticked to cooperate.
      units: units.map((u) => ({ id: String(u.id), name: u.name, lead: String(u.id) === fields.leadUnitId, cooperating: cooperating.includes(String(u.id)) && String(u.id) !== fields.leadUnitId, target: targets[String(u.id)] ?? '' })),
      documents: documents.items.map((d) => ({ id: String(d.id), title: d.docNumber ? `${d.docNumber} ${d.title}` : d.title })),
      priorityOptions: PRIORITIES,
      cycleOptions: REPORT_CYCLES,
      comparatorOptions: COMPARATORS,
      dueDates: await this.dueDates(fields.deadlineWorkingDays),
    };
  }

  /** What "N working days from today" comes to, for the form's usual counts and the one typed. */
  private async dueDates(typed: string) {
    const calendar = await this.calendar.calendar();
    const today = this.calendar.today();
    const counts = [...new Set([5, 10, 15, 20, 30, ...(/^\d{1,3}$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 250 ? [Number(typed)] : [])])].sort((a, b) => a - b);
    return counts.flatMap((days) => {
      try {
        return [{ days, date: calendar.addWorkingDays(today, days), typed: String(days) === typed }];
      } catch (error) {
        // A count reaching a year the calendar does not cover yet is simply not offered.
        if (error instanceof DomainError && error.code === 'CALENDAR_NOT_COVERED') return [];
        throw error;
      }
    });
  }
}
