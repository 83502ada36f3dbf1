import { EntityManager, In } from 'typeorm';
import { User } from './user.entity';

/** The display names of some users, for records that say who did what (absent ids: done by the system). */
export async function displayNames(manager: EntityManager, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await manager.find(User, { where: { id: In(wanted) }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}
