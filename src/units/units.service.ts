import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { Access } from '../access/access';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/changes';
import { Page } from '../common/dto/page.dto';
import { containsPattern, LIKE_ESCAPE } from '../common/sql';
import { readPage } from '../database/list-page';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { CreateUnitDto, UnitQueryDto, UnitView, UpdateUnitDto } from './dto/unit.dto';
import { UnitAlias } from './unit-alias.entity';
import { Unit, UNIT_KINDS, UnitKind } from './unit.entity';

const aliasTaken = (alias: string, what: string) => new DomainError('UNIT_ALIAS_TAKEN', `“${alias}”已是${what}，同一个名称只能对应一个单位`, [{ field: 'aliases', message: `别名“${alias}”已是${what}` }]);

/** Lists show the office first, then departments, townships, enterprises and others. */
const KIND_ORDER = `CASE unit.kind ${UNIT_KINDS.map((kind, i) => `WHEN '${kind}' THEN ${i}`).join(' ')} ELSE ${UNIT_KINDS.length} END`;
/** A unit's place in that order, as KIND_ORDER computes it. */
const kindRank = (kind: string): number => (UNIT_KINDS.includes(kind as UnitKind) ? UNIT_KINDS.indexOf(kind as UnitKind) : UNIT_KINDS.length);

/** The fields the audit trail follows on a unit. */
const AUDITED_FIELDS = ['name', 'shortName', 'kind', 'parentId', 'contactPerson', 'contactPhone', 'contactEmail', 'address', 'active'] as const;

/** A unit and every name it may be written as in a document: full name, short name, aliases. */
export interface UnitNames {
  id: number;
  names: string[];
}

