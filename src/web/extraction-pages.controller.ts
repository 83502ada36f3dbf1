import { Body, Controller, Get, Param, Post, Query, Render, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController, PickType } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../access/access';
import { CurrentAccess, RequirePermission } from '../access/access.decorators';
import { Permission } from '../access/permissions';
import { CalendarService } from '../calendar/calendar.service';
import { notChasedYet } from '../calendar/working-calendar';
import { nextDue } from '../reminders/escalation-ladder';
import { PageQueryDto } from '../common/dto/page.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import type { FieldError } from '../common/validation';
import { COMPARATORS, Comparator, PRIORITIES, REPORT_CYCLES, ReportCycle } from '../directives/directive.entity';
import { DOCUMENT_KIND_LABELS } from '../documents/source-document.entity';
import { AcceptProposalsDto, ExtractedTaskView, RememberAliasDto } from '../extraction/dto/extraction.dto';
import { ExtractionService, issuedBySpan } from '../extraction/extraction.service';
import { segmentText } from '../extraction/text-spans';
import { reportDayOf } from '../extraction/rules/deadlines';
import { itemMarkerAt } from '../extraction/rules/structure';
import { UnitsService } from '../units/units.service';
import { directiveFromForm, formNumber, formText } from './directive-form';
import { CONFIRMED_FIELD, FormBody, listField, pageStep } from './forms';
import { PageContextInterceptor } from './page-context.interceptor';
import { SubmitOnceInterceptor } from './submit-once.interceptor';

const COMPARATOR_OF: Record<string, Comparator> = { '>=': 'gte', '<=': 'lte', '=': 'eq' };
/** The field names of one proposal's form (prefixed `p<n>.`). */
const FIELDS = ['title', 'requirement', 'category', 'priority', 'leadUnitId', 'deadlineKind', 'deadline', 'reportCycle', 'reportDay', 'metricName', 'metricComparator', 'metricTarget', 'metricUnit', 'start', 'end'] as const;
type Fields = Record<(typeof FIELDS)[number], string> & { cooperatingUnitIds: string[] };

const prefixOf = (n: number) => `p${n}.`;

/**
 * Proposals reviewed on one page. A long plan gives hundreds (a 200,000-character one about two thousand):
 * shown at once, its page took a minute to draw and its form outgrew what a request may carry, so a long
 * document is reviewed, and issued, a page at a time, each page showing the stretch of text it covers.
 */
export const PROPOSALS_PER_PAGE = 50;

/** A page of the review, as lists are paged (`?page=2`). */
export class ReviewPageQueryDto extends PickType(PageQueryDto, ['page'] as const) {}

/** The page (from 1) a form was sent from, as its hidden field says; 1 when it says nothing usable. */
function pageOf(body: FormBody): number {
  const page = formNumber(body, 'page');
  return typeof page === 'number' && Number.isInteger(page) && page >= 1 ? page : 1;
}

/** A proposal as the form starts it: the directive the rules suggest, which the office edits. */
function proposedFields(task: ExtractedTaskView, category: string): Fields {
  const matched = (owners: ExtractedTaskView['leadUnits']) => owners.map((o) => o.unitId).filter((id): id is number => id !== null);
  const [lead, ...otherLeads] = matched(task.leadUnits);
  const cycle = task.deadline.cycle && (REPORT_CYCLES as readonly string[]).includes(task.deadline.cycle) ? (task.deadline.cycle as ReportCycle) : null;
  return {
    title: task.requirement.slice(0, 200),
    // The sentence without its numbering ("一、", "（二）"), which belongs to the document, not the directive.
    requirement: task.paragraph.slice(itemMarkerAt(task.paragraph)?.length ?? 0).trim().slice(0, 5000),
    category,
    priority: 'normal',
    leadUnitId: lead ? String(lead) : '',
    cooperatingUnitIds: [...new Set([...otherLeads, ...matched(task.cooperatingUnits)])].filter((id) => id !== lead).map(String),
    // A cycle is standing work, reported on its day, even when the rules also give the next day it falls on.
    deadlineKind: cycle ? 'standing' : 'date',
    // (a cycle's date is its next report day, not a deadline: shown as one, it looked like a date gone by)
    deadline: cycle ? '' : (task.deadline.date ?? ''),
    reportCycle: cycle ?? 'monthly',
    // Only a reporting cycle's text names a report day ("每月5日前", "每季度末"); a deadline's day is not one.
    reportDay: String(reportDayOf(cycle ? (task.deadline.text ?? '') : '', cycle ?? 'monthly')),
    metricName: task.target?.metric.slice(0, 50) ?? '',
    metricComparator: task.target ? COMPARATOR_OF[task.target.comparator] : 'gte',
    metricTarget: task.target ? String(task.target.value) : '',
    metricUnit: task.target?.unit ?? '',
    start: String(task.start),
    end: String(task.end),
  };
}

