import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { WakeUp } from './jobs.constants';

/**
 * The ids and run times of the rows a query selects (its entity has `id` and `runAt`), read as raw
 * values and converted by the driver: a reconcile reads every pending row, and building an entity
 * for each would cost more than the query.
 */
export async function wakeUpsOf(query: SelectQueryBuilder<ObjectLiteral>): Promise<WakeUp[]> {
  const { name: alias, metadata } = query.expressionMap.mainAlias!;
  const runAt = metadata.findColumnWithPropertyName('runAt');
  if (!runAt) throw new Error(`${metadata.name} has no runAt column`);
  const rows = await query.select(`${alias}.id`, 'id').addSelect(`${alias}.runAt`, 'runAt').getRawMany<{ id: number | string; runAt: unknown }>();
  const driver = query.connection.driver;
  return rows.map((row) => ({ id: Number(row.id), runAt: driver.prepareHydratedValue(row.runAt, runAt) as Date }));
}