@Injectable()
export class UnitsService {
  constructor(
    @InjectRepository(Unit) private readonly units: Repository<Unit>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(access: Access, query: UnitQueryDto): Promise<Page<UnitView>> {
    const qb = this.units.createQueryBuilder('unit');
    if (access.unitRestriction !== null) qb.andWhere('unit.id = :own', { own: access.unitRestriction });
    if (query.kind) qb.andWhere('unit.kind = :kind', { kind: query.kind });
    if (query.active !== undefined) qb.andWhere('unit.active = :active', { active: query.active });
    if (query.q) {
      const pattern = containsPattern(query.q);
      qb.andWhere(new Brackets((w) => w.where(`unit.name LIKE :pattern ${LIKE_ESCAPE}`, { pattern }).orWhere(`unit.short_name LIKE :pattern ${LIKE_ESCAPE}`, { pattern })));
    }
    // A few hundred units at most: the order by kind needs no index.
    const page = await readPage(qb, query, [
      { column: KIND_ORDER, direction: 'ASC', of: (u) => kindRank(u.kind) },
      { column: 'unit.id', direction: 'ASC', of: (u) => u.id },
    ]);
    const aliases = await this.aliasesOf(this.units.manager, page.items.map((u) => u.id));
    return { ...page, items: page.items.map((u) => UnitView.of(u, aliases.get(u.id))) };
  }

  /** Every unit the access reaches, for pick lists. */
  async listAll(access: Access): Promise<UnitView[]> {
    const qb = this.units.createQueryBuilder('unit').orderBy(KIND_ORDER, 'ASC').addOrderBy('unit.id', 'ASC');
    if (access.unitRestriction !== null) qb.where('unit.id = :own', { own: access.unitRestriction });
    const units = await qb.getMany();
    const aliases = await this.aliasesOf(this.units.manager, units.map((u) => u.id));
    return units.map((u) => UnitView.of(u, aliases.get(u.id)));
  }

  async get(access: Access, id: number): Promise<UnitView> {
    const unit = await this.load(access, id);
    return UnitView.of(unit, (await this.aliasesOf(this.units.manager, [id])).get(id));
  }

  /** The units work can be given to (active member units, not the office), with all their names. */
  async assignableNames(): Promise<UnitNames[]> {
    const units = await this.units.find({ where: { active: true, kind: Not('office') }, order: { id: 'ASC' } });
    const aliases = await this.aliasesOf(this.units.manager, units.map((u) => u.id));
    return units.map((u) => ({ id: u.id, names: [...new Set([u.name, u.shortName, ...(aliases.get(u.id) ?? [])])] }));
  }

  /** Remembers one more name of a unit (audited as a change of the unit). */
  async addAlias(access: Access, id: number, alias: string): Promise<UnitView> {
    const current = await this.get(access, id);
    if (current.aliases.includes(alias)) return current;
    return this.update(access, id, { aliases: [...current.aliases, alias] });
  }

  async create(access: Access, dto: CreateUnitDto): Promise<UnitView> {
    const [created] = await this.createMany(access, [dto]);
    return created;
  }

  /** Several units in one transaction: all of them, or (when one is refused) none. */
  async createMany(access: Access, dtos: CreateUnitDto[]): Promise<UnitView[]> {
    return this.dataSource.transaction(async (manager) => {
      const created: UnitView[] = [];
      for (const dto of dtos) {
        await this.assertNameFree(manager, dto.name);
        await this.assertNotAnAlias(manager, null, dto);
        if (dto.parentId) await this.assertParentExists(manager, dto.parentId);
        const unit = manager.create(Unit, { ...this.columns(dto), active: dto.active ?? true });
        await manager.save(unit);
        const aliases = await this.replaceAliases(manager, unit.id, dto.aliases ?? []);
        const changes = { ...diffFields(null, unit, AUDITED_FIELDS), ...(aliases.length ? { aliases: [null, aliases] as [null, string[]] } : {}) };
        await this.audit.record({ action: 'unit.create', objectType: 'unit', objectId: unit.id, changes }, manager);
        created.push(UnitView.of(unit, aliases));
      }
      return created;
    });
  }

  async update(access: Access, id: number, dto: UpdateUnitDto): Promise<UnitView> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.load(access, id, manager);
      const before = { ...unit };
      if (dto.name !== undefined && dto.name !== unit.name) await this.assertNameFree(manager, dto.name);
      await this.assertNotAnAlias(manager, id, dto);
      if (dto.parentId) await this.assertNoCycle(manager, unit.id, dto.parentId);
      Object.assign(unit, this.columns(dto));
      if (dto.active !== undefined) unit.active = dto.active;
      const aliasesBefore = (await this.aliasesOf(manager, [id])).get(id) ?? [];
      const aliases = dto.aliases === undefined ? aliasesBefore : await this.replaceAliases(manager, id, dto.aliases);
      const aliasesChanged = JSON.stringify(aliases) !== JSON.stringify(aliasesBefore);
      const changes = { ...diffFields(before, unit, AUDITED_FIELDS), ...(aliasesChanged ? { aliases: [aliasesBefore, aliases] as [string[], string[]] } : {}) };
      if (Object.keys(changes).length === 0) return UnitView.of(unit, aliases);
      await manager.save(unit);
      await this.audit.record({ action: 'unit.update', objectType: 'unit', objectId: unit.id, changes }, manager);
      return UnitView.of(unit, aliases);
    });
  }

  private async load(access: Access, id: number, manager: EntityManager = this.units.manager): Promise<Unit> {
    const unit = await manager.findOne(Unit, { where: { id } });
    if (!unit) throw new NotFoundError('单位');
    access.assertReaches('unit', id, [unit.id]);
    return unit;
  }

  /** Maps the DTO's provided fields onto entity columns, leaving absent ones alone. */
  private columns(dto: UpdateUnitDto): Partial<Unit> {
    const columns: Partial<Unit> = {};
    if (dto.name !== undefined) columns.name = dto.name;
    if (dto.shortName !== undefined) columns.shortName = dto.shortName;
    if (dto.kind !== undefined) columns.kind = dto.kind;
    if (dto.parentId !== undefined) columns.parentId = dto.parentId ?? null;
    const contact = dto.contact;
    if (contact?.person !== undefined) columns.contactPerson = contact.person || null;
    if (contact?.phone !== undefined) columns.contactPhone = contact.phone || null;
    if (contact?.email !== undefined) columns.contactEmail = contact.email || null;
    if (contact?.address !== undefined) columns.address = contact.address || null;
    return columns;
  }

  /** Each unit's aliases, in the order they were given. */
  private async aliasesOf(manager: EntityManager, unitIds: number[]): Promise<Map<number, string[]>> {
    const byUnit = new Map<number, string[]>();
    if (unitIds.length === 0) return byUnit;
    const rows = await manager.find(UnitAlias, { where: { unitId: In(unitIds) }, order: { id: 'ASC' } });
    for (const row of rows) byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row.alias]);
    return byUnit;
  }

  /** A unit's name or short name may not be another unit's alias: a document naming it would name two units. */
  private async assertNotAnAlias(manager: EntityManager, unitId: number | null, dto: UpdateUnitDto): Promise<void> {
    const given = (['name', 'shortName'] as const).filter((field) => dto[field] !== undefined && dto[field] !== null);
    if (given.length === 0) return;
    const taken = await manager.findOne(UnitAlias, { where: { alias: In(given.map((field) => dto[field]!)), ...(unitId === null ? {} : { unitId: Not(unitId) }) } });
    if (!taken) return;
    const message = `“${taken.alias}”已是另一个单位的别名`;
    throw new DomainError('UNIT_ALIAS_TAKEN', `${message}，同一个名称只能对应一个单位`, [{ field: given.find((field) => dto[field] === taken.alias)!, message }]);
  }

  /** Sets a unit's aliases; an alias may name no other unit, by its name, short name or an alias. */
  private async replaceAliases(manager: EntityManager, unitId: number, aliases: string[]): Promise<string[]> {
    if (aliases.length > 0) {
      const taken = await manager.findOne(UnitAlias, { where: { alias: In(aliases), unitId: Not(unitId) } });
      if (taken) throw aliasTaken(taken.alias, '另一个单位的别名');
      const named = await manager.findOne(Unit, { where: [{ name: In(aliases), id: Not(unitId) }, { shortName: In(aliases), id: Not(unitId) }] });
      if (named) throw aliasTaken(aliases.find((a) => a === named.name || a === named.shortName)!, `单位“${named.name}”的名称或简称`);
    }
    await manager.delete(UnitAlias, { unitId });
    if (aliases.length > 0) await manager.insert(UnitAlias, aliases.map((alias) => ({ unitId, alias })));
    return aliases;
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    if (await manager.exists(Unit, { where: { name } })) {
      throw new DomainError('UNIT_NAME_TAKEN', `已有名为“${name}”的单位，单位名称不能重复`);
    }
  }

  private async assertParentExists(manager: EntityManager, parentId: number): Promise<void> {
    if (!(await manager.exists(Unit, { where: { id: parentId } }))) {
      throw new DomainError('VALIDATION_FAILED', `上级单位（ID ${parentId}）不存在`, [{ field: 'parentId', message: '上级单位不存在' }]);
    }
  }

  /** A unit may not sit under itself or under one of its own descendants. */
  private async assertNoCycle(manager: EntityManager, unitId: number, parentId: number): Promise<void> {
    const seen = new Set<number>();
    let current: number | null = parentId;
    while (current !== null) {
      if (current === unitId) throw new DomainError('UNIT_HIERARCHY_CYCLE', '不能把单位设为它自己或其下级单位的下级');
      if (seen.has(current)) break;
      seen.add(current);
      const parent: Unit | null = await manager.findOne(Unit, { where: { id: current } });
      if (!parent) {
        if (current === parentId) await this.assertParentExists(manager, parentId);
        break;
      }
      current = parent.parentId;
    }
  }
}
