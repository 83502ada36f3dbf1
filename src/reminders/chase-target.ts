import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { awaitsUnit } from '../assignments/assignment-state';
import { Assignment } from '../assignments/assignment.entity';
import type { Priority } from '../directives/directive.entity';
import { rectificationCode, rectificationTitle } from '../rectifications/rectification-format';
import { RECTIFICATION_STATUS_LABELS, rectificationAwaitsUnit } from '../rectifications/rectification-state';
import { RectificationItem } from '../rectifications/rectification.entity';
import type { Unit } from '../units/unit.entity';

/** Names the work a scheduled action or rung is for: one assignment, or one rectification item. */
export type ChaseKey = { assignmentId: number } | { rectificationId: number };

/** The key of the work a schedule row or rung belongs to. */
export function chaseKeyOf(row: { assignmentId: number | null; rectificationId: number | null }): ChaseKey {
  return row.assignmentId !== null ? { assignmentId: row.assignmentId } : { rectificationId: row.rectificationId! };
}

/** What the ladder needs to know of the work it chases, whichever kind it is. */
export interface ChaseTarget {
  kind: 'assignment' | 'rectification';
  key: ChaseKey;
  unitId: number;
  unit: Unit;
  code: string;
  title: string;
  /** 办理时限 or 整改时限. */
  deadlineName: string;
  deadline: string | null;
  priority: Priority;
  /** Where the work stands, in a clause: 当前进度 40%. */
  progress: string;
  link: string;
  /** Still the unit's to do: reminders and rungs apply. */
  chased: boolean;
  assignment?: Assignment;
}

export async function chaseTarget(manager: EntityManager, key: ChaseKey): Promise<ChaseTarget> {
  if ('assignmentId' in key) {
    const a = await manager.findOneOrFail(Assignment, { where: { id: key.assignmentId }, relations: { directive: true, unit: true } });
    return {
      kind: 'assignment',
      key,
      unitId: a.unitId,
      unit: a.unit!,
      code: a.directive!.code,
      title: a.directive!.title,
      deadlineName: '办理时限',
      deadline: a.deadline,
      priority: a.directive!.priority,
      progress: `当前进度 ${a.percentDone}%`,
      link: `/tasks/${a.id}`,
      chased: awaitsUnit(a.status),
      assignment: a,
    };
  }
  const r = await manager.findOneOrFail(RectificationItem, { where: { id: key.rectificationId }, relations: { unit: true } });
  return {
    kind: 'rectification',
    key,
    unitId: r.unitId,
    unit: r.unit!,
    code: rectificationCode(r),
    title: rectificationTitle(r),
    deadlineName: '整改时限',
    deadline: r.deadline,
    priority: r.priority,
    progress: `当前状态：${RECTIFICATION_STATUS_LABELS[r.status]}`,
    link: `/rectifications/${r.id}`,
    chased: rectificationAwaitsUnit(r.status),
  };
}

/** A schedule row or rung, with its assignment (directive and unit) or its rectification item (and unit) joined. */
export interface ChasedRow {
  assignment?: Assignment | null;
  rectification?: RectificationItem | null;
}

/** How a schedule row or rung names its work in lists. */
export function chasedLabel(row: ChasedRow): { code: string; title: string; unitId: number; unitName: string; link: string } {
  if (row.assignment) {
    const a = row.assignment;
    return { code: a.directive!.code, title: a.directive!.title, unitId: a.unitId, unitName: a.unit!.name, link: `/tasks/${a.id}` };
  }
  const r = row.rectification!;
  return { code: rectificationCode(r), title: rectificationTitle(r), unitId: r.unitId, unitName: r.unit!.name, link: `/rectifications/${r.id}` };
}

/** Joins what `chasedLabel` reads onto a query of schedule rows or rungs aliased `alias`, and names the owning unit. */
export function joinChased<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string): { qb: SelectQueryBuilder<T>; unitColumn: string } {
  qb.leftJoinAndSelect(`${alias}.assignment`, 'a')
    .leftJoinAndSelect('a.directive', 'directive')
    .leftJoinAndSelect('a.unit', 'unit')
    .leftJoinAndSelect(`${alias}.rectification`, 'fix')
    .leftJoinAndSelect('fix.unit', 'fixunit');
  return { qb, unitColumn: 'COALESCE(a.unit_id, fix.unit_id)' };
}
