import { In } from 'typeorm';
import type { FindOperator } from 'typeorm';
import type { Role } from './actor';

/**
 * The parts people play in the organisation's work. Features that address people (who is reminded,
 * who is copied on a notice) or shape something by who is acting ask for a duty here, never compare
 * role names: with GRANTS, this is the only place that says what a role is.
 *
 * - `coordinate`: runs the supervision and reviews the units' work (协调办);
 * - `oversee`: follows everything, changes nothing, and is copied on formal notices (领导);
 * - `work`: does a unit's tasks and rectifications and hears of them (成员单位联络员).
 */
export type Duty = 'coordinate' | 'oversee' | 'work';

const DUTY_OF: Record<Role, Duty> = { office: 'coordinate', leader: 'oversee', unit: 'work' };

/** The roles whose people do `duty`. */
export function rolesThat(duty: Duty): Role[] {
  return (Object.keys(DUTY_OF) as Role[]).filter((role) => DUTY_OF[role] === duty);
}

export function dutyOf(role: Role): Duty {
  return DUTY_OF[role];
}

export function does(role: Role, duty: Duty): boolean {
  return DUTY_OF[role] === duty;
}

/** Find criteria for the active accounts whose people do `duty`; add a unit or an order as needed. */
export function activePeopleWho(duty: Duty): { role: FindOperator<Role>; active: true } {
  return { role: In(rolesThat(duty)), active: true };
}

/** Coordinators and unit contacts act for a unit; a leader may stand above all of them. */
export function needsUnit(role: Role): boolean {
  return !does(role, 'oversee');
}

/** Coordinators belong to the coordination office itself, not to a member unit. */
export function belongsToOffice(role: Role): boolean {
  return does(role, 'coordinate');
}

/** The role a new account's form starts with: most accounts are unit contacts. */
export const DEFAULT_ROLE: Role = 'unit';

/** The first account of an empty installation: it must be able to set up units and accounts. */
export const FIRST_ACCOUNT_ROLE: Role = 'office';

/**
 * What a person's home page (/) shows: the progress board (挂图作战) for those who follow everything and
 * change nothing, the overview of their own work for the others.
 */
export type HomePage = 'board' | 'overview';

export function homePageOf(role: Role): HomePage {
  return does(role, 'oversee') ? 'board' : 'overview';
}
