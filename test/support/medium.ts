import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConsoleLogger, Injectable, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { Access } from '../../src/access/access';
import type { Actor } from '../../src/access/actor';
import { Permission, scopeOf } from '../../src/access/permissions';
import { AppModule } from '../../src/app.module';
import { Clock } from '../../src/common/clock';
import { validateDto } from '../../src/common/validation';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { JobsService } from '../../src/jobs/jobs.service';
import type { User } from '../../src/users/user.entity';
import { TEST_JWT_SECRET } from './test-app';

/**
 * The job runner without its loop: a medium test runs work itself (a source's `run`, or `runDue`), so
 * nothing runs behind its back and nothing is left running when it ends. Wake-ups are ignored, as
 * they are in-process between two polls.
 */
@Injectable()
class IdleJobs extends JobsService {
  override onApplicationBootstrap(): void {}
}

export interface MediumServices {
  /** A service (or any provider) of the application, to call directly. */
  get<T>(type: Type<T>): T;
  dataSource: DataSource;
  config: AppConfig;
  /** Time the services see: `set` moves it. */
  clock: { set: (instant: string) => void; now: () => Date };
  /** What the permission guard would hand a service for this person and permission. */
  accessFor(user: User, permission: Permission): Access;
  /** Everything due by the clock, as the in-process runner would do it on its next poll. */
  runDue(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The application's services on a fresh SQLite database with the real migrations, without HTTP:
 * the medium layer between unit tests (pure rules) and e2e tests (requests on both databases).
 * Like Immich's `newMediumService`, but with the whole module graph, so registrations made at start
 * (job sources, attachment owners, notice kinds) are all there.
 */
export async function newMediumServices(start = '2026-09-21T10:00:00+08:00'): Promise<MediumServices> {
  const dir = mkdtempSync(join(tmpdir(), 'dbs-medium-'));
  const config = loadConfig({
    JWT_SECRET: TEST_JWT_SECRET,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    DB_TYPE: 'sqlite',
    DB_PATH: join(dir, 'medium.sqlite'),
    UPLOAD_DIR: join(dir, 'uploads'),
  });
  let now = new Date(start);
  const moduleRef: TestingModule = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(JobsService)
    .useClass(IdleJobs)
    .setLogger(new ConsoleLogger('Medium', { logLevels: ['error'] }))
    .compile();
  jest.spyOn(moduleRef.get(Clock), 'now').mockImplementation(() => now);
  await moduleRef.init();
  return {
    get: (type) => moduleRef.get(type),
    dataSource: moduleRef.get(DataSource),
    config,
    clock: { set: (instant) => (now = new Date(instant)), now: () => now },
    accessFor: (user, permission) => {
      const scope = scopeOf(user.role, permission);
      if (!scope) throw new Error(`${user.username} (${user.role}) does not hold ${permission}`);
      const actor: Actor = { userId: user.id, username: user.username, displayName: user.displayName, role: user.role, unitId: user.unitId };
      return new Access(actor, permission, scope);
    },
    runDue: () => moduleRef.get(JobsService).runDue(),
    close: async () => {
      await moduleRef.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A request body as the validation pipe would hand it to a service: validated, with the DTO's defaults. */
export function dtoOf<T extends object>(dtoClass: new () => T, plain: object): T {
  const { value, errors } = validateDto(dtoClass, plain);
  if (errors.length > 0) throw new Error(`invalid ${dtoClass.name}: ${JSON.stringify(errors)}`);
  return value;
}
