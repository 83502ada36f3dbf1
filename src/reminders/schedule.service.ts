import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Access } from '../access/access';
import { dueLimit } from '../calendar/working-calendar';
import { CalendarService } from '../calendar/calendar.service';
import { Page } from '../common/dto/page.dto';
import { NotFoundError } from '../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { datetimeKey, readPage } from '../database/list-page';
import { ChaseLabel, ChaseSources } from './chase-sources';
import { legacySubjectIds, ScheduledActionPage, ScheduledActionView, ScheduleQueryDto, subjectOfQuery } from './dto/reminders.dto';
import { officeTime } from './escalation-ladder';
import { ScheduledAction } from './scheduled-action.entity';

/** The schedule as people read it: what is coming in the next working days, or for one piece of work. */
@Injectable()
export class ScheduleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: ChaseSources,
  ) {}

  async list(access: Access, query: ScheduleQueryDto): Promise<Page<ScheduledActionView>> {
    const subject = subjectOfQuery(query);
    if (subject) {
      const label = this.sources.has(subject.kind) ? await this.sources.labelOf(this.dataSource.manager, subject.kind, subject.id) : null;
      if (!label) throw new NotFoundError(this.sources.has(subject.kind) ? this.sources.get(subject.kind).noun : '事项');
      access.assertReaches(subject.kind, subject.id, [label.unitId]);
    }
    const qb = this.dataSource.getRepository(ScheduledAction).createQueryBuilder('s').where('s.status = :status', { status: query.status });
    if (access.unitRestriction !== null) qb.andWhere('s.unit_id = :own', { own: access.unitRestriction });
    if (query.unitId) qb.andWhere('s.unit_id = :unitId', { unitId: query.unitId });
    if (subject) qb.andWhere('s.subject_kind = :subjectKind AND s.subject_id = :subjectId', { subjectKind: subject.kind, subjectId: subject.id });
    else if (query.status === 'pending') {
      const limit = dueLimit(await this.calendar.calendar(), this.calendar.today(), query.withinDays);
      qb.andWhere('s.due_at <= :until', { until: officeTime(limit, this.config.jobs.officeMinute) });
    }
    // What is coming soonest first; what has been, the latest first. Served by (…, status, due_at, id).
    const direction = query.status === 'pending' ? 'ASC' : 'DESC';
    const page = await readPage(qb, query, [
      { column: 's.dueAt', direction, of: (s) => datetimeKey(s.dueAt) },
      { column: 's.id', direction, of: (s) => s.id },
    ]);
    const labels = await this.sources.labelsOf(this.dataSource.manager, page.items);
    return { ...page, items: page.items.map((s, i) => view(s, labels[i])) } as ScheduledActionPage;
  }
}

function view(s: ScheduledAction, label: ChaseLabel): ScheduledActionView {
  return {
    id: s.id,
    ...legacySubjectIds(s),
    subjectKind: s.subjectKind,
    subjectId: s.subjectId,
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
