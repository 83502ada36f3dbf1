import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Denial } from '../access/access';
import type { Actor } from '../access/actor';
import { Page } from '../common/dto/page.dto';
import { currentRequestContext } from '../common/request-context';
import { LIKE_ESCAPE, prefixPattern } from '../common/sql';
import { readPage } from '../database/list-page';
import type { AuditAction } from './audit-actions';
import { AuditEntry, FieldChanges } from './audit-entry.entity';
import { AuditEntryView, AuditQueryDto } from './dto/audit.dto';

export interface AuditRecord {
  /** One of AUDIT_ACTION_LABELS: an action the audit page cannot name does not compile. */
  action: AuditAction;
  objectType?: string;
  objectId?: string | number;
  changes?: FieldChanges | null;
  /** Who acted, when not the request's signed-in actor (sign-in, failed sign-in). */
  actor?: Pick<Actor, 'userId' | 'username' | 'unitId'> | { userId: null; username: string; unitId: null };
}

@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Appends an entry; pass the transaction's manager so the entry commits or rolls back with the change. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const context = currentRequestContext();
    const actor = record.actor ?? context?.actor ?? null;
    const entry = this.entries.create({
      occurredAt: new Date(),
      actorUserId: actor?.userId ?? null,
      actorUsername: actor?.username?.slice(0, 64) ?? null,
      actorUnitId: actor?.unitId ?? null,
      action: record.action,
      objectType: record.objectType ?? null,
      objectId: record.objectId === undefined ? null : String(record.objectId).slice(0, 40),
      changes: record.changes ?? null,
      correlationId: context?.correlationId ?? null,
      ip: context?.ip ?? null,
    });
    await (manager ? manager.getRepository(AuditEntry) : this.entries).save(entry);
  }

  /** Denials are logged and kept in the trail; they never change anything else. */
  async recordDenial(denial: Denial): Promise<void> {
    const { actor, permission, objectType, objectId } = denial;
    this.logger.warn(`[${currentRequestContext()?.correlationId ?? '-'}] denied ${actor.username} (${actor.role}) ${permission} on ${objectType} ${objectId}`);
    await this.record({ action: 'access.denied', objectType, objectId, changes: { permission: [null, permission] } });
  }

  /** Newest first; each filter has an index ending (implicitly, on both databases) in the id. */
  async list(query: AuditQueryDto): Promise<Page<AuditEntryView>> {
    const qb = this.entries.createQueryBuilder('e');
    if (query.actorUserId) qb.andWhere('e.actor_user_id = :actorUserId', { actorUserId: query.actorUserId });
    if (query.action) {
      if (query.action.endsWith('.')) qb.andWhere(`e.action LIKE :prefix ${LIKE_ESCAPE}`, { prefix: prefixPattern(query.action) });
      else qb.andWhere('e.action = :action', { action: query.action });
    }
    if (query.objectType) qb.andWhere('e.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('e.object_id = :objectId', { objectId: query.objectId });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    const page = await readPage(qb, query, [{ column: 'e.id', direction: 'DESC', of: (e) => e.id }]);
    return { ...page, items: page.items.map(AuditEntryView.of) };
  }
}
