import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { WakeUp, WorkKind } from './jobs.constants';
import { JobsService } from './jobs.service';

/** What a piece of work sees of its unit: the transaction, and a way to ask for work once it has committed. */
export interface Work {
  manager: EntityManager;
  /** Rows written in this transaction that the job runner should run: woken after commit, never before. */
  wake(kind: WorkKind, items: readonly WakeUp[]): void;
}

/**
 * One transaction and what must happen after it commits. Rows are the record and are written inside;
 * waking the runner (Redis, or the in-process loop) waits for the commit, so a worker never looks for a
 * row that is not there yet, and a rolled-back transaction wakes nothing.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  async run<T>(work: (unit: Work) => Promise<T>): Promise<T> {
    const wakes = new Map<WorkKind, WakeUp[]>();
    const result = await this.dataSource.transaction((manager) =>
      work({
        manager,
        wake: (kind, items) => {
          if (items.length > 0) wakes.set(kind, [...(wakes.get(kind) ?? []), ...items]);
        },
      }),
    );
    for (const [kind, items] of wakes) await this.jobs.wake(kind, items);
    return result;
  }
}
