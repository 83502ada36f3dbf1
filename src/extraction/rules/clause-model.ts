/**
 * A second opinion on the rules' verdict: a logistic model over a clause's words and the rules' own
 * signals, trained on the annotated dev documents (`npm run train:extraction` writes clause-weights.json).
 * The rules decide; the model takes a clause they passed over as too weak (no directive, an exhortation,
 * a title) when its probability reaches TAKE_AT. Each fresh batch of documents brought wordings no rule
 * had seen, and those misses were most of what kept recall low; the model reads them by likeness to the
 * tasks annotated so far. It drops a task the rules found only when it is nearly sure the clause is none
 * and the clause names no owner (DROP_BELOW). A task it took is proposed with its probability as the
 * confidence, so the review page shows how sure it is. Pure and offline: the weights ship in the package.
 */
import type { ClauseSignals, ClauseVerdict } from './classify';
import type { SectionKind } from './structure';

export interface ClauseModel {
  /** Hashed feature space: a feature's weight sits at `hash(feature) % buckets`. */
  buckets: number;
  bias: number;
  /** Sparse weights by bucket, rounded; buckets not listed weigh 0. */
  weights: Record<string, number>;
}

/**
 * Where the model's view outweighs the rules'. On documents newer than any it was trained on
 * (`npm run train:extraction`, "forward", 1,832 documents of batches 26–166), 0.4 came the closest to the
 * goals of recall 90 % and precision 80 % together (recall 85.7 %, precision 76.3 %, against 86.6 % and 75.3 %
 * at 0.35, 84.6 % and 77.1 % at 0.45): a clause the rules passed over is still worth proposing when two in five
 * like it were tasks, since the office reviews every proposal and a task missed costs more than one unticked.
 * (With the trainer's smaller step since batch 142 the probabilities are less extreme: at the old step 0.2 to
 * 0.25 had come closest, over batches 26–103 to 26–138; 0.35 over 26–142, 0.4 by a hair over 26–146 and since.)
 */
export const TAKE_AT = 0.4;

/**
 * Where the model overrules a task the rules found: below four chances in ten, and only a clause that names
 * no owner of its own. Fresh batches brought texts that ask little (news of a meeting, a bulletin of
 * findings) whose clauses still read like the rules' tasks. In the forward measure over batches 26–67
 * (`npm run train:extraction`) dropping below 0.1 gave precision 74.0 % for recall 83.9 %, against 72.7 % and
 * 84.8 % without. Over batches 26–166, 0.2 came closest to the goals (recall 85.7 %, precision 76.3 %, closeness
 * 0.952, against 85.8 % and 76.0 %, 0.950, at 0.1, and 85.4 % and 76.7 %, 0.949, at 0.3). Two rounds later, over batches
 * 26–177, 0.3 came closest (recall 85.9 %, precision 76.2 %, closeness 0.953, against 86.1 % and 75.8 %, 0.948, at 0.2),
 * as it had over 26–173 (0.950 against 0.948). Over batches 26–193, 0.4 came closest (recall 85.6 %, precision 76.2 %,
 * closeness 0.951, against 86.1 % and 75.7 %, 0.946, at 0.3, and 84.9 % and 76.7 %, 0.943, at 0.5): the point where
 * recall and precision meet their goals alike has moved up as batches were added. A clause that names its owner
 * ("由市公安局牵头，…开展…") is the rules' strongest evidence, and the model's doubts there came from words, such as
 * unit names, it had mostly seen in news: dropping those too cost as much recall as it gained precision.
 */
export const DROP_BELOW = 0.4;

/** What the model reads of a clause: its text, where it stands, and what the rules made of it. */
export interface ClauseView {
  signals: ClauseSignals;
  verdict: ClauseVerdict;
  section: SectionKind;
  /** The rules' verdict on the clause before it: a point after a task reads differently from one after a title. */
  previous?: ClauseVerdict;
  /**
   * Where in the document the clause stands, 0 at its start and 1 at its end: a report's opening tells what
   * happened and a notice's last lines are its sign-off and contacts, whatever their words.
   */
  position?: number;
}

/** Verdicts the model may turn into a task: the rules judged the clause weak, not something else. */
const OVERRULABLE: ReadonlySet<ClauseVerdict> = new Set(['no-directive', 'exhortation', 'title']);

const FLAGS = ['hasOwner', 'hasDeadline', 'hasTarget', 'opensItem', 'inTaskSection', 'continuesTask', 'reply', 'inheritsOwner', 'wholeItemLine', 'assigned', 'underModalTitle', 'headsSentences', 'pointMarker', 'numbered'] as const;

/** FNV-1a, 32 bits: stable across runs and platforms, so trained buckets stay put. */
function hash(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The clause's features as strings: the trainer and the scorer share them. */
export function clauseFeatures({ signals, verdict, section, previous, position }: ClauseView): string[] {
  const text = signals.content.replace(/\s+/g, '');
  const body = text.replace(/[。；;，,：:]+$/, '');
  const features = [`v:${verdict}`, `s:${section}`, `vs:${verdict}:${section}`, `f:${text.slice(-1)}`, `e:${body.slice(-2)}`, `l:${Math.min(12, Math.floor(body.length / 8))}`];
  if (previous) features.push(`pv:${previous}`, `pv:${previous}:${verdict}`);
  if (position !== undefined) {
    const tenth = Math.min(9, Math.floor(position * 10));
    features.push(`pos:${tenth}`, `pos:${tenth}:${verdict}`);
  }
  for (const flag of FLAGS) {
    const value = signals[flag];
    if (value === undefined) continue;
    features.push(`${flag}:${value}`);
    if (value) features.push(`${verdict}&${flag}`);
  }
  // The opening says most: a subject, a modal word, an imperative verb, a reporting phrase.
  for (let n = 1; n <= 4; n++) if (body.length >= n) features.push(`p${n}:${body.slice(0, n)}`);
  const grams = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    grams.add(`u:${body[i]}`);
    if (i + 1 < body.length) grams.add(`b:${body.slice(i, i + 2)}`);
  }
  return [...features, ...grams];
}

export function bucketsOf(features: string[], buckets: number): number[] {
  return features.map((f) => hash(f) % buckets);
}

/** The probability that annotators would mark the clause a task. */
export function taskProbability(model: ClauseModel, view: ClauseView): number {
  let z = model.bias;
  for (const bucket of bucketsOf(clauseFeatures(view), model.buckets)) z += model.weights[bucket] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The verdict once the model has had its say. */
export function reconsider(model: ClauseModel | null, view: ClauseView, takeAt = TAKE_AT, dropBelow = DROP_BELOW): ClauseVerdict {
  if (model !== null && OVERRULABLE.has(view.verdict) && taskProbability(model, view) >= takeAt) return 'task';
  if (model !== null && view.verdict === 'task' && !view.signals.hasOwner && taskProbability(model, view) < dropBelow) return 'no-directive';
  return view.verdict;
}
