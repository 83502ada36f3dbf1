import { JobsService } from '../../src/jobs/jobs.service';
import { UnitOfWork } from '../../src/jobs/unit-of-work';
import { Unit } from '../../src/units/unit.entity';
import { MediumServices, newMediumServices } from '../support/medium';

describe('a unit of work: one transaction, the job runner woken after it commits (medium)', () => {
  let medium: MediumServices;
  const woken: { kind: string; ids: number[]; visible: boolean }[] = [];

  beforeAll(async () => {
    medium = await newMediumServices();
    const jobs = medium.get(JobsService);
    // What the runner would see when woken: is the row there already?
    jest.spyOn(jobs, 'wake').mockImplementation(async (kind, items) => {
      woken.push({ kind, ids: items.map((i) => i.id), visible: await medium.dataSource.getRepository(Unit).existsBy({ id: items[0].id }) });
    });
  });
  afterAll(() => medium.close());
  beforeEach(() => woken.splice(0));

  it('wakes what was asked for, by kind, only once the rows are committed, and returns the work’s result', async () => {
    const result = await medium.get(UnitOfWork).run(async ({ manager, wake }) => {
      const unit = await manager.save(manager.create(Unit, { name: '测试单位甲', shortName: '甲', kind: 'department', active: true }));
      wake('delivery', [{ id: unit.id, runAt: new Date() }]);
      wake('action', []);
      wake('delivery', [{ id: unit.id, runAt: new Date() }]);
      return unit.id;
    });
    expect(woken).toEqual([{ kind: 'delivery', ids: [result, result], visible: true }]);
  });

  it('wakes nothing when the transaction rolls back, and leaves nothing behind', async () => {
    const before = await medium.dataSource.getRepository(Unit).count();
    await expect(
      medium.get(UnitOfWork).run(async ({ manager, wake }) => {
        const unit = await manager.save(manager.create(Unit, { name: '测试单位乙', shortName: '乙', kind: 'department', active: true }));
        wake('delivery', [{ id: unit.id, runAt: new Date() }]);
        throw new Error('refused halfway');
      }),
    ).rejects.toThrow('refused halfway');
    expect(woken).toEqual([]);
    expect(await medium.dataSource.getRepository(Unit).count()).toBe(before);
  });
});
