import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { DomainError } from '../common/errors/domain-error';

/**
 * The optimistic update: changes the row `where` names only while its version is still the one the
 * client read, and bumps the version, in one statement; the version check is the WHERE clause, so two
 * writers cannot both pass it. `where` may narrow further (e.g. `{ id, status: 'draft' }`); when no row
 * matches, `stale()` is thrown (see `staleVersion`).
 */
export async function updateVersioned<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  expectedVersion: number,
  changes: Partial<T>,
  stale: () => DomainError,
): Promise<void> {
  const result = await manager.update(entity, { ...where, version: expectedVersion } as FindOptionsWhere<T>, { ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<T>);
  if (result.affected !== 1) throw stale();
}
