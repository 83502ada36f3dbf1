import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { CalendarService } from '../calendar/calendar.service';
import { DomainError } from '../common/errors/domain-error';
import { DirectivesService } from '../directives/directives.service';
import { DocumentsService } from '../documents/documents.service';
import { DocumentDetailView } from '../documents/dto/document.dto';
import { UnitsService } from '../units/units.service';
import { AcceptProposalsDto, CreatedDirectivesView, ExtractionView, MAX_TEXT_LENGTH } from './dto/extraction.dto';
import { extractTasks } from './rules';

/** Proposals for one registered document, with the document they were read from. */
export interface DocumentExtraction extends ExtractionView {
  document: DocumentDetailView;
}

/** A directive issued from a sentence of the document. */
export interface IssuedDirective {
  id: number;
  code: string;
}

/** The directives issued from each sentence of the document, by the sentence's span. */
export function issuedBySpan(document: DocumentDetailView): { get(start: number, end: number): IssuedDirective[] } {
  const spanKey = (start: number, end: number) => `${start}-${end}`;
  const issued = new Map<string, IssuedDirective[]>();
  for (const { id, code, sourceStart, sourceEnd } of document.directives) {
    if (sourceStart !== null && sourceEnd !== null) issued.set(spanKey(sourceStart, sourceEnd), [...(issued.get(spanKey(sourceStart, sourceEnd)) ?? []), { id, code }]);
  }
  return { get: (start, end) => issued.get(spanKey(start, end)) ?? [] };
}

/** An accepted proposal whose sentence was issued from the document before, with what it was issued as. */
export interface IssuedAgain {
  /** The proposal's place among those accepted, from 0. */
  index: number;
  codes: string[];
}

/**
 * The accepted proposals whose sentence was issued from the document before (by an earlier review, or the same
 * form sent again after going back), unless the office said to issue them again: units would otherwise get the
 * same task twice.
 */
function issuedAgain(document: DocumentDetailView, dto: AcceptProposalsDto): IssuedAgain[] {
  const issued = issuedBySpan(document);
  return dto.items.flatMap((item, index) => {
    const codes = item.reissue ? [] : issued.get(item.start, item.end).map((d) => d.code);
    return codes.length > 0 ? [{ index, codes }] : [];
  });
}

/**
 * 任务分解: reads a text with the extraction rules (rules/, pure) against the registered units and the
 * office's working-day calendar, and issues the proposals the office accepts as directives of their
 * document, each keeping the span of the sentence it came from.
 */
@Injectable()
export class ExtractionService {
  constructor(
    private readonly units: UnitsService,
    private readonly calendar: CalendarService,
    private readonly documents: DocumentsService,
    private readonly directives: DirectivesService,
  ) {}

  async extract(text: string, documentDate: string): Promise<ExtractionView> {
    if (text.length > MAX_TEXT_LENGTH) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `全文有 ${text.length} 个字符，一次最多分解 ${MAX_TEXT_LENGTH} 个字符；请分几段提交`, [{ field: 'text', message: `全文不能超过 ${MAX_TEXT_LENGTH} 个字符` }]);
    }
    const [calendar, units] = await Promise.all([this.calendar.calendar(), this.units.assignableNames()]);
    const items = extractTasks(text, { documentDate, units, addWorkingDays: (start, days) => calendar.addWorkingDays(start, days) });
    return { items };
  }

  async extractDocument(documentId: number): Promise<DocumentExtraction> {
    const document = await this.documents.get(documentId);
    return { ...(await this.extract(document.body, document.issuedOn)), document };
  }

  /** The accepted proposals that would issue a sentence of the document a second time. */
  async issuedAgain(documentId: number, dto: AcceptProposalsDto): Promise<IssuedAgain[]> {
    return issuedAgain(await this.documents.get(documentId), dto);
  }

  /**
   * The accepted proposals, as edited, issued as directives of the document in one transaction; refused (409)
   * when one would issue a sentence again without saying so.
   */
  async accept(access: Access, documentId: number, dto: AcceptProposalsDto): Promise<CreatedDirectivesView> {
    const document = await this.documents.get(documentId);
    const again = issuedAgain(document, dto).map(({ index, codes }) => ({
      field: `items.${index}.reissue`,
      message: `第${index + 1}项建议的这句话已据本文件下达为督办事项 ${codes.join('、')}；确需再次下达，请注明仍要再次下达`,
    }));
    if (again.length > 0) throw new DomainError('ALREADY_ISSUED', again.map((e) => e.message).join('；'), again);
    const directives = dto.items.map(({ start, end, reissue: _reissue, ...directive }) => ({ ...directive, sourceDocumentId: documentId, sourceStart: start, sourceEnd: end }));
    const items = await this.directives.createMany(access, directives, { path: (i) => `items.${i}.`, label: (i) => `第${i + 1}项建议`, fields: { sourceStart: 'start', sourceEnd: 'end' } });
    return { items };
  }
}
