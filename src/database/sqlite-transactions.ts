import type { DataSource } from 'typeorm';

/**
 * SQLite is one connection: two transactions started together would interleave their statements (or
 * fail with "cannot start a transaction within a transaction"). Requests and the in-process job runner
 * both start transactions, so on SQLite they take turns.
 */
export function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const turn = tail.then(() => transaction(...args));
    tail = turn.catch(() => undefined);
    return turn;
  }) as typeof manager.transaction;
}
