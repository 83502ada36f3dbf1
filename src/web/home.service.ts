import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access';
import { ROLE_LABELS } from '../access/actor';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Unit, UNIT_KIND_LABELS } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** What each role's home page shows; later features add their figures here. */
@Injectable()
export class HomeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async build(access: Access) {
    const { actor } = access;
    const units = this.dataSource.getRepository(Unit);
    const users = this.dataSource.getRepository(User);
    const ownUnit = actor.unitId ? await units.findOneBy({ id: actor.unitId }) : null;
    const base = {
      title: '首页',
      role: actor.role,
      greeting: `${actor.displayName}，您好`,
      roleLabel: ROLE_LABELS[actor.role],
      ownUnit: ownUnit ? { name: ownUnit.name, kindLabel: UNIT_KIND_LABELS[ownUnit.kind], contactPerson: ownUnit.contactPerson ?? '—', contactPhone: ownUnit.contactPhone ?? '—' } : null,
    };
    if (access.unitRestriction !== null) {
      const colleagues = await users.find({ where: { unitId: access.unitRestriction, active: true }, order: { id: 'ASC' } });
      return { ...base, stats: null, recentAudit: [], colleagues: colleagues.map((u) => ({ displayName: u.displayName, username: u.username })) };
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
    return { ...base, stats: { activeUnits, memberUnits, activeUsers }, recentAudit, colleagues: [] };
  }
}
