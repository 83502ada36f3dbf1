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
import { CreateDocumentDto, DocumentQueryDto, DocumentShowQueryDto } from '../documents/dto/document.dto';
import { segmentText } from '../extraction/text-spans';
import { DOCUMENT_KINDS } from '../documents/source-document.entity';
import { UnitsService } from '../units/units.service';
import { textSourceOf } from '../attachments/file-text';
import { CalendarService } from '../calendar/calendar.service';
import { notChasedYet } from '../calendar/working-calendar';
import { itemMarkerAt } from '../extraction/rules/structure';
import { isOpen } from '../assignments/assignment-state';
import { nextDue } from '../reminders/escalation-ladder';
import { DomainError } from '../common/errors/domain-error';
import { directiveFromForm, formText as text } from './directive-form';
import { checkboxField, FormBody, listField, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';
import { exportLink, pager } from './pager';

const DIRECTIVE_FIELDS = ['title', 'requirement', 'category', 'priority', 'sourceDocumentId', 'sourceExcerpt', 'deadlineKind', 'deadline', 'deadlineWorkingDays', 'reportCycle', 'reportDay', 'metricName', 'metricUnit', 'metricComparator', 'metricTarget', 'leadUnitId'] as const;
const DOCUMENT_FIELDS = ['kind', 'title', 'docNumber', 'issuer', 'issuedOn', 'body'] as const;

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
      exportLink: exportLink(access.actor, '/ledger/directives.xlsx', { ...query, sort: undefined }),
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
      run: async (dto) => {
        const created = await this.directives.create(access, dto);
        return { created, notCovered: (await this.calendar.calendar()).yearsNotCovered([nextDue(created, this.calendar.today())]) };
      },
      done: ({ created }) => `/directives/${created.id}`,
      flash: ({ created, notCovered }) =>
        `已下达督办事项 ${created.code}，${created.assignments.length} 个单位收到任务；${created.deadline ? `办理时限 ${created.deadline}` : '长期坚持，定期报送'}。${notCovered.length ? `注意：${notChasedYet(notCovered)}` : ''}`,
      rerender: async () => ({ view: 'directives/form', model: await this.directiveFormModel(access, fields, listField(body.cooperatingUnitIds), targets) }),
    });
  }

  @Get('directives/:id')
  @RequirePermission(Permission.DirectivesRead)
  @Render('directives/detail')
  async directive(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number) {
    const directive = await this.directives.get(access, id);
    // A requirement taken whole from its sentence (as 任务分解 proposes it) would show the sentence twice.
    const excerpt = directive.sourceExcerpt?.trim() ?? '';
    const excerptShown = excerpt !== '' && directive.requirement.trim() !== excerpt.slice(itemMarkerAt(excerpt)?.length ?? 0).trim();
    // Standing work: when each unit still at it reports next.
    const nextReport = directive.deadline === null ? nextDue(directive, this.calendar.today()) : null;
    const assignments = directive.assignments.map((a) => ({ ...a, nextReportDue: a.deadline === null && isOpen(a.status) ? nextReport : null }));
    return { title: `${directive.code} ${directive.title}`, directive: { ...directive, assignments }, excerptShown, canReadDocuments: scopeOf(access.actor.role, Permission.DocumentsRead) !== null };
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
    return { title: '登记来源文件', document: { ...Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, ''])), kind: 'minutes', bodyFromFile: false }, kindOptions: DOCUMENT_KINDS, errors: [] };
  }

  @Post('documents')
  @RequirePermission(Permission.DocumentsManage)
  @UploadFiles()
  createDocument(@CurrentAccess() access: Access, @Body() body: FormBody, @UploadedFiles() files: UploadedFile[] = [], @Req() req: Request, @Res() res: Response): Promise<void> {
    const typed: Record<string, string> = Object.fromEntries(DOCUMENT_FIELDS.map((f) => [f, text(body, f)]));
    // Nothing pasted and a Word file or PDF uploaded: its text is the body, ticked or not.
    const bodyFromFile = checkboxField(body.bodyFromFile) || (typed.body === '' && textSourceOf(files) !== null);
    const document = { ...typed, bodyFromFile };
    return pageStep(req, res, {
      dto: CreateDocumentDto,
      // Read from a file, the body typed (if any) is not taken.
      values: { ...Object.fromEntries(Object.entries(typed).filter(([k, v]) => (v !== '' || k !== 'docNumber') && !(bodyFromFile && k === 'body'))), ...(bodyFromFile ? { bodyFromFile } : {}) },
      run: (dto) => this.documents.create(access.actor, dto, files),
      done: (created) => `/documents/${created.id}`,
      flash: (created) => `已登记来源文件“${created.title}”${files.length ? `及 ${files.length} 个附件` : ''}${bodyFromFile ? `，全文取自上传的文件（${created.body.length} 个字符）` : ''}。可据此分解任务、下达督办事项。`,
      rerender: async () => ({ view: 'documents/form', model: { title: '登记来源文件', document, kindOptions: DOCUMENT_KINDS } }),
    });
  }

  @Get('documents/:id')
  @RequirePermission(Permission.DocumentsRead)
  @Render('documents/detail')
  async document(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Query() query: DocumentShowQueryDto) {
    const document = await this.documents.get(id);
    // Each directive taken from a span of the text is marked there, linked to the directive; one may be asked for.
    const spans = document.directives.filter((d) => d.sourceStart !== null && d.sourceEnd !== null).map((d) => ({ id: `d-${d.id}`, start: d.sourceStart!, end: d.sourceEnd! }));
    const codes = new Map(document.directives.map((d) => [`d-${d.id}`, d.code]));
    const segments = segmentText(document.body, spans).map((s) => ({
      text: s.text,
      anchors: s.anchors,
      mark: s.marks.length ? { href: `/directives/${s.marks[0].slice(2)}`, label: s.marks.map((m) => codes.get(m)).join('、'), current: query.directive !== undefined && s.marks.includes(`d-${query.directive}`) } : null,
    }));
    return {
      title: document.title,
      document,
      segments,
      canManage: scopeOf(access.actor.role, Permission.DirectivesManage) !== null,
      canExtract: scopeOf(access.actor.role, Permission.ExtractionRun) !== null,
    };
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
