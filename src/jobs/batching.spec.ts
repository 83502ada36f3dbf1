import { batching } from './batching';

/** A batch runner the test ends by hand, batch by batch, recording the batches it was given. */
function heldBatches() {
  const batches: number[][] = [];
  const releases: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const runBatch = (ids: number[]) => {
    batches.push(ids);
    return new Promise<void>((resolve, reject) => releases.push({ resolve, reject }));
  };
  return { batches, releases, runBatch };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('gathering single jobs into batches', () => {
  it('runs an id at once when a batch is free, and gathers those arriving meanwhile into the next batches, within the size and the parallel limit', async () => {
    const held = heldBatches();
    const run = batching(held.runBatch, 3, 2);
    const calls = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => run(id));
    await settle();
    // Two batches at once, each taken as its id came: the rest wait.
    expect(held.batches).toEqual([[1], [2]]);

    held.releases[0].resolve();
    await calls[0];
    await settle();
    expect(held.batches).toEqual([[1], [2], [3, 4, 5]]);

    held.releases[1].resolve();
    await calls[1];
    await settle();
    expect(held.batches).toEqual([[1], [2], [3, 4, 5], [6, 7, 8]]);
    held.releases[2].resolve();
    held.releases[3].resolve();
    await Promise.all(calls);
    expect(held.batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('fails every call of a failed batch with its error, and goes on with the next', async () => {
    const held = heldBatches();
    const run = batching(held.runBatch, 10, 1);
    const first = run(1);
    const [second, third] = [run(2), run(3)];
    await settle();
    held.releases[0].resolve();
    await first;
    await settle();
    expect(held.batches).toEqual([[1], [2, 3]]);
    held.releases[1].reject(new Error('database gone'));
    await expect(second).rejects.toThrow('database gone');
    await expect(third).rejects.toThrow('database gone');

    const fourth = run(4);
    await settle();
    expect(held.batches).toEqual([[1], [2, 3], [4]]);
    held.releases[2].resolve();
    await expect(fourth).resolves.toBeUndefined();
  });
});
