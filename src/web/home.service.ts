import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access';
import { ROLE_LABELS } from '../access/actor';
import { Permission, scopeOf } from '../access/permissions';
import { dutyOf } from '../access/roles';
import { AssignmentQueryDto } from '../assignments/dto/assignment.dto';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditEntry } from '../audit/audit-entry.entity';
import { AuditViewService } from '../audit/audit-view.service';
import { CalendarService } from '../calendar/calendar.service';
import { Directive } from '../directives/directive.entity';
import { ListingsService } from '../listings/listings.service';
import { RectificationQueryDto } from '../rectifications/dto/rectification.dto';
import { RectificationsService } from '../rectifications/rectifications.service';
import { Unit, UNIT_KIND_LABELS } from '../units/unit.entity';
import { User } from '../users/user.entity';

/** A figure on the home page and the page listing exactly what it counts. */
export interface Tile {
  count: number;
  /** More than `count`: the list stopped counting there (shown as 10000+). */
  capped: boolean;
  label: string;
  href: string;
  /** Something is late: shown in red. */
  alert: boolean;
}

/** What each role's home page shows; later features add their figures here. */
@Injectable()
export class HomeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly listings: ListingsService,
    private readonly assignments: AssignmentsService,
    private readonly rectifications: RectificationsService,
    private readonly auditView: AuditViewService,
    private readonly calendar: CalendarService,
  ) {}

  async build(access: Access) {
    const { actor } = access;
    const tiles = await this.tiles(access);
    const units = this.dataSource.getRepository(Unit);
    const users = this.dataSource.getRepository(User);
    const ownUnit = actor.unitId ? await units.findOneBy({ id: actor.unitId }) : null;
    // The cards hung now: the unit's own, or every unit's for the office and leaders.
    const cards = await this.listings.list(access, { status: 'active' });
    const base = {
      title: '首页',
      cards,
      // The page's sections follow what the person does, not the role's name.
      duty: dutyOf(actor.role),
      greeting: `${actor.displayName}，您好`,
      roleLabel: ROLE_LABELS[actor.role],
      ownUnit: ownUnit ? { name: ownUnit.name, kindLabel: UNIT_KIND_LABELS[ownUnit.kind], contactPerson: ownUnit.contactPerson ?? '—', contactPhone: ownUnit.contactPhone ?? '—' } : null,
    };
    if (access.unitRestriction !== null) {
      const colleagues = await users.find({ where: { unitId: access.unitRestriction, active: true }, order: { id: 'ASC' } });
      return { ...base, tiles, stats: null, recentAudit: [], colleagues: colleagues.map((u) => ({ displayName: u.displayName, username: u.username })) };
    }
    const [activeUnits, memberUnits, activeUsers] = await Promise.all([
      units.count({ where: { active: true } }),
      units.createQueryBuilder('u').where('u.active = :active', { active: true }).andWhere("u.kind <> 'office'").getCount(),
      users.count({ where: { active: true } }),
    ]);
    const recentAudit = scopeOf(actor.role, Permission.AuditRead) !== null ? await this.auditView.describe(await this.dataSource.getRepository(AuditEntry).find({ order: { id: 'DESC' }, take: 8 })) : [];
    const calendarGap = base.duty === 'coordinate' ? await this.calendarGap() : null;
    return { ...base, tiles, stats: { activeUnits, memberUnits, activeUsers }, recentAudit, colleagues: [], calendarGap };
  }

  /**
   * The year after the last one the working-day calendar covers, when it matters: work is due in it, or the
   * covered year's last quarter has begun (the national schedule for the next year is published about then).
   * Until that year is entered nothing in it is counted in working days, so nothing is chased.
   */
  private async calendarGap(): Promise<{ year: number; directives: number } | null> {
    const year = (await this.calendar.calendar()).coveredThrough() + 1;
    // (standing work orders as 9999-12-31: not a deadline)
    const directives = await this.dataSource
      .getRepository(Directive)
      .createQueryBuilder('d')
      .where('d.dueKey >= :from AND d.dueKey < :standing', { from: `${year}-01-01`, standing: '9999-12-31' })
      .getCount();
    return directives > 0 || this.calendar.today() >= `${year - 1}-10-01` ? { year, directives } : null;
  }

  /**
   * Tasks and rectification items in the access's reach: open, overdue, and (for the office) awaiting
   * review. Each figure is the total of the very list its tile links to, so the two never disagree.
   */
  private async tiles(access: Access): Promise<Tile[]> {
    const own = access.unitRestriction !== null;
    const figure = ({ total, totalCapped }: { total: number; totalCapped: boolean }) => ({ count: total, capped: totalCapped });
    const tasks = async (filter: Partial<AssignmentQueryDto>) => figure(await this.assignments.count(access, Object.assign(new AssignmentQueryDto(), filter)));
    const items = async (filter: Partial<RectificationQueryDto>) => figure(await this.rectifications.count(access, Object.assign(new RectificationQueryDto(), filter)));
    const reviews = scopeOf(access.actor.role, Permission.AssignmentsReview) !== null;
    const [openTasks, overdueTasks, awaitingReview, openItems, overdueItems] = await Promise.all([tasks({ open: true }), tasks({ overdue: true }), reviews ? tasks({ awaitingReview: true }) : { count: 0, capped: false }, items({ open: true }), items({ overdue: true })]);
    return [
      { ...openTasks, label: own ? '本单位在办任务' : '在办任务', href: '/tasks?open=true', alert: false },
      { ...overdueTasks, label: '已超期任务', href: '/tasks?overdue=true', alert: true },
      ...(reviews ? [{ ...awaitingReview, label: '待审核（报告、办结、延期）', href: '/review', alert: false }] : []),
      { ...openItems, label: own ? '本单位在办整改事项' : '在办整改事项', href: '/rectifications?open=true', alert: false },
      { ...overdueItems, label: '已超期整改事项', href: '/rectifications?overdue=true', alert: true },
    ];
  }
}
