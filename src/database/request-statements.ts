import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import { QueryTimeoutError } from '../common/errors/domain-error';
import { currentRequestContext, ReadBounds, RequestContext } from '../common/request-context';
import type { RequestQueryLimits } from '../config/app-config';
import type { DatabaseControl } from './database-control';
import { isMysqlFamily } from './server-flavour';

export type MysqlFlavour = 'mariadb' | 'mysql';

const SELECT = /^\s*SELECT\b/i;

const logger = new Logger('Database');

/** How long a request's statement may run: the statement timeout, cut to what is left of the read's deadline; null: no limit. */
export function statementBudgetMs(statementTimeoutMs: number, deadline: number | null, now: number): number | null {
  const left = deadline === null ? null : Math.max(1, deadline - now);
  if (statementTimeoutMs <= 0) return left;
  return left === null ? statementTimeoutMs : Math.min(statementTimeoutMs, left);
}

/**
 * A request's SELECT as sent: marked with a comment naming the request (the mark by which it is found
 * in the process list to be cancelled, and by which an operator sees whose it is), and carrying the
 * server's own time limit, so that the server stops it even if this process cannot. MariaDB's limit is
 * in seconds and covers the statement; MySQL's optimizer hint is in milliseconds and SELECT-only.
 */
export function boundedSelect(sql: string, flavour: MysqlFlavour, budgetMs: number | null, marker: string): string {
  const marked = `/* ${marker} */ `;
  if (budgetMs === null) return marked + sql;
  if (flavour === 'mariadb') return `${marked}SET STATEMENT max_statement_time=${(budgetMs / 1000).toFixed(3)} FOR ${sql}`;
  return marked + sql.replace(SELECT, (select) => `${select} /*+ MAX_EXECUTION_TIME(${Math.ceil(budgetMs)}) */`);
}

/** A read starts no statement once its client has gone or its deadline has passed. */
function stopIfOver(read: ReadBounds | null): void {
  if (!read) return;
  read.abandoned.throwIfAborted();
  if (read.deadline !== null && Date.now() >= read.deadline) throw new QueryTimeoutError();
}

type Query = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/**
 * Bounds the SELECTs that requests run in the application's pool on MySQL/MariaDB. Migrations, jobs and
 * start-up run outside any request and are never bounded; nor are writes, nor anything a transaction
 * runs (its reads are part of a change, and may rightly wait for a row lock, such as a yearly
 * counter's, for longer than a read should take): what a person asked to change is done even if they
 * leave. A request's SELECT
 * - carries the server's time limit (DB_STATEMENT_TIMEOUT_MS, cut to a read's deadline);
 * - for a read (GET, HEAD) whose client went away or whose deadline passed, is not started — checked
 *   again once a pooled connection is obtained, since the wait for one can be long;
 * - for a read whose client goes away while it runs, is killed from the control pool, by the
 *   connection id TypeORM's pooled connection carries and the statement's mark.
 * TypeORM has no hook that can change a statement, so each query runner's `query` is wrapped as the
 * driver creates it.
 */
export function boundRequestStatements(dataSource: DataSource, control: DatabaseControl, limits: RequestQueryLimits): void {
  if (!isMysqlFamily(dataSource.options.type)) return;
  const flavour: MysqlFlavour = dataSource.options.type === 'mariadb' ? 'mariadb' : 'mysql';
  let sequence = 0;

  async function forRequest(runner: QueryRunner, query: Query, context: RequestContext, sql: string, parameters?: unknown[], structured?: boolean): Promise<unknown> {
    const { read } = context;
    stopIfOver(read);
    const connection = (await runner.connect()) as { threadId: number };
    stopIfOver(read);
    sequence += 1;
    const marker = `request ${context.correlationId} #${sequence}`;
    const statement = boundedSelect(sql, flavour, statementBudgetMs(limits.statementTimeoutMs, read?.deadline ?? null, Date.now()), marker);
    if (!read) return query(statement, parameters, structured);
    const cancel = () => {
      control.cancel(connection.threadId, marker).then(
        (cancelled) => cancelled && logger.debug(`Cancelled the statement of abandoned request ${context.correlationId}`),
        (error: unknown) => logger.warn(`Could not cancel the statement of abandoned request ${context.correlationId}: ${error instanceof Error ? error.message : String(error)}`),
      );
    };
    read.abandoned.addEventListener('abort', cancel, { once: true });
    try {
      return await query(statement, parameters, structured);
    } catch (error) {
      // Killed because the client went away: end the request as abandoned, not as a failed statement.
      if (read.abandoned.aborted) throw read.abandoned.reason;
      throw error;
    } finally {
      read.abandoned.removeEventListener('abort', cancel);
    }
  }

  const driver = dataSource.driver;
  const createQueryRunner = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = createQueryRunner(mode);
    const query = runner.query.bind(runner) as Query;
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
      const context = currentRequestContext();
      // A released runner is left to refuse the statement itself: connecting it would take a connection it never returns.
      if (!context || runner.isReleased || runner.isTransactionActive || !SELECT.test(sql)) return query(sql, parameters, structured);
      return forRequest(runner, query, context, sql, parameters, structured);
    }) as QueryRunner['query'];
    return runner;
  };
}
