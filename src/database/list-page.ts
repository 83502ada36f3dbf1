import { Brackets, type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { Page, PageQueryDto } from '../common/dto/page.dto';
import { DomainError } from '../common/errors/domain-error';
import { renewReadDeadline } from '../common/request-context';
import { ReadCache, type WriteWatch } from './read-cache';

/** How far a list may be paged by number; past it, the next page is found by key (`after`). */
export const MAX_OFFSET = 10_000;

/** Counting stops here: a list with more rows says "more than" rather than scan them all. */
export const COUNT_CAP = 10_000;

/** One column of a list's order, read back from a row to say where the next page starts. */
export interface OrderColumn<E> {
  /** The column as the query builder names it, e.g. `a.sortKey` → written `a.sort_key` in SQL. */
  column: string;
  direction: 'ASC' | 'DESC';
  of: (row: E) => string | number;
}

/**
 * Reads one page of a list in an order an index serves: by number for the first `MAX_OFFSET` rows, by
 * key after that (`after`, the previous page's `next`). The count stops at `COUNT_CAP`. Never uses
 * TypeORM's `skip`/`take`, which page joins through a `SELECT DISTINCT` over the whole result.
 * The order must end in a unique column, so that a key names one place in the list.
 */
export async function readPage<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, query: PageQueryDto, order: Array<OrderColumn<E>>): Promise<Page<E>> {
  const counted = await countCapped(qb);
  const paged = qb.clone();
  order.forEach(({ column, direction }, i) => (i === 0 ? paged.orderBy(column, direction) : paged.addOrderBy(column, direction)));
  if (query.after !== undefined) {
    const { sql, parameters } = keysetCondition(
      order.map((o) => ({ column: o.column, direction: o.direction })),
      decodeKey(query.after, order.length),
    );
    paged.andWhere(sql, parameters);
  } else {
    const offset = (query.page - 1) * query.pageSize;
    if (offset > MAX_OFFSET) throw new DomainError('PAGE_TOO_DEEP', `按页码最多翻到第 ${MAX_OFFSET} 条；请缩小筛选条件，或逐页点“下一页”继续查看`);
    if (offset > 0) paged.offset(offset);
  }
  const rows = await paged.limit(query.pageSize + 1).getMany();
  const items = rows.slice(0, query.pageSize);
  const last = items[items.length - 1];
  return {
    items,
    ...counted,
    page: query.page,
    pageSize: query.pageSize,
    next: rows.length > query.pageSize ? encodeKey(order.map((o) => o.of(last))) : null,
  };
}

const countCaches = new WeakMap<DataSource, ReadCache<number>>();

/** Lets this data source's lists answer their counts from memory for a few seconds (see `ReadCache`). */
export function cacheListCounts(dataSource: DataSource, writes: WriteWatch, ttlMs: number): void {
  countCaches.set(dataSource, new ReadCache<number>(writes, ttlMs, 2000));
}

/**
 * `COUNT(*)` of at most `COUNT_CAP + 1` rows: cheap however long the list, and the same few counts
 * (a unit's open tasks, the review queue) asked by every page view are read once per few seconds.
 */
export async function countCapped<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): Promise<{ total: number; totalCapped: boolean }> {
  const [sql, parameters] = qb.clone().select('1', 'one').orderBy().offset(undefined).limit(COUNT_CAP + 1).getQueryAndParameters();
  const count = async () => Number((await qb.connection.query(`SELECT COUNT(*) AS n FROM (${sql}) counted`, parameters))[0].n);
  const cache = countCaches.get(qb.connection);
  const total = cache ? await cache.get(`${sql}\u0000${JSON.stringify(parameters)}`, count) : await count();
  return total > COUNT_CAP ? { total: COUNT_CAP, totalCapped: true } : { total, totalCapped: false };
}

/**
 * The rows after a key in a multi-column order, written so that the database's range optimiser turns
 * it into one range on the index: `c1 >= k1 AND (c1 > k1 OR (c2 >= k2 AND (c2 > k2 OR …)))`.
 */
export function keysetCondition(order: Array<{ column: string; direction: 'ASC' | 'DESC' }>, key: Array<string | number>): { sql: string; parameters: Record<string, string | number> } {
  const parameters: Record<string, string | number> = {};
  const build = (i: number): string => {
    const { column, direction } = order[i];
    const name = `keyset_${i}`;
    parameters[name] = key[i];
    const [beyond, from] = direction === 'ASC' ? ['>', '>='] : ['<', '<='];
    if (i === order.length - 1) return `${column} ${beyond} :${name}`;
    return `${column} ${from} :${name} AND (${column} ${beyond} :${name} OR (${build(i + 1)}))`;
  };
  return { sql: `(${build(0)})`, parameters };
}

/**
 * A datetime column's value as a key: UTC `YYYY-MM-DD HH:MM:SS.mmm`, the text SQLite stores and compares and
 * MySQL (connected in UTC) reads as a datetime, so `due_at > :key` means the same on both.
 */
export function datetimeKey(value: Date): string {
  return DateUtils.mixedDateToUtcDatetimeString(value);
}

export function encodeKey(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A key from a client, checked: it must be what `encodeKey` gave for an order of this length. */
export function decodeKey(text: string, length: number): Array<string | number> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    values = null;
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new DomainError('VALIDATION_FAILED', '翻页位置无效，请回到第一页重新翻', [{ field: 'after', message: '不是本列表的翻页位置' }]);
  }
  return values as Array<string | number>;
}

/** A range of a stored sort key, `from` inclusive and `before` exclusive; either end may be open. */
export interface KeyRange {
  from?: string;
  before?: string;
}

/** The condition that `column` lies in `range`; `name` keeps its parameters apart from the query's others. */
export function keyIn(column: string, range: KeyRange, name: string): Brackets {
  const ends = [
    ...(range.from !== undefined ? [{ sql: `${column} >= :${name}From`, parameters: { [`${name}From`]: range.from } }] : []),
    ...(range.before !== undefined ? [{ sql: `${column} < :${name}Before`, parameters: { [`${name}Before`]: range.before } }] : []),
  ];
  if (ends.length === 0) throw new Error(`A key range needs at least one end (${name})`);
  return new Brackets((w) => ends.forEach((end, i) => (i === 0 ? w.where(end.sql, end.parameters) : w.andWhere(end.sql, end.parameters))));
}

/**
 * Every row of a query, in batches of `size` in the order of its unique integer `column` (e.g. `r.id`):
 * each batch is found by key, never by offset, so a walk over 400,000 rows reads each once and holds one
 * batch at a time. In a request, each batch (with what its consumer reads for it) is a read of its own,
 * given the request read's time (DB_READ_TIMEOUT_MS) anew.
 */
export async function* batchesByKey<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, column: string, keyOf: (row: E) => number, size: number): AsyncGenerator<E[]> {
  let after: number | null = null;
  for (;;) {
    renewReadDeadline();
    const batch = qb.clone().orderBy(column, 'ASC').limit(size);
    if (after !== null) batch.andWhere(`${column} > :batchAfter`, { batchAfter: after });
    const rows = await batch.getMany();
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = keyOf(rows[rows.length - 1]);
  }
}
