import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { CalendarDay, CalendarYear } from './calendar-day.entity';
import { publishedCalendar, withOverrides } from './calendar-data';
import { chinaDate, IsoDate, WorkingCalendar } from './working-calendar';
import type { CalendarDayDto } from './dto/calendar.dto';

/** The working-day calendar in force: the published national schedule plus the office's own days. */
@Injectable()
export class CalendarService {
  private readonly published = publishedCalendar();
  private current: Promise<WorkingCalendar> | null = null;
  private readonly listeners: (() => Promise<void>)[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  calendar(): Promise<WorkingCalendar> {
    // A failed load is not cached: the next request tries again.
    this.current ??= this.load().catch((error: unknown) => {
      this.current = null;
      throw error;
    });
    return this.current;
  }

  /** Called after every change of the calendar (the schedule of reminders depends on it). */
  onChange(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Today's date in China by the injected clock. */
  today(): IsoDate {
    return chinaDate(this.clock.now());
  }

  async overview() {
    const [days, years] = await Promise.all([
      this.dataSource.getRepository(CalendarDay).find({ order: { date: 'ASC' } }),
      this.dataSource.getRepository(CalendarYear).find({ order: { year: 'ASC' } }),
    ]);
    const covered = [...this.published.coveredYears, ...years.map((y) => y.year)];
    return { publishedYears: { from: Math.min(...this.published.coveredYears), to: Math.max(...this.published.coveredYears) }, officeYears: years.map((y) => y.year), coveredThrough: Math.max(...covered), days };
  }

  async setDay(dto: CalendarDayDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(CalendarDay, { date: dto.date });
      await manager.save(manager.create(CalendarDay, dto));
      await this.audit.record({ action: 'calendar.set_day', objectType: 'calendar_day', objectId: dto.date, changes: { kind: [before?.kind ?? null, dto.kind], note: [before?.note ?? null, dto.note] } }, manager);
    });
    await this.changed();
  }

  async removeDay(date: IsoDate): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(CalendarDay, { date });
      if (!before) return;
      await manager.delete(CalendarDay, { date });
      await this.audit.record({ action: 'calendar.remove_day', objectType: 'calendar_day', objectId: date, changes: { kind: [before.kind, null] } }, manager);
    });
    await this.changed();
  }

  /** The office declares a year's national schedule entered (its holidays and make-up days set above). */
  async coverYear(year: number): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(CalendarYear, { year })) return;
      await manager.save(manager.create(CalendarYear, { year }));
      await this.audit.record({ action: 'calendar.cover_year', objectType: 'calendar_year', objectId: year }, manager);
    });
    await this.changed();
  }

  private async changed(): Promise<void> {
    this.current = null;
    for (const listener of this.listeners) await listener();
  }

  private async load(): Promise<WorkingCalendar> {
    const [days, years] = await Promise.all([this.dataSource.getRepository(CalendarDay).find(), this.dataSource.getRepository(CalendarYear).find()]);
    return new WorkingCalendar(withOverrides(this.published, days, years.map((y) => y.year)));
  }
}
