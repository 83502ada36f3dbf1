import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from './working-calendar';

/** A day the office sets apart from the published schedule: a local holiday or a make-up working day. */
@Entity('calendar_days')
export class CalendarDay {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: DayKind;

  @Column({ type: 'varchar', length: 100 })
  note!: string;
}

/** A year whose national schedule the office has entered itself, before the published data has it. */
@Entity('calendar_years')
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year!: number;
}
