import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { QueryTimeoutError, RequestAbandonedError } from '../common/errors/domain-error';
import { requestContextMiddleware } from '../common/request-context';
import type { DatabaseControl } from './database-control';
import { boundedSelect, boundRequestStatements, statementBudgetMs } from './request-statements';

describe('statementBudgetMs', () => {
  it.each([
    ['the statement timeout alone', 8000, null, 8000],
    ['no bound at all', 0, null, null],
    ['the deadline when it is nearer', 8000, 1_000_300, 300],
    ['the statement timeout when it is nearer', 8000, 1_020_000, 8000],
    ['the deadline alone', 0, 1_020_000, 20_000],
    ['one millisecond once the deadline has passed', 8000, 999_000, 1],
  ])('gives %s', (_, statementTimeoutMs, deadline, budget) => {
    expect(statementBudgetMs(statementTimeoutMs, deadline, 1_000_000)).toBe(budget);
  });
});

describe('boundedSelect', () => {
  const sql = 'SELECT `u`.`id` FROM `units` `u` WHERE `u`.`id` = ?';

  it('gives MariaDB the statement time limit in seconds, after the mark', () => {
    expect(boundedSelect(sql, 'mariadb', 8000, 'request r1 #7')).toBe(`/* request r1 #7 */ SET STATEMENT max_statement_time=8.000 FOR ${sql}`);
    expect(boundedSelect(sql, 'mariadb', 250, 'm')).toContain('max_statement_time=0.250 FOR SELECT');
  });

  it('gives MySQL the optimizer hint in milliseconds, right after SELECT', () => {
    expect(boundedSelect(sql, 'mysql', 8000, 'request r1 #7')).toBe('/* request r1 #7 */ SELECT /*+ MAX_EXECUTION_TIME(8000) */ `u`.`id` FROM `units` `u` WHERE `u`.`id` = ?');
  });

  it('only marks a statement without a time limit', () => {
    expect(boundedSelect(sql, 'mariadb', null, 'm')).toBe(`/* m */ ${sql}`);
  });
});

describe('boundRequestStatements', () => {
  const CORRELATION_ID = 'caller-trace-0001';

  /** A query runner whose connection and statements the test settles. */
  function fakeRunner() {
    let giveConnection!: (connection: { threadId: number }) => void;
    const connection = new Promise<{ threadId: number }>((resolve) => (giveConnection = resolve));
    const sent: string[] = [];
    let finishStatement!: (result: unknown) => void;
    let failStatement!: (error: unknown) => void;
    const runner = {
      isReleased: false,
      isTransactionActive: false,
      connect: jest.fn(() => connection),
      query: jest.fn(async (sql: string) => {
        await connection;
        sent.push(sql);
        return new Promise((resolve, reject) => {
          finishStatement = resolve;
          failStatement = reject;
        });
      }),
    };
    return { runner, sent, giveConnection, finish: (result: unknown) => finishStatement(result), fail: (error: unknown) => failStatement(error) };
  }

  function guarded(type: 'mariadb' | 'mysql', statementTimeoutMs = 8000) {
    const fake = fakeRunner();
    const control = { cancel: jest.fn(async () => false) };
    const dataSource = { options: { type }, driver: { createQueryRunner: () => fake.runner } } as unknown as DataSource;
    boundRequestStatements(dataSource, control as unknown as DatabaseControl, { statementTimeoutMs, readTimeoutMs: 0 });
    const runner = dataSource.driver.createQueryRunner('master') as unknown as { query: (sql: string) => Promise<unknown> };
    return { ...fake, control, query: (sql: string) => runner.query(sql) };
  }

  /** Runs `work` as a request with `method` would, and returns its response to close. */
  function inRequest<T>(method: string, work: () => T, readTimeoutMs = 0): { result: T; response: EventEmitter & { writableFinished: boolean } } {
    const response = Object.assign(new EventEmitter(), { writableFinished: false, getHeader: () => CORRELATION_ID });
    let result!: T;
    requestContextMiddleware(readTimeoutMs)({ method, ip: '127.0.0.1' } as Request, response as unknown as Response, () => {
      result = work();
    });
    return { result, response };
  }

  it('sends a request’s SELECT marked and with the time limit, and passes on its rows', async () => {
    const db = guarded('mariadb');
    const { result } = inRequest('POST', () => db.query('SELECT 1'));
    db.giveConnection({ threadId: 42 });
    await flush();
    expect(db.sent).toEqual([`/* request ${CORRELATION_ID} #1 */ SET STATEMENT max_statement_time=8.000 FOR SELECT 1`]);
    db.finish([{ 1: 1 }]);
    await expect(result).resolves.toEqual([{ 1: 1 }]);
  });

  it('leaves writes, reads in a transaction and statements outside requests exactly as they are', async () => {
    const db = guarded('mysql');
    db.giveConnection({ threadId: 42 });
    void inRequest('POST', () => db.query('UPDATE units SET name = ?')).result;
    void db.query('SELECT * FROM scheduled_actions');
    await flush();
    db.runner.isTransactionActive = true;
    void inRequest('POST', () => db.query('SELECT * FROM notice_counters FOR UPDATE')).result;
    await flush();
    expect(db.sent).toEqual(['UPDATE units SET name = ?', 'SELECT * FROM scheduled_actions', 'SELECT * FROM notice_counters FOR UPDATE']);
  });

  it('skips the statement of a read whose client left while it waited for a connection', async () => {
    const db = guarded('mariadb');
    const { result, response } = inRequest('GET', () => db.query('SELECT * FROM units'));
    const outcome = result.catch((error: unknown) => error);
    response.emit('close');
    db.giveConnection({ threadId: 42 });
    expect(await outcome).toBeInstanceOf(RequestAbandonedError);
    expect(db.sent).toEqual([]);
    expect(db.control.cancel).not.toHaveBeenCalled();
  });

  it('kills the running statement of a read whose client leaves, and ends the request as abandoned', async () => {
    const db = guarded('mariadb');
    const { result, response } = inRequest('GET', () => db.query('SELECT * FROM units'));
    const outcome = result.catch((error: unknown) => error);
    db.giveConnection({ threadId: 42 });
    await flush();
    expect(db.sent).toHaveLength(1);
    response.emit('close');
    expect(db.control.cancel).toHaveBeenCalledWith(42, `request ${CORRELATION_ID} #1`);
    db.fail(Object.assign(new Error('Query execution was interrupted'), { errno: 1317 }));
    expect(await outcome).toBeInstanceOf(RequestAbandonedError);
  });

  it('cancels nothing once the read has been answered', async () => {
    const db = guarded('mariadb');
    const { result, response } = inRequest('GET', () => db.query('SELECT * FROM units'));
    db.giveConnection({ threadId: 42 });
    await flush();
    db.finish([]);
    await result;
    response.writableFinished = true;
    response.emit('close');
    expect(db.control.cancel).not.toHaveBeenCalled();
  });

  it('starts no statement for a read past its deadline', async () => {
    const db = guarded('mariadb', 0);
    db.giveConnection({ threadId: 42 });
    const { result } = inRequest('GET', () => new Promise((resolve) => setTimeout(resolve, 20)).then(() => db.query('SELECT * FROM units')), 5);
    await expect(result).rejects.toBeInstanceOf(QueryTimeoutError);
    expect(db.sent).toEqual([]);
  });
});

/** Lets the promises already settled run their continuations. */
const flush = () => new Promise((resolve) => setImmediate(resolve));
