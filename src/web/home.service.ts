import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access';
import { ROLE_LABELS } from '../access/actor';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Unit, UNIT_KIND_LABELS } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { OPEN_STATUSES } from '../assignments/assignment-state';
import { Assignment } from '../assignments/assignment.entity';
import { chinaDate } from '../calendar/working-calendar';
import { Clock } from '../common/clock';
import { ListingsService } from '../listings/listings.service';


/** What each role's home page shows; later features add their figures here. */
@Injectable()
export class HomeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly listings: ListingsService,
  ) {}

  async build(access: Access) {
    const { actor } = access;
    const work = await this.workFigures(access);
    const units = this.dataSource.getRepository(Unit);
    const users = this.dataSource.getRepository(User);
    const ownUnit = actor.unitId ? await units.findOneBy({ id: actor.unitId }) : null;
    // The cards hung now: the unit's own, or every unit's for the office and leaders.
    const cards = await this.listings.list(access, { status: 'active' });
    const base = {
      title: '首页',
      cards,
      role: actor.role,
      greeting: `${actor.displayName}，您好`,
      roleLabel: ROLE_LABELS[actor.role],
      ownUnit: ownUnit ? { name: ownUnit.name, kindLabel: UNIT_KIND_LABELS[ownUnit.kind], contactPerson: ownUnit.contactPerson ?? '—', contactPhone: ownUnit.contactPhone ?? '—' } : null,
    };
    if (access.unitRestriction !== null) {
      const colleagues = await users.find({ where: { unitId: access.unitRestriction, active: true }, order: { id: 'ASC' } });
      return { ...base, work, stats: null, recentAudit: [], colleagues: colleagues.map((u) => ({ displayName: u.displayName, username: u.username })) };
    }
    const [activeUnits, memberUnits, activeUsers] = await Promise.all([
      units.count({ where: { active: true } }),
      units.createQueryBuilder('u').where('u.active = :active', { active: true }).andWhere("u.kind <> 'office'").getCount(),
      users.count({ where: { active: true } }),
    ]);
    const recentAudit =
      actor.role === 'office'
        ? await this.dataSource.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: 8 })
        : [];
    return { ...base, work, stats: { activeUnits, memberUnits, activeUsers }, recentAudit, colleagues: [] };
  }

  /** Open, overdue and awaiting-review assignments within the access's reach, all derived from today. */
  private async workFigures(access: Access) {
    const today = chinaDate(this.clock.now());
    const qb = () => {
      const query = this.dataSource.getRepository(Assignment).createQueryBuilder('a').where('a.status IN (:...open)', { open: [...OPEN_STATUSES] });
      if (access.unitRestriction !== null) query.andWhere('a.unit_id = :own', { own: access.unitRestriction });
      return query;
    };
    const [open, overdue, awaitingReview] = await Promise.all([
      qb().getCount(),
      qb().andWhere('a.deadline < :today', { today }).getCount(),
      qb().andWhere("a.status = 'completion_requested'").getCount(),
    ]);
    return { open, overdue, awaitingReview };
  }
}
