import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { User } from '../users/user.entity';
import type { Priority, ReportCycle } from './chase-terms';
import type { PlanSubject } from './escalation-ladder';

/** One piece of chased work as the planner reads it. */
export interface ChaseSubject extends PlanSubject {
  id: number;
  /** Kept on the schedule's and rungs' rows, so a unit's are found by index. */
  unitId: number;
  priority: Priority;
}

/** How a schedule row or rung names its work in lists and messages. */
export interface ChaseLabel {
  code: string;
  title: string;
  unitId: number;
  unitName: string;
  link: string;
}

/** What the ladder needs to know of the work it chases when an action falls due. */
export interface ChaseTarget extends ChaseLabel {
  /** The chase source's kind: with `id`, the key of the schedule and rung rows. */
  kind: string;
  id: number;
  unit: { name: string; shortName: string };
  /** 办理时限 or 整改时限. */
  deadlineName: string;
  deadline: string | null;
  priority: Priority;
  /** Where the work stands, in a clause: 当前进度 40%. */
  progress: string;
  /** Still the unit's to do: reminders and rungs apply. */
  chased: boolean;
  /** Standing work: the reporting cycle its overdue checks follow. */
  reporting: { cycle: ReportCycle; day: number } | null;
}

/**
 * A kind of work the ladder chases (tasks, rectification items, …), registered by its own feature in
 * onModuleInit. The engine stores (kind, id) in its rows and asks the source everything else.
 */
export interface ChaseSource {
  /** Stored in every schedule and rung row: lower case, at most 24 characters, never renamed. */
  readonly kind: string;
  /** The work in words, for “not found” messages: 任务, 整改事项. */
  readonly noun: string;
  /** The runner's words for this kind of work. */
  readonly words: {
    /** Why nothing is done once the work left the unit's hands: 任务已办结、撤销或已申请办结，无需执行. */
    settled: string;
    /** What the rung's record says of the work: 仍未办结. */
    undone: string;
    /** Why a reminder or a rung planned for an earlier deadline does nothing. */
    moved: { reminder: string; rung: string };
  };
  /** The ids of the work still open (of one priority, when given), ascending: what a re-plan covers. */
  openIds(manager: EntityManager, priority?: Priority): Promise<number[]>;
  /** The planner's view of these ids; ids not found are left out. */
  subjects(manager: EntityManager, ids: number[]): Promise<ChaseSubject[]>;
  /** The work as the ladder sees it when its actions fall due, by id; ids not found are left out. */
  targets(manager: EntityManager, ids: number[]): Promise<Map<number, ChaseTarget>>;
  /** Names for lists, by id; ids not found are left out. */
  labels(manager: EntityManager, ids: number[]): Promise<Map<number, ChaseLabel>>;
  /** Standing work: whether the unit reported after `since`. Without it, a report is never counted. */
  reportedSince?(manager: EntityManager, id: number, since: Date): Promise<boolean>;
  /** Who is reminded; without it, the unit's contacts. */
  contacts?(manager: EntityManager, target: ChaseTarget): Promise<User[]>;
}

/** A row keyed by the work it chases. */
export interface SubjectRow {
  subjectKind: string;
  subjectId: number;
}

/** One string for a row's work, to key maps by. */
export const subjectKey = (row: SubjectRow): string => `${row.subjectKind}:${row.subjectId}`;

const KIND = /^[a-z][a-z0-9_]{0,23}$/;

/** What a row shows when its work can no longer be read (its source removed, or the row orphaned). */
const UNKNOWN_LABEL: ChaseLabel = { code: '—', title: '（无法读取的事项）', unitId: -1, unitName: '—', link: '/escalations' };

/** The registry of chase sources: features register, the engine asks. */
@Injectable()
export class ChaseSources {
  private readonly sources = new Map<string, ChaseSource>();

  register(source: ChaseSource): void {
    // The kind is stored and read back by people and tools: only plain identifiers are taken.
    if (!KIND.test(source.kind)) throw new Error(`催办来源的种类名不合规（chase source kind）：${source.kind}`);
    if (this.sources.has(source.kind)) throw new Error(`催办来源重复登记（chase source）：${source.kind}`);
    this.sources.set(source.kind, source);
  }

  has(kind: string): boolean {
    return this.sources.has(kind);
  }

  get(kind: string): ChaseSource {
    const source = this.sources.get(kind);
    if (!source) throw new Error(`没有登记催办来源（chase source）：${kind}`);
    return source;
  }

  all(): ChaseSource[] {
    return [...this.sources.values()];
  }

  /** Labels for rows of any kinds: one query per kind. */
  async labelsOf(manager: EntityManager, rows: readonly SubjectRow[]): Promise<ChaseLabel[]> {
    const found = await this.readEach(rows, (source, ids) => source.labels(manager, ids));
    return rows.map((row) => found.get(subjectKey(row)) ?? UNKNOWN_LABEL);
  }

  /** The work rows of any kinds chase, keyed by `subjectKey`: one query per kind; work that cannot be read is left out. */
  targetsOf(manager: EntityManager, rows: readonly SubjectRow[]): Promise<Map<string, ChaseTarget>> {
    return this.readEach(rows, (source, ids) => source.targets(manager, ids));
  }

  /** The work one row chases; it must be there. */
  async targetOf(manager: EntityManager, row: SubjectRow): Promise<ChaseTarget> {
    const target = (await this.targetsOf(manager, [row])).get(subjectKey(row));
    if (!target) throw new Error(`找不到${this.sources.get(row.subjectKind)?.noun ?? row.subjectKind} #${row.subjectId}`);
    return target;
  }

  /** The label of one piece of work, or null when there is no such work (or no source for its kind). */
  async labelOf(manager: EntityManager, kind: string, id: number): Promise<ChaseLabel | null> {
    const source = this.sources.get(kind);
    return (source && (await source.labels(manager, [id])).get(id)) ?? null;
  }

  /** Asks each kind's source about its rows' ids, once; kinds without a source give nothing. */
  private async readEach<T>(rows: readonly SubjectRow[], read: (source: ChaseSource, ids: number[]) => Promise<Map<number, T>>): Promise<Map<string, T>> {
    const byKind = new Map<string, Set<number>>();
    for (const row of rows) byKind.set(row.subjectKind, (byKind.get(row.subjectKind) ?? new Set()).add(row.subjectId));
    const found = new Map<string, T>();
    for (const [kind, ids] of byKind) {
      const source = this.sources.get(kind);
      if (!source) continue;
      for (const [id, value] of await read(source, [...ids])) found.set(subjectKey({ subjectKind: kind, subjectId: id }), value);
    }
    return found;
  }

}
