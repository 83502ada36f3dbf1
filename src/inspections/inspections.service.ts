import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Access } from '../access/access';
import { attachmentView } from '../attachments/attachment-view';
import { AttachmentsService, UploadedFile } from '../attachments/attachments.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Page, pageOf } from '../common/dto/page.dto';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { SourceDocument } from '../documents/source-document.entity';
import { FindingDto, RectificationView } from '../rectifications/dto/rectification.dto';
import { RectificationsService } from '../rectifications/rectifications.service';
import { Unit } from '../units/unit.entity';
import { CreateInspectionDto, InspectionDetailView, InspectionQueryDto, InspectionView, IssueInspectionDto } from './dto/inspection.dto';
import { INSPECTION_TYPE_LABELS, Inspection, InspectionUnit } from './inspection.entity';

/** 督导检查: recorded with the units inspected and what was found; each is also a source document. */
@Injectable()
export class InspectionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly attachments: AttachmentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rectifications: RectificationsService,
  ) {}

  onModuleInit(): void {
    // Photos and records are seen by whoever may read the inspection.
    this.attachments.registerOwner('inspection', async (access, inspectionId) => {
      await this.load(access, inspectionId, this.dataSource.manager, 'attachment', inspectionId);
    });
  }

  async list(access: Access, query: InspectionQueryDto): Promise<Page<InspectionView>> {
    const qb = this.dataSource.getRepository(Inspection).createQueryBuilder('i').innerJoinAndSelect('i.document', 'document');
    if (access.unitRestriction !== null) qb.andWhere('EXISTS (SELECT 1 FROM inspection_units iu WHERE iu.inspection_id = i.id AND iu.unit_id = :own)', { own: access.unitRestriction });
    const [inspections, total] = await qb.orderBy('document.issuedOn', 'DESC').addOrderBy('i.id', 'DESC').skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return pageOf(await this.views(access, inspections), total, query);
  }

  async get(access: Access, id: number): Promise<InspectionDetailView> {
    const inspection = await this.load(access, id, this.dataSource.manager, 'inspection', id);
    const [[view], attachments, items] = await Promise.all([this.views(access, [inspection]), this.attachments.list('inspection', [id]), this.rectifications.ofInspections(access, [id])]);
    return { ...view, summary: inspection.document!.body, attachments: attachments.map(attachmentView), items };
  }

  async create(access: Access, dto: CreateInspectionDto): Promise<InspectionDetailView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const unitIds = [...new Set(dto.unitIds)];
      const units = await manager.findBy(Unit, { id: In(unitIds), active: true });
      if (units.length !== unitIds.length || units.some((u) => u.kind === 'office')) throw new DomainError('VALIDATION_FAILED', '被检查单位须为在用的成员单位', [{ field: 'unitIds', message: '被检查单位中有不存在、已停用或不是成员单位的' }]);
      const office = await manager.findOneBy(Unit, { kind: 'office' });
      const document = await manager.save(
        manager.create(SourceDocument, { kind: 'inspection', title: dto.title, docNumber: null, issuer: office?.name ?? '督导检查组', issuedOn: dto.inspectedOn, body: dto.summary, createdBy: access.actor.userId }),
      );
      const inspection = await manager.save(manager.create(Inspection, { documentId: document.id, type: dto.type, inspectors: dto.inspectors, createdBy: access.actor.userId, createdAt: this.clock.now() }));
      await manager.insert(InspectionUnit, unitIds.map((unitId) => ({ inspectionId: inspection.id, unitId })));
      await this.audit.record({ action: 'inspection.create', objectType: 'inspection', objectId: inspection.id, changes: { title: [null, dto.title], type: [null, dto.type], units: [null, unitIds] } }, manager);
      if (dto.findings?.length) await this.rectifications.addFindings(manager, access, inspection, dto.findings);
      return inspection.id;
    });
    return this.get(access, id);
  }

  async addFindings(access: Access, id: number, findings: FindingDto[]): Promise<InspectionDetailView> {
    await this.dataSource.transaction(async (manager) => {
      const inspection = await this.load(access, id, manager, 'inspection', id);
      await this.rectifications.addFindings(manager, access, inspection, findings);
    });
    return this.get(access, id);
  }

  async attach(access: Access, id: number, files: UploadedFile[]): Promise<InspectionDetailView> {
    if (files.length === 0) throw new DomainError('VALIDATION_FAILED', '请选择要上传的照片或检查记录', [{ field: 'files', message: '请选择要上传的照片或检查记录' }]);
    await this.attachments.withFiles(files, access.actor.userId, (attach) =>
      this.dataSource.transaction(async (manager) => {
        await this.load(access, id, manager, 'inspection', id);
        const attached = await attach(manager, 'inspection', id);
        await this.audit.record({ action: 'inspection.attach', objectType: 'inspection', objectId: id, changes: { attachments: [null, attached.map((a) => ({ id: a.id, fileName: a.fileName }))] } }, manager);
      }),
    );
    return this.get(access, id);
  }

  async issue(access: Access, id: number, dto: IssueInspectionDto): Promise<InspectionDetailView> {
    await this.load(access, id, this.dataSource.manager, 'inspection', id);
    await this.rectifications.issueDrafts(access, id, dto.notices);
    return this.get(access, id);
  }

  private async load(access: Access, id: number, manager: EntityManager, objectType: string, objectId: number): Promise<Inspection> {
    const inspection = await manager.findOne(Inspection, { where: { id }, relations: { document: true } });
    if (!inspection) throw new NotFoundError(objectType === 'attachment' ? '附件' : '督导检查');
    const units = await manager.findBy(InspectionUnit, { inspectionId: id });
    access.assertReaches(objectType, objectId, units.map((u) => u.unitId));
    return inspection;
  }

  private async views(access: Access, inspections: Inspection[]): Promise<InspectionView[]> {
    if (inspections.length === 0) return [];
    const ids = inspections.map((i) => i.id);
    const [links, items] = await Promise.all([
      this.dataSource.getRepository(InspectionUnit).find({ where: { inspectionId: In(ids) }, relations: { unit: true }, order: { unitId: 'ASC' } }),
      this.rectifications.ofInspections(access, ids),
    ]);
    const count = (id: number, keep: (r: RectificationView) => boolean) => items.filter((r) => r.inspectionId === id && keep(r)).length;
    return inspections.map((i) => {
      const mine = links.filter((l) => l.inspectionId === i.id);
      return {
        id: i.id,
        documentId: i.documentId,
        title: i.document!.title,
        type: i.type,
        typeLabel: INSPECTION_TYPE_LABELS[i.type],
        inspectedOn: i.document!.issuedOn,
        inspectors: i.inspectors,
        unitIds: mine.map((l) => l.unitId),
        unitNames: mine.map((l) => l.unit!.shortName),
        itemCount: count(i.id, () => true),
        openCount: count(i.id, (r) => !['draft', 'signed_off', 'cancelled'].includes(r.status)),
        overdueCount: count(i.id, (r) => r.overdue),
        version: i.version,
      };
    });
  }
}
