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

  /** The accepted proposals, as edited, issued as directives of the document in one transaction. */
  async accept(access: Access, documentId: number, dto: AcceptProposalsDto): Promise<CreatedDirectivesView> {
    await this.documents.get(documentId);
    const directives = dto.items.map(({ start, end, ...directive }) => ({ ...directive, sourceDocumentId: documentId, sourceStart: start, sourceEnd: end }));
    const items = await this.directives.createMany(access, directives, { path: (i) => `items.${i}.`, label: (i) => `第${i + 1}项建议`, fields: { sourceStart: 'start', sourceEnd: 'end' } });
    return { items };
  }
}
