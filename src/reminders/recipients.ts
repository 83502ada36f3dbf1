import { EntityManager, In } from 'typeorm';
import { activePeopleWho } from '../access/roles';
import { User } from '../users/user.entity';

/** Who hears of a unit's work: its contacts; for formal rungs also the leaders and the office. */
export async function unitContacts(manager: EntityManager, unitId: number): Promise<User[]> {
  return (await contactsOfUnits(manager, [unitId])).get(unitId) ?? [];
}

/** The contacts of several units in one query, by unit (a unit without any is left out). */
export async function contactsOfUnits(manager: EntityManager, unitIds: readonly number[]): Promise<Map<number, User[]>> {
  const byUnit = new Map<number, User[]>();
  if (unitIds.length === 0) return byUnit;
  for (const user of await manager.find(User, { where: { ...activePeopleWho('work'), unitId: In([...new Set(unitIds)]) }, order: { id: 'ASC' } })) {
    byUnit.set(user.unitId!, [...(byUnit.get(user.unitId!) ?? []), user]);
  }
  return byUnit;
}

export async function leadersAndOffice(manager: EntityManager): Promise<User[]> {
  const [leaders, office] = await Promise.all([manager.findBy(User, activePeopleWho('oversee')), manager.findBy(User, activePeopleWho('coordinate'))]);
  return [...leaders, ...office];
}

export async function officeStaff(manager: EntityManager): Promise<User[]> {
  return manager.findBy(User, activePeopleWho('coordinate'));
}

/** Nobody is told of their own action. */
export function others(users: User[], actorUserId: number): User[] {
  return users.filter((u) => u.id !== actorUserId);
}
