export const ROLES = ['office', 'unit', 'leader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = { office: '协调办', unit: '成员单位联络员', leader: '领导' };

/** The signed-in person on whose behalf a request runs. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
}
