import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { WakeUp } from '../jobs/jobs.constants';
import type { Work } from '../jobs/unit-of-work';
import type { ChaseTarget } from './chase-sources';
import { Escalation } from './escalation.entity';
import { RUNG_LABELS, RungDefinition, STANDARD_RUNGS } from './escalation-ladder';

/** A rung just reached and recorded, as its effect sees it. */
export interface ReachedRung {
  escalation: Escalation;
  target: ChaseTarget;
  /** The office's setting for the rung (never off: an off rung is not reached). */
  mode: 'auto' | 'approval';
  /** pending: waits for the office in 督办审批; issued: done now (or its approval happens elsewhere). */
  status: 'pending' | 'issued';
  label: string;
  /** Tells the unit's contacts, the leaders and the office that the rung is issued. */
  announce(): Promise<WakeUp[]>;
  /** Asks the office to approve the prepared rung. */
  askApproval(): Promise<WakeUp[]>;
}

export interface RungOutcome {
  /** What happened, in words, for the schedule's record. */
  outcome: string;
}

/** The office's approval of a pending rung. */
export interface RungApproval {
  actorUserId: number;
  /** Tells the unit's contacts, the leaders and the office that the rung is issued. */
  announce(): Promise<WakeUp[]>;
}

/**
 * What a rung does, registered by the feature that does it (notices draft and issue the formal
 * notices, listings put the cards forward). Everything runs in the caller's unit of work, which wakes
 * what the effect asks for once it commits.
 */
export interface RungEffect {
  /**
   * For rungs approved elsewhere (a card is approved, like every listing, under 挂牌整治): the rung is
   * recorded as issued at once, with this note when the office's approval is still wanted.
   */
  readonly approvedElsewhere?: string;
  /** The rung is reached and its record written. */
  reached(work: Work, rung: ReachedRung): Promise<RungOutcome>;
  /** The office approves a pending rung; without it, the rung is announced. */
  approve?(work: Work, escalation: Escalation, approval: RungApproval): Promise<void>;
  /** A pending rung is dismissed by the office, or withdrawn because the work left the unit's hands. */
  withdraw?(manager: EntityManager, escalation: Escalation): Promise<void>;
}

/** A rung that only tells people: the overdue-report check, and any rung whose record is all it does. */
export const ANNOUNCE_ONLY: RungEffect = {
  reached: async ({ wake }, rung) => {
    if (rung.status === 'pending') {
      wake('delivery', await rung.askApproval());
      return { outcome: `已拟${rung.label}，待协调办审批` };
    }
    wake('delivery', await rung.announce());
    return { outcome: `已发出${rung.label}` };
  },
};

/** The ladder's rungs and what each does: the engine defines the standard rungs, features register their effects. */
@Injectable()
export class Rungs {
  private defined: RungDefinition[] = [...STANDARD_RUNGS];
  private readonly effects = new Map<string, RungEffect>([['report_overdue', ANNOUNCE_ONLY]]);

  /** Adds a rung to every ladder, at its position; stored ladders give it its default until the office edits them. */
  define(definition: RungDefinition): void {
    if (!/^[a-z][a-z0-9_]{0,23}$/.test(definition.name)) throw new Error(`督办阶梯名称不合规（rung name）：${definition.name}`);
    if (this.defined.some((d) => d.name === definition.name) || definition.name === 'report_overdue') throw new Error(`督办阶梯重复定义（rung）：${definition.name}`);
    this.defined = [...this.defined, definition].sort((a, b) => a.position - b.position);
  }

  registerEffect(rung: string, effect: RungEffect): void {
    if (this.effects.has(rung) && rung !== 'report_overdue') throw new Error(`督办阶梯效果重复登记（rung effect）：${rung}`);
    this.effects.set(rung, effect);
  }

  /** Every rung, in climbing order. */
  definitions(): readonly RungDefinition[] {
    return this.defined;
  }

  definition(rung: string): RungDefinition {
    const found = this.defined.find((d) => d.name === rung);
    if (!found) throw new Error(`没有定义督办阶梯（rung）：${rung}`);
    return found;
  }

  label(rung: string): string {
    return this.defined.find((d) => d.name === rung)?.label ?? RUNG_LABELS[rung] ?? rung;
  }

  /** The labels of every rung and of the overdue-report check. */
  labels(): Record<string, string> {
    return { ...RUNG_LABELS, ...Object.fromEntries(this.defined.map((d) => [d.name, d.label])) };
  }

  effectOf(rung: string): RungEffect {
    const effect = this.effects.get(rung);
    if (!effect) throw new Error(`督办阶梯没有登记效果（rung effect）：${rung}`);
    return effect;
  }

  /** Defined rungs nothing has said what to do for. */
  withoutEffect(): string[] {
    return this.defined.filter((d) => !this.effects.has(d.name)).map((d) => d.name);
  }
}
