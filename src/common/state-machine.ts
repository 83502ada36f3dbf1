import { DomainError } from './errors/domain-error';

/** One step of a life cycle: the states it may be taken from and the state after it (`null` keeps the current one). */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S | null;
}

/** A step refused in the current state: 409, with the state and the step for programs. */
export class IllegalTransitionError extends DomainError {
  constructor(message: string, status: string, action: string) {
    super('ILLEGAL_TRANSITION', message, { status, action });
  }
}

/**
 * A finite-state machine over named steps (as Vendure's FSM, keyed by step rather than by target state,
 * since our objects move by what a person does). Each object keeps its own table and its own words for a
 * refusal; this is the one place that reads such a table. `T` may carry more per step (who takes it,
 * whether it needs a reason): `transition` hands the whole entry back.
 */
export class StateMachine<S extends string, A extends string, T extends Transition<S> = Transition<S>> {
  constructor(
    private readonly table: Readonly<Record<A, T>>,
    /** The Chinese sentence for a refused step, naming the current state and the step. */
    private readonly refusal: (status: S, action: A) => string,
  ) {}

  transition(action: A): T {
    return this.table[action];
  }

  canTransition(status: S, action: A): boolean {
    return this.table[action].from.includes(status);
  }

  /** The state after `action`, or an IllegalTransitionError when the current state does not allow it. */
  assertTransition(status: S, action: A): S {
    const step = this.table[action];
    if (!step.from.includes(status)) throw new IllegalTransitionError(this.refusal(status, action), status, action);
    return step.to ?? status;
  }

  /** The steps open in a state, in the table's order, optionally only those matching `which` (e.g. one side's). */
  available(status: S, which: (step: T) => boolean = () => true): A[] {
    return (Object.keys(this.table) as A[]).filter((action) => this.canTransition(status, action) && which(this.table[action]));
  }
}
