import type { DataSource, EntityManager } from 'typeorm';
import { isMysqlFamily } from './server-flavour';

/**
 * A gapless number per year (and per scope, e.g. a notice kind), kept as `last_seq` in one row per
 * year and scope of its own table: directive codes (DB-2026-0001), notice numbers (〔2026〕1号).
 * The table has the scope columns, `year` and `last_seq`, with a unique key over scope and year.
 */
export class YearlyCounter<Scope extends Record<string, string> = Record<never, string>> {
  constructor(private readonly table: string) {}

  /**
   * Makes sure the row exists. Call it before the transaction that takes a number: inside it, the
   * duplicate check's shared lock followed by the UPDATE's exclusive one deadlocks two takers on MariaDB.
   */
  async ensure(dataSource: DataSource, year: number, scope: Scope): Promise<void> {
    const columns = [...Object.keys(scope), 'year', 'last_seq'];
    const insertIgnore = isMysqlFamily(dataSource.options.type) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    await dataSource.query(`${insertIgnore} INTO ${this.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`, [...Object.values(scope), year, 0]);
  }

  /**
   * Takes the next number inside the caller's transaction. The UPDATE locks the row until commit, so
   * concurrent takers queue up, and a rollback gives the number back: no gaps, no duplicates.
   */
  async next(manager: EntityManager, year: number, scope: Scope): Promise<number> {
    const where = [...Object.keys(scope), 'year'].map((column) => `${column} = ?`).join(' AND ');
    const params = [...Object.values(scope), year];
    await manager.query(`UPDATE ${this.table} SET last_seq = last_seq + 1 WHERE ${where}`, params);
    const [row] = await manager.query(`SELECT last_seq AS seq FROM ${this.table} WHERE ${where}`, params);
    if (!row) throw new Error(`No ${this.table} row for ${JSON.stringify(scope)} ${year}: ensure it before the transaction`);
    return Number(row.seq);
  }
}
