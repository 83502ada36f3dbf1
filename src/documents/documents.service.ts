import { Injectable, OnModuleInit } from '@nestjs/common';
import { objectDenied } from '../access/access';
import { Permission, scopeOf } from '../access/permissions';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/actor';
import { attachmentView } from '../attachments/attachment-view';
import { AttachmentsService, UploadedFile } from '../attachments/attachments.service';
import { readFileText } from '../attachments/file-text';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/changes';
import { Page } from '../common/dto/page.dto';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { containsPattern, LIKE_ESCAPE } from '../common/sql';
import { readPage } from '../database/list-page';
import { Directive } from '../directives/directive.entity';
import { BODY_MAX_LENGTH, CreateDocumentDto, DocumentDetailView, DocumentQueryDto, DocumentView } from './dto/document.dto';
import { SourceDocument } from './source-document.entity';

const AUDITED_FIELDS = ['kind', 'title', 'docNumber', 'issuer', 'issuedOn'] as const;

@Injectable()
export class DocumentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    // A document's files are for those who may read documents (the office and leaders).
    this.attachments.registerOwner('document', async (access, documentId) => {
      if (!scopeOf(access.actor.role, Permission.DocumentsRead)) {
        throw objectDenied({ actor: access.actor, permission: Permission.DocumentsRead, objectType: 'document', objectId: documentId });
      }
    });
  }

  /** Latest first (served by (issued_on, id) and (kind, issued_on, id)). */
  async list(query: DocumentQueryDto): Promise<Page<DocumentView>> {
    const qb = this.dataSource.getRepository(SourceDocument).createQueryBuilder('doc');
    if (query.kind) qb.andWhere('doc.kind = :kind', { kind: query.kind });
    if (query.q) qb.andWhere(`(doc.title LIKE :q ${LIKE_ESCAPE} OR doc.doc_number LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(query.q) });
    const page = await readPage(qb, query, [
      { column: 'doc.issuedOn', direction: 'DESC', of: (d) => d.issuedOn },
      { column: 'doc.id', direction: 'DESC', of: (d) => d.id },
    ]);
    return { ...page, items: page.items.map(DocumentView.of) };
  }

  async get(id: number): Promise<DocumentDetailView> {
    const document = await this.dataSource.getRepository(SourceDocument).findOneBy({ id });
    if (!document) throw new NotFoundError('来源文件');
    const directives = await this.dataSource.getRepository(Directive).find({ where: { sourceDocumentId: id }, order: { id: 'ASC' } });
    const attachments = await this.attachments.list('document', [id]);
    return Object.assign(DocumentView.of(document), {
      directives: directives.map((d) => ({ id: d.id, code: d.code, title: d.title, sourceExcerpt: d.sourceExcerpt, sourceStart: d.sourceStart, sourceEnd: d.sourceEnd })),
      attachments: attachments.map(attachmentView),
    });
  }

  async create(actor: Actor, dto: CreateDocumentDto, files: UploadedFile[] = []): Promise<DocumentDetailView> {
    const { bodyFromFile, ...fields } = dto;
    const body = bodyFromFile ? await this.bodyFromFile(files) : dto.body;
    const id = await this.attachments.withFiles(files, actor.userId, (attach) =>
      this.dataSource.transaction(async (manager) => {
        await this.assertNumberFree(manager, dto.docNumber ?? null);
        const document = await manager.save(manager.create(SourceDocument, { ...fields, body, docNumber: dto.docNumber || null, createdBy: actor.userId }));
        await attach(manager, 'document', document.id);
        await this.audit.record({ action: 'document.create', objectType: 'document', objectId: document.id, changes: diffFields(null, document, AUDITED_FIELDS) }, manager);
        return document.id;
      }),
    );
    return this.get(id);
  }

  /** The text of the uploaded Word or PDF file, within what a document's body holds. */
  private async bodyFromFile(files: UploadedFile[]): Promise<string> {
    const text = await readFileText(files);
    if (text.length > BODY_MAX_LENGTH) {
      const message = `文件中读出 ${text.length} 个字符，全文不能超过 ${BODY_MAX_LENGTH} 个字符；请拆分文件后分别登记`;
      throw new DomainError('VALIDATION_FAILED', message, [{ field: 'files', message }]);
    }
    return text;
  }

  private async assertNumberFree(manager: EntityManager, docNumber: string | null): Promise<void> {
    if (docNumber && (await manager.existsBy(SourceDocument, { docNumber }))) {
      throw new DomainError('DOCUMENT_NUMBER_TAKEN', `文号“${docNumber}”已登记过，同一文号不能重复登记`);
    }
  }
}
