import { jobData, readJobData, wakeUpJobs } from './wake-up-jobs';

const at = (iso: string) => new Date(iso);
const nine = at('2026-09-10T01:00:00Z');
const ten = at('2026-09-10T02:00:00Z');

describe('the jobs that wake rows', () => {
  it('puts rows due at the same time together, ascending, at most the size to a job', () => {
    const jobs = wakeUpJobs('action', [5, 3, 1, 4, 2].map((id) => ({ id, runAt: nine })).concat([{ id: 9, runAt: ten }]), 2);
    expect(jobs.map((job) => [job.ids, job.runAt])).toEqual([
      [[1, 2], nine],
      [[3, 4], nine],
      [[5], nine],
      [[9], ten],
    ]);
    // A job of one row is named by it; of several, by a digest of their ids.
    expect(jobs[2].id).toBe(`action-${nine.getTime()}-5`);
    expect(jobs[0].id).toMatch(new RegExp(`^action-${nine.getTime()}-2x[0-9a-f]{16}$`));
  });

  it('names the same rows due at the same time alike, however they are given, and other rows or times otherwise', () => {
    const [once] = wakeUpJobs('action', [7, 8, 7].map((id) => ({ id, runAt: nine })), 100);
    const [again] = wakeUpJobs('action', [8, 7].map((id) => ({ id, runAt: nine })), 100);
    expect(once).toEqual(again);
    expect(once.ids).toEqual([7, 8]);
    const others = [wakeUpJobs('action', [7, 9].map((id) => ({ id, runAt: nine })), 100)[0], wakeUpJobs('action', [7, 8].map((id) => ({ id, runAt: ten })), 100)[0], wakeUpJobs('delivery', [7, 8].map((id) => ({ id, runAt: nine })), 100)[0]];
    expect(new Set([once.id, ...others.map((job) => job.id)]).size).toBe(4);
  });

  it('reads back what a job carries, and nothing from data it did not write', () => {
    const [job] = wakeUpJobs('render', [{ id: 3, runAt: ten }], 1);
    expect(readJobData(JSON.parse(JSON.stringify(jobData(job))))).toEqual({ ids: [3], runAt: ten });
    for (const data of [null, {}, { id: 3 }, { ids: [], runAt: 1 }, { ids: [0], runAt: 1 }, { ids: ['3'], runAt: 1 }, { ids: [3] }]) expect(readJobData(data)).toBeNull();
  });
});
