/**
 * Turns a function that runs rows together into one that runs a single row, gathering the rows asked
 * for at about the same time: while `parallel` batches are running, the ids that arrive wait, and go
 * together (at most `size` of them) into the next batch once one ends. A call resolves or rejects
 * with the batch it went into. With nothing running, an id goes at once, alone.
 */
export function batching(runBatch: (ids: number[]) => Promise<void>, size: number, parallel: number): (id: number) => Promise<void> {
  const waiting: { id: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let running = 0;
  const next = (): void => {
    while (running < parallel && waiting.length > 0) {
      const batch = waiting.splice(0, size);
      running += 1;
      runBatch(batch.map((call) => call.id))
        .then(
          () => batch.forEach((call) => call.resolve()),
          (error: unknown) => batch.forEach((call) => call.reject(error)),
        )
        .finally(() => {
          running -= 1;
          next();
        });
    }
  };
  return (id) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ id, resolve, reject });
      next();
    });
}
