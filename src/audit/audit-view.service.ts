import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Assignment } from '../assignments/assignment.entity';
import { Directive } from '../directives/directive.entity';
import { SourceDocument } from '../documents/source-document.entity';
import { Inspection } from '../inspections/inspection.entity';
import { CARD_LABELS } from '../listings/listing-rules';
import { Listing } from '../listings/listing.entity';
import { Notice } from '../notices/notice.entity';
import { rectificationCode, rectificationTitle } from '../rectifications/rectification-format';
import { RectificationItem } from '../rectifications/rectification.entity';
import { ChaseSources } from '../reminders/chase-sources';
import { Escalation } from '../reminders/escalation.entity';
import { Rungs } from '../reminders/rungs';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { AuditEntryLike, AuditLine, describeEntry, LookedUpObject, namesWanted } from './audit-lines';
import type { NameBook, ObjectName } from './change-summary';

type Lookup = (ids: number[]) => Promise<[number, ObjectName][]>;

/** Audit entries for the pages: one lookup per kind of record named, then the pure wording of `describeEntry`. */
@Injectable()
export class AuditViewService {
  private readonly lookups: Record<LookedUpObject, Lookup>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ChaseSources,
    private readonly rungs: Rungs,
  ) {
    const repo = this.dataSource.getRepository.bind(this.dataSource);
    this.lookups = {
      user: async (ids) => (await repo(User).find({ where: { id: In(ids) }, select: { id: true, username: true, displayName: true } })).map((u) => [u.id, { name: u.displayName === u.username ? u.username : `${u.displayName}（${u.username}）` }]),
      unit: async (ids) => (await repo(Unit).find({ where: { id: In(ids) }, select: { id: true, name: true } })).map((u) => [u.id, { name: u.name }]),
      document: async (ids) => (await repo(SourceDocument).find({ where: { id: In(ids) }, select: { id: true, title: true } })).map((d) => [d.id, { name: d.title }]),
      directive: async (ids) => (await repo(Directive).find({ where: { id: In(ids) }, select: { id: true, code: true, title: true } })).map((d) => [d.id, { name: `${d.code} ${d.title}` }]),
      assignment: async (ids) =>
        (await repo(Assignment).find({ where: { id: In(ids) }, relations: { directive: true, unit: true }, select: { id: true, directive: { id: true, title: true }, unit: { id: true, name: true } } })).map((a) => [a.id, { name: `${a.unit!.name}：${a.directive!.title}` }]),
      notice: async (ids) => (await repo(Notice).find({ where: { id: In(ids) }, select: { id: true, title: true, number: true } })).map((n) => [n.id, { name: n.number ? `${n.title}（${n.number}）` : n.title }]),
      inspection: async (ids) => (await repo(Inspection).find({ where: { id: In(ids) }, relations: { document: true }, select: { id: true, document: { id: true, title: true } } })).map((i) => [i.id, { name: i.document!.title }]),
      rectification: async (ids) =>
        (await repo(RectificationItem).find({ where: { id: In(ids) }, select: { id: true, location: true, problem: true } })).map((r) => [r.id, { name: `${rectificationCode(r)} ${rectificationTitle(r)}` }]),
      listing: async (ids) => (await repo(Listing).find({ where: { id: In(ids) }, relations: { unit: true }, select: { id: true, card: true, unit: { id: true, name: true } } })).map((l) => [l.id, { name: `${l.unit!.name}（${CARD_LABELS[l.card]}）` }]),
      escalation: async (ids) => {
        const rungs = await repo(Escalation).find({ where: { id: In(ids) }, select: { id: true, rung: true, subjectKind: true, subjectId: true } });
        const labels = await this.sources.labelsOf(this.dataSource.manager, rungs);
        return rungs.map((e, i) => [e.id, { name: `${this.rungs.label(e.rung)}（${labels[i].unitName}）`, href: labels[i].link }]);
      },
    };
  }

  /** A person as the trail names them, for the filter by actor; null when no such account. */
  async personName(userId: number): Promise<string | null> {
    const [found] = await this.lookups.user([userId]);
    return found ? found[1].name : null;
  }

  async describe(entries: readonly AuditEntryLike[]): Promise<AuditLine[]> {
    const book: Record<string, Map<string, ObjectName>> = {};
    for (const [kind, ids] of namesWanted(entries)) {
      if (ids.size === 0) continue;
      const found = await this.lookups[kind]([...ids].map(Number));
      book[kind] = new Map(found.map(([id, name]) => [String(id), name]));
    }
    return entries.map((entry) => describeEntry(entry, book as NameBook));
  }
}
