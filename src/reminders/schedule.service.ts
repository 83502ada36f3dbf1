import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access';
import { dueLimit } from '../assignments/deadline-status';
import { Assignment } from '../assignments/assignment.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Page, pageOf } from '../common/dto/page.dto';
import { NotFoundError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ScheduledActionPage, ScheduledActionView, ScheduleQueryDto } from './dto/reminders.dto';
import { officeTime } from './escalation-ladder';
import { ScheduledAction } from './scheduled-action.entity';
import { chasedLabel, joinChased } from './chase-target';
import { RectificationItem } from '../rectifications/rectification.entity';

/** The schedule as people read it: what is coming in the next working days, or for one task. */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(access: Access, query: ScheduleQueryDto): Promise<Page<ScheduledActionView>> {
    if (query.assignmentId) {
      const assignment = await this.dataSource.getRepository(Assignment).findOneBy({ id: query.assignmentId });
      if (!assignment) throw new NotFoundError('任务');
      access.assertReaches('assignment', query.assignmentId, [assignment.unitId]);
    }
    if (query.rectificationId) {
      const item = await this.dataSource.getRepository(RectificationItem).findOneBy({ id: query.rectificationId });
      if (!item) throw new NotFoundError('整改事项');
      access.assertReaches('rectification', query.rectificationId, [item.unitId]);
    }
    const { qb, unitColumn } = joinChased(this.dataSource.getRepository(ScheduledAction).createQueryBuilder('s'), 's');
    qb.where('s.status = :status', { status: query.status });
    if (access.unitRestriction !== null) qb.andWhere(`${unitColumn} = :own`, { own: access.unitRestriction });
    if (query.unitId) qb.andWhere(`${unitColumn} = :unitId`, { unitId: query.unitId });
    if (query.assignmentId) qb.andWhere('s.assignment_id = :assignmentId', { assignmentId: query.assignmentId });
    else if (query.rectificationId) qb.andWhere('s.rectification_id = :rectificationId', { rectificationId: query.rectificationId });
    else if (query.status === 'pending') {
      const limit = dueLimit(await this.calendar.calendar(), this.calendar.today(), query.withinDays);
      qb.andWhere('s.due_at <= :until', { until: officeTime(limit, this.config.jobs.officeMinute) });
    }
    const [items, total] = await qb
      .orderBy('s.dueAt', query.status === 'pending' ? 'ASC' : 'DESC')
      .addOrderBy('s.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items.map(view), total, query) as ScheduledActionPage;
  }
}

function view(s: ScheduledAction): ScheduledActionView {
  const label = chasedLabel(s);
  return {
    id: s.id,
    assignmentId: s.assignmentId,
    rectificationId: s.rectificationId,
    directiveCode: label.code,
    directiveTitle: label.title,
    link: label.link,
    unitName: label.unitName,
    kind: s.kind,
    periodKey: s.periodKey,
    dueAt: s.dueAt,
    status: s.status,
    attempts: s.attempts,
    lastError: s.lastError,
    outcome: s.outcome,
  };
}
