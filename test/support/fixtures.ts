import type { DataSource } from 'typeorm';
import request from 'supertest';
import { hashPassword } from '../../src/auth/password';
import { Unit, UnitKind } from '../../src/units/unit.entity';
import { User } from '../../src/users/user.entity';
import type { Role } from '../../src/access/actor';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-battery';

let passwordHash: Promise<string> | undefined;

export interface Organisation {
  office: Unit;
  police: Unit;
  town: Unit;
  users: Record<'office' | 'leader' | 'police' | 'town', User>;
}

/** The coordination office, two member units and one account per role (two unit contacts). */
export async function seedOrganisation(dataSource: DataSource): Promise<Organisation> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const units = dataSource.getRepository(Unit);
  const users = dataSource.getRepository(User);
  const unit = (name: string, shortName: string, kind: UnitKind) =>
    units.save(units.create({ name, shortName, kind, parentId: null, contactPerson: null, contactPhone: null, contactEmail: null, address: null, active: true }));
  const office = await unit('测试市反诈联席办', '反诈办', 'office');
  const police = await unit('测试市公安局', '公安局', 'department');
  const town = await unit('测试市东湖街道', '东湖街道', 'township');
  const user = (username: string, role: Role, unitId: number | null) =>
    users.save(users.create({ username, displayName: username, role, unitId, passwordHash: hash, active: true, phone: null, email: null }));
  return {
    office,
    police,
    town,
    users: {
      office: await user('office', 'office', office.id),
      leader: await user('leader', 'leader', null),
      police: await user('unit-police', 'unit', police.id),
      town: await user('unit-town', 'unit', town.id),
    },
  };
}

export async function login(app: TestApp, username: string, password = PASSWORD): Promise<string> {
  const res = await app.http().post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** A supertest parser that keeps a binary body (a PDF, a workbook) as a Buffer. */
export const binary = (res: import('superagent').Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

/** Supertest helpers that carry a bearer token. */
export function as(app: TestApp, token: string) {
  const auth = (r: request.Test) => r.set('Authorization', `Bearer ${token}`);
  return {
    get: (url: string) => auth(app.http().get(url)),
    post: (url: string) => auth(app.http().post(url)),
    patch: (url: string) => auth(app.http().patch(url)),
    put: (url: string) => auth(app.http().put(url)),
    delete: (url: string) => auth(app.http().delete(url)),
  };
}

/** Row counts of every table, to prove that a refused request stored nothing. */
export async function tableCounts(dataSource: DataSource, tables = ['units', 'users']): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}