/** A proposal's form as it was sent. */
function typedFields(body: FormBody, n: number): Fields {
  const prefix = prefixOf(n);
  return { ...(Object.fromEntries(FIELDS.map((f) => [f, formText(body, prefix + f)])) as Record<(typeof FIELDS)[number], string>), cooperatingUnitIds: listField(body[`${prefix}cooperatingUnitIds`]) };
}

/**
 * 任务分解 as pages: the review page shows a document's text with each proposal's sentence marked and
 * the proposals beside it, each an editable directive; the office accepts all, some or none of them.
 */
@ApiExcludeController()
@Controller('documents/:id')
@UseInterceptors(PageContextInterceptor, SubmitOnceInterceptor)
export class ExtractionPagesController {
  constructor(
    private readonly extraction: ExtractionService,
    private readonly units: UnitsService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('extraction')
  @RequirePermission(Permission.ExtractionRun)
  @Render('documents/extraction')
  async review(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Query() query: ReviewPageQueryDto) {
    return { ...(await this.reviewModel(access, id, null, query.page)), errors: [] };
  }

  @Post('directives')
  @RequirePermission(Permission.ExtractionRun)
  async accept(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    const accepted = [...new Set(listField(body.accept).map(Number))].filter((n) => Number.isInteger(n) && n > 0).sort((a, b) => a - b);
    // Confirmed: the sentences issued before are issued again, as the office said.
    const reissue = body[CONFIRMED_FIELD] === 'yes' ? { reissue: true } : {};
    // A long document's review goes on to its next page once this one is issued.
    const page = pageOf(body);
    const pages = formNumber(body, 'pages');
    const next = typeof pages === 'number' && page < pages ? `/documents/${id}/extraction?page=${page + 1}` : `/documents/${id}`;
    return pageStep(req, res, {
      dto: AcceptProposalsDto,
      values: { items: accepted.map((n) => ({ ...directiveFromForm(body, prefixOf(n)), start: formNumber(body, `${prefixOf(n)}start`), end: formNumber(body, `${prefixOf(n)}end`), ...reissue })) },
      confirm: async (dto) => {
        const again = await this.extraction.issuedAgain(id, dto);
        if (again.length === 0) return null;
        return {
          title: '确认再次下达',
          question: `勾选的 ${dto.items.length} 项建议中有 ${again.length} 项所依据的句子已据本文件下达过${dto.items.length > again.length ? `，其余 ${dto.items.length - again.length} 项将一并下达` : ''}。再次下达，承办单位会再收到一项同样的督办事项；不需要的，请取消后去掉这几项的勾选。`,
          facts: again.map(({ index, codes }) => ({ label: `第${accepted[index]}项建议`, value: `${dto.items[index].title}（已下达为 ${codes.join('、')}）` })),
          confirmLabel: '仍要再次下达',
        };
      },
      run: async (dto) => {
        const created = await this.extraction.accept(access, id, dto);
        return { created, notCovered: (await this.calendar.calendar()).yearsNotCovered(created.items.map((d) => nextDue(d, this.calendar.today()))) };
      },
      done: next,
      flash: ({ created, notCovered }) =>
        // (a message is short: a long list of codes would crowd out the note after it)
        `已据本文件下达 ${created.items.length} 项督办事项：${created.items.length > 5 ? `${created.items.slice(0, 3).map((d) => d.code).join('、')} 等` : created.items.map((d) => d.code).join('、')}。各承办单位已收到任务。${notCovered.length ? `注意：${notChasedYet(notCovered)}` : ''}`,
      // The items sent are the ticked proposals: a refusal names the proposal by its own number.
      explain: (errors) => errors.map((e) => this.onProposal(e, accepted)),
      rerender: async () => ({ view: 'documents/extraction', model: await this.reviewModel(access, id, body, page) }),
    });
  }

  @Post('extraction/aliases')
  @RequirePermission(Permission.ExtractionRun)
  remember(@CurrentAccess() access: Access, @Param('id', ParseIdPipe) id: number, @Body() body: FormBody, @Req() req: Request, @Res() res: Response): Promise<void> {
    return pageStep(req, res, {
      dto: RememberAliasDto,
      values: { alias: formText(body, 'alias'), unitId: formNumber(body, 'unitId') },
      run: (dto) => this.units.addAlias(access, dto.unitId, dto.alias),
      done: `/documents/${id}/extraction?page=${pageOf(body)}`,
      flash: (unit) => `已把“${formText(body, 'alias')}”记为“${unit.name}”的别名，以后的文件里这样写也能匹配到该单位。`,
      rerender: async () => ({ view: 'documents/extraction', model: await this.reviewModel(access, id, null, pageOf(body)) }),
    });
  }

  private onProposal(error: FieldError, accepted: number[]): FieldError {
    const match = /^items\.(\d+)\.(.*)$/.exec(error.field);
    if (!match) return error;
    const n = accepted[Number(match[1])];
    return { field: `${prefixOf(n)}${match[2]}`, message: error.message.replace(`第${Number(match[1]) + 1}项建议`, `第${n}项建议`) };
  }

  /**
   * One page of the review: its proposals as the rules give them or as they were sent, beside the stretch of
   * the text they come from, marked.
   */
  private async reviewModel(access: Access, id: number, body: FormBody | null, requestedPage: number) {
    const { document, items } = await this.extraction.extractDocument(id);
    const units = (await this.units.listAll(access)).filter((u) => u.kind !== 'office' && u.active);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const ticked = body ? listField(body.accept) : null;
    const category = DOCUMENT_KIND_LABELS[document.kind];
    const pages = Math.max(1, Math.ceil(items.length / PROPOSALS_PER_PAGE));
    // (a page past the last, from a link made before aliases changed the count, shows the last)
    const page = Math.min(requestedPage, pages);
    const first = (page - 1) * PROPOSALS_PER_PAGE;
    const shown = items.slice(first, first + PROPOSALS_PER_PAGE);
    // A sentence already issued from (an earlier review) starts unticked, so it is not issued twice by mistake;
    // so does every proposal when directives were made from the document by hand, their sentences unknown.
    const issued = issuedBySpan(document);
    const unplaced = document.directives.filter((d) => d.sourceStart === null);
    // A month without a year is read in the document's year ("6月底前" in November's minutes is June past):
    // a date already gone is said on its card, before the form refuses it.
    const today = this.calendar.today();
    const proposals = shown.map((task, i) => {
      const n = first + i + 1;
      const fields = body ? typedFields(body, n) : proposedFields(task, category);
      const owner = (o: ExtractedTaskView['leadUnits'][number]) => ({ text: o.text, unitName: o.unitId === null ? null : (unitName.get(o.unitId) ?? null) });
      const issuedAs = issued.get(task.start, task.end);
      const cooperating = units.filter((u) => fields.cooperatingUnitIds.includes(String(u.id)));
      const pastDeadline = task.deadline.cycle === null && task.deadline.date !== null && task.deadline.date < today ? task.deadline.date : null;
      // What the office must fill in before the proposal can be issued: it starts unticked, so a page issued as
      // it stands issues what is complete, rather than being refused for what is not.
      const missing = [fields.leadUnitId === '' ? '牵头单位' : null, fields.deadlineKind === 'date' && fields.deadline === '' ? '办理时限' : null].filter((f) => f !== null);
      return {
        n,
        prefix: prefixOf(n),
        accepted: ticked ? ticked.includes(String(n)) : issuedAs.length === 0 && unplaced.length === 0 && missing.length === 0 && pastDeadline === null,
        issuedAs,
        missing: missing.join('、'),
        paragraph: task.paragraph,
        confidence: Math.round(task.confidence * 100),
        leadOwners: task.leadUnits.map(owner),
        cooperatingOwners: task.cooperatingUnits.map(owner),
        deadlineText: task.deadline.text,
        pastDeadline,
        targetText: task.target?.text ?? null,
        fields,
        cooperatingNames: cooperating.map((u) => u.shortName).join('、'),
        units: units.map((u) => ({ value: String(u.id), label: u.shortName, lead: fields.leadUnitId === String(u.id), cooperating: fields.cooperatingUnitIds.includes(String(u.id)) })),
      };
    });
    const unmatched = [...new Set(shown.flatMap((t) => [...t.leadUnits, ...t.cooperatingUnits]).filter((o) => o.unitId === null).map((o) => o.text))];
    // The stretch of text this page covers: from where the page before ended (or this page's first sentence,
    // when two proposals share a sentence across the turn) to this page's last sentence, or the end.
    const from = first === 0 ? 0 : Math.min(items[first - 1].end, shown[0].start);
    const to = page === pages ? document.body.length : Math.max(...shown.map((t) => t.end));
    const segments = segmentText(
      document.body.slice(from, to),
      shown.map((t, i) => ({ id: `p-${first + i + 1}`, start: t.start - from, end: t.end - from })),
    ).map((s) => ({ text: s.text, anchors: s.anchors, mark: s.marks.length ? { href: `#proposal-${s.marks[0].slice(2)}`, label: s.marks.map((m) => `第${m.slice(2)}项建议`).join('、'), current: false } : null }));
    const range = (k: number) => `第${(k - 1) * PROPOSALS_PER_PAGE + 1}–${Math.min(k * PROPOSALS_PER_PAGE, items.length)}项`;
    // How far the review has gone: the proposals of each page whose sentence has been issued.
    const issuedOn = (k: number) => items.slice((k - 1) * PROPOSALS_PER_PAGE, k * PROPOSALS_PER_PAGE).filter((t) => issued.get(t.start, t.end).length > 0).length;
    return {
      title: `分解任务：${document.title}`,
      document: { id: document.id, title: document.title, issuedOn: document.issuedOn, docNumber: document.docNumber },
      segments,
      textBefore: from > 0,
      textAfter: to < document.body.length,
      proposals,
      total: items.length,
      perPage: PROPOSALS_PER_PAGE,
      page,
      pages,
      pageLinks: pages > 1 ? Array.from({ length: pages }, (_, i) => ({ href: `/documents/${document.id}/extraction?page=${i + 1}`, label: range(i + 1), issued: issuedOn(i + 1), current: i + 1 === page })) : [],
      previousPage: page > 1 ? `/documents/${document.id}/extraction?page=${page - 1}` : null,
      nextPage: page < pages ? `/documents/${document.id}/extraction?page=${page + 1}` : null,
      unplaced: unplaced.map((d) => ({ id: d.id, code: d.code, title: d.title })),
      unmatched,
      // Many spellings (a long plan's page may have dozens) fold away, so the proposals are not pushed out of sight.
      manyUnmatched: unmatched.length > 5,
      unitOptions: units.map((u) => ({ value: String(u.id), label: u.name })),
      priorityOptions: PRIORITIES,
      cycleOptions: REPORT_CYCLES,
      comparatorOptions: COMPARATORS,
    };
  }
}
