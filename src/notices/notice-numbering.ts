import type { DataSource, EntityManager } from 'typeorm';
import { YearlyCounter } from '../database/yearly-counter';

/** Each kind numbers its notices from 1 every year. */
const NOTICE_COUNTER = new YearlyCounter<{ kind: string }>('notice_counters');

/** Makes sure the kind's counter row for the year exists; before the transaction, as for directives. */
export async function ensureNoticeCounter(dataSource: DataSource, kind: string, year: number): Promise<void> {
  await NOTICE_COUNTER.ensure(dataSource, year, { kind });
}

/**
 * The next number of the kind in the year, inside the issuing transaction: the UPDATE locks the counter
 * row until commit, so concurrent issues queue up, and a rollback gives the number back.
 */
export async function nextNoticeNumber(manager: EntityManager, kind: string, year: number): Promise<number> {
  return NOTICE_COUNTER.next(manager, year, { kind });
}
