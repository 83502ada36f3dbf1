import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { chinaDate } from '../calendar/working-calendar';
import { ChaseLabel, ChaseSource, ChaseSources, ChaseSubject, ChaseTarget } from '../reminders/chase-sources';
import type { Priority } from '../reminders/chase-terms';
import { rectificationCode, rectificationTitle } from './rectification-format';
import { OPEN_RECTIFICATION_STATUSES, RECTIFICATION_STATUS_LABELS, rectificationAwaitsUnit } from './rectification-state';
import { RectificationItem } from './rectification.entity';

/** The subject kind of a rectification item in the schedule and the rungs. */
export const RECTIFICATION_SUBJECT = 'rectification';

const label = (r: RectificationItem): ChaseLabel => ({ code: rectificationCode(r), title: rectificationTitle(r), unitId: r.unitId, unitName: r.unit!.name, link: `/rectifications/${r.id}` });

/** Rectification items as the escalation ladder chases them: a deadline only, reminders before it and the rungs after. */
@Injectable()
export class RectificationChase implements ChaseSource, OnModuleInit {
  readonly kind = RECTIFICATION_SUBJECT;
  readonly noun = '整改事项';
  readonly words = {
    settled: '整改已报验收、销号或撤销，无需执行',
    undone: '仍未整改到位',
    moved: { reminder: '整改时限已变更，本次督办不再适用', rung: '整改时限已变更，本次督办不再适用' },
  };

  constructor(private readonly sources: ChaseSources) {}

  onModuleInit(): void {
    this.sources.register(this);
  }

  async openIds(manager: EntityManager, priority?: Priority): Promise<number[]> {
    const items = await manager.find(RectificationItem, { where: { status: In([...OPEN_RECTIFICATION_STATUSES]), ...(priority ? { priority } : {}) }, select: { id: true }, order: { id: 'ASC' } });
    return items.map((r) => r.id);
  }

  async subjects(manager: EntityManager, ids: number[]): Promise<ChaseSubject[]> {
    return (await manager.find(RectificationItem, { where: { id: In(ids) } })).map((r) => ({
      id: r.id,
      unitId: r.unitId,
      open: rectificationAwaitsUnit(r.status),
      deadline: r.deadline,
      reportCycle: null,
      reportDay: null,
      issuedOn: chinaDate(r.issuedAt ?? r.createdAt),
      priority: r.priority,
    }));
  }

  async targets(manager: EntityManager, ids: number[]): Promise<Map<number, ChaseTarget>> {
    const found = await manager.find(RectificationItem, { where: { id: In(ids) }, relations: { unit: true } });
    return new Map(
      found.map((r) => {
        const target: ChaseTarget = {
          ...label(r),
          kind: this.kind,
          id: r.id,
          unit: r.unit!,
          deadlineName: '整改时限',
          deadline: r.deadline,
          priority: r.priority,
          progress: `当前状态：${RECTIFICATION_STATUS_LABELS[r.status]}`,
          chased: rectificationAwaitsUnit(r.status),
          reporting: null,
        };
        return [r.id, target];
      }),
    );
  }

  async labels(manager: EntityManager, ids: number[]): Promise<Map<number, ChaseLabel>> {
    const found = await manager.find(RectificationItem, { where: { id: In(ids) }, relations: { unit: true }, select: { id: true, unitId: true, location: true, problem: true, unit: { id: true, name: true } } });
    return new Map(found.map((r) => [r.id, label(r)]));
  }
}
