import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { DomainError, staleVersion } from '../common/errors/domain-error';
import { updateVersioned } from './versioned-update';

@Entity('versioned_things')
class Thing {
  @PrimaryColumn() id!: number;
  @Column() name!: string;
  @Column() status!: string;
  @Column() version!: number;
}

describe('updateVersioned', () => {
  let db: DataSource;
  const stale = () => staleVersion('该物件');

  beforeEach(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Thing], synchronize: true }).initialize();
    await db.manager.insert(Thing, [
      { id: 1, name: 'a', status: 'draft', version: 3 },
      { id: 2, name: 'b', status: 'issued', version: 1 },
    ]);
  });
  afterEach(() => db.destroy());

  it('changes the row and bumps its version when the version is the one read', async () => {
    await updateVersioned(db.manager, Thing, { id: 1 }, 3, { name: 'A' }, stale);
    expect(await db.manager.findOneByOrFail(Thing, { id: 1 })).toMatchObject({ name: 'A', version: 4 });
    expect(await db.manager.findOneByOrFail(Thing, { id: 2 })).toMatchObject({ name: 'b', version: 1 });
  });

  it('refuses a stale version with the error given, changing nothing', async () => {
    const refused = await updateVersioned(db.manager, Thing, { id: 1 }, 2, { name: 'A' }, stale).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'STALE_VERSION', message: '该物件已被他人修改，请刷新后再操作' });
    expect(await db.manager.findOneByOrFail(Thing, { id: 1 })).toMatchObject({ name: 'a', version: 3 });
  });

  it('refuses when the narrower condition no longer holds, even at the right version', async () => {
    await expect(updateVersioned(db.manager, Thing, { id: 2, status: 'draft' }, 1, { name: 'B' }, stale)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    await expect(updateVersioned(db.manager, Thing, { id: 9 }, 1, { name: 'B' }, stale)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await db.manager.findOneByOrFail(Thing, { id: 2 })).toMatchObject({ name: 'b', version: 1 });
  });

  it('lets only the first of two writers that read the same version through', async () => {
    await updateVersioned(db.manager, Thing, { id: 1 }, 3, { name: 'first' }, stale);
    await expect(updateVersioned(db.manager, Thing, { id: 1 }, 3, { name: 'second' }, stale)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await db.manager.findOneByOrFail(Thing, { id: 1 })).toMatchObject({ name: 'first', version: 4 });
  });
});

describe('staleVersion', () => {
  it.each([
    ['该任务', 'updated', '该任务已被他人更新，请刷新页面后再操作'],
    ['该通知', 'modified', '该通知已被他人修改，请刷新后再操作'],
    ['该督办事项', 'retry', '该督办事项已被他人修改，请刷新后重试'],
    ['督办规则', 'reedit', '督办规则已被他人修改，请刷新后再改'],
  ] as const)('says %s with the %s wording', (object, wording, message) => {
    expect(staleVersion(object, wording)).toMatchObject({ code: 'STALE_VERSION', message });
  });
});
