import { EntityManager } from 'typeorm';
import { activePeopleWho } from '../access/roles';
import { User } from '../users/user.entity';

/** Who hears of a unit's work: its contacts; for formal rungs also the leaders and the office. */
export async function unitContacts(manager: EntityManager, unitId: number): Promise<User[]> {
  return manager.findBy(User, { ...activePeopleWho('work'), unitId });
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
