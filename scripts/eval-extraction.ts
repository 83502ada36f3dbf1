/**
 * `npm run eval:extraction`: measures the extraction rules against the hand-annotated documents in
 * test/fixtures/extraction/ and prints, per document and per set (dev, held-out), the tasks annotated,
 * found and matched, recall, precision, and the share of matched tasks with the right owners, deadline
 * and target. A measurement: it always exits 0 and says whether the goals are met.
 *
 * Matching: an annotated task's span is the first occurrence of its sentence in the text. A found task
 * can match an annotated one when their spans overlap; the pairing is one to one (a found task matches
 * at most one annotated task and the other way round), preferring, among overlapping candidates, the
 * one with the same target, then the same owners, then the larger overlap. Recall = matched / annotated,
 * precision = matched / found.
 * Right owners: the lead and cooperating sets as written are equal (full- and half-width brackets alike).
 * Right deadline: the same date and cycle. Right target: both none, or the same comparator, value and
 * unit (the metric's wording is free).
 */
import { publishedCalendar } from '../src/calendar/calendar-data';
import { WorkingCalendar } from '../src/calendar/working-calendar';
import { extractTasks } from '../src/extraction/rules';
import type { ExtractedTask, ExtractionContext } from '../src/extraction/rules/types';
import { loadFixtures, Fixture, AnnotatedTask, DEMO_UNITS } from '../test/fixtures/extraction/fixtures';

const GOALS = { recall: 0.9, precision: 0.8, owners: 0.85, deadlines: 0.85, targets: 0.85 };
const calendar = new WorkingCalendar(publishedCalendar());

const norm = (s: string) => s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
const sameSet = (a: string[], b: string[]) => {
  const [x, y] = [a.map(norm).sort(), b.map(norm).sort()];
  return x.length === y.length && x.every((v, i) => v === y[i]);
};
const rightOwners = (a: AnnotatedTask, f: ExtractedTask) => sameSet(a.leadUnits, f.leadUnits.map((o) => o.text)) && sameSet(a.cooperatingUnits, f.cooperatingUnits.map((o) => o.text));
const rightDeadline = (a: AnnotatedTask, f: ExtractedTask) => a.deadline.date === f.deadline.date && a.deadline.cycle === f.deadline.cycle;
const rightTarget = (a: AnnotatedTask, f: ExtractedTask) =>
  a.target === null ? f.target === null : f.target !== null && a.target.comparator === f.target.comparator && a.target.value === f.target.value && a.target.unit === f.target.unit;

interface Score {
  annotated: number;
  found: number;
  matched: number;
  owners: number;
  deadlines: number;
  targets: number;
}

/** `--details`: what went wrong on the dev set (never on the held-out set, which must not be tuned on). */
const DETAILS = process.argv.includes('--details');

export function score(fixture: Fixture, found: ExtractedTask[]): Score {
  const show = DETAILS && fixture.set === 'dev';
  const used = new Set<number>();
  const result: Score = { annotated: fixture.tasks.length, found: found.length, matched: 0, owners: 0, deadlines: 0, targets: 0 };
  for (const task of fixture.tasks) {
    const start = fixture.text.indexOf(task.sentence);
    const end = start + task.sentence.length;
    let best = -1;
    let bestKey = -1;
    found.forEach((f, i) => {
      if (used.has(i)) return;
      const overlap = Math.min(end, f.end) - Math.max(start, f.start);
      if (overlap <= 0) return;
      const key = (rightTarget(task, f) ? 4 : 0) + (rightOwners(task, f) ? 2 : 0) + overlap / (end - start + 1);
      if (key > bestKey) [best, bestKey] = [i, key];
    });
    if (best < 0) {
      if (show) console.log(`  MISSED  ${task.sentence.slice(0, 50)}`);
      continue;
    }
    used.add(best);
    result.matched += 1;
    const f = found[best];
    if (rightOwners(task, f)) result.owners += 1;
    else if (show) console.log(`  OWNERS  ${JSON.stringify([task.leadUnits, task.cooperatingUnits])} got ${JSON.stringify([f.leadUnits.map((o) => o.text), f.cooperatingUnits.map((o) => o.text)])}  ${task.sentence.slice(0, 30)}`);
    if (rightDeadline(task, f)) result.deadlines += 1;
    else if (show) console.log(`  DEADLINE ${JSON.stringify(task.deadline)} got ${JSON.stringify(f.deadline)}  ${task.sentence.slice(0, 30)}`);
    if (rightTarget(task, f)) result.targets += 1;
    else if (show) console.log(`  TARGET ${JSON.stringify(task.target)} got ${JSON.stringify(f.target)}  ${task.sentence.slice(0, 30)}`);
  }
  if (show) found.forEach((f, i) => used.has(i) || console.log(`  EXTRA   ${f.paragraph.slice(0, 50)}`));
  return result;
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function contextFor(fixture: Fixture): ExtractionContext {
  return { documentDate: fixture.documentDate, units: DEMO_UNITS, addWorkingDays: (s, n) => calendar.addWorkingDays(s, n) };
}

function line(name: string, s: Score): string {
  return `${name.padEnd(34)} ${String(s.annotated).padStart(4)} ${String(s.found).padStart(5)} ${String(s.matched).padStart(7)}  ${pct(s.matched, s.annotated)} ${pct(s.matched, s.found)}   ${pct(s.owners, s.matched)} ${pct(s.deadlines, s.matched)} ${pct(s.targets, s.matched)}`;
}

function sum(scores: Score[]): Score {
  return scores.reduce((a, s) => ({ annotated: a.annotated + s.annotated, found: a.found + s.found, matched: a.matched + s.matched, owners: a.owners + s.owners, deadlines: a.deadlines + s.deadlines, targets: a.targets + s.targets }), { annotated: 0, found: 0, matched: 0, owners: 0, deadlines: 0, targets: 0 });
}

function rates(s: Score) {
  const r = (n: number, d: number) => (d === 0 ? null : Math.round((1000 * n) / d) / 1000);
  return { annotated: s.annotated, found: s.found, matched: s.matched, recall: r(s.matched, s.annotated), precision: r(s.matched, s.found), owners: r(s.owners, s.matched), deadlines: r(s.deadlines, s.matched), targets: r(s.targets, s.matched) };
}

function goalsMet(s: Score): string {
  const r = rates(s);
  const checks: [string, number | null, number][] = [['recall', r.recall, GOALS.recall], ['precision', r.precision, GOALS.precision], ['owners', r.owners, GOALS.owners], ['deadlines', r.deadlines, GOALS.deadlines], ['targets', r.targets, GOALS.targets]];
  return checks.map(([name, value, goal]) => `${name} ${value === null ? '-' : value >= goal ? 'met' : 'NOT met'}`).join(', ');
}

function main(): void {
  const fixtures = loadFixtures();
  const header = `${'document'.padEnd(34)} ${'ann'.padStart(4)} ${'found'.padStart(5)} ${'matched'.padStart(7)}  ${'recall'.padStart(6)} ${'prec.'.padStart(6)}   ${'owners'.padStart(6)} ${'dl'.padStart(6)} ${'target'.padStart(6)}`;
  const bySet: Record<string, Score[]> = { dev: [], 'held-out': [] };
  let largest = { name: '', chars: 0, ms: 0 };
  for (const set of ['dev', 'held-out'] as const) {
    console.log(`\n== ${set} ==\n${header}`);
    for (const fixture of fixtures.filter((f) => f.set === set)) {
      const started = process.hrtime.bigint();
      const found = extractTasks(fixture.text, contextFor(fixture));
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (fixture.text.length > largest.chars) largest = { name: fixture.name, chars: fixture.text.length, ms };
      const s = score(fixture, found);
      bySet[set].push(s);
      console.log(line(fixture.name, s));
    }
    console.log(line(`TOTAL ${set}`, sum(bySet[set])));
    console.log(`goals (${set}): ${goalsMet(sum(bySet[set]))}`);
  }
  // Speed on a document of at least 30,000 characters: the fixtures' texts one after another.
  let big = '';
  while (big.length < 30_000) for (const f of fixtures) big += `${f.text}\n`;
  const started = process.hrtime.bigint();
  const bigTasks = extractTasks(big, { documentDate: '2026-03-02', units: DEMO_UNITS, addWorkingDays: (s, n) => calendar.addWorkingDays(s, n) });
  const bigMs = Number(process.hrtime.bigint() - started) / 1e6;
  // The API takes up to 200,000 characters: one run-on clause of that size, with a subject every ten.
  const runOn = '市公安局要建立台账，'.repeat(20_000);
  const runOnStarted = process.hrtime.bigint();
  extractTasks(runOn, { documentDate: '2026-03-02', units: DEMO_UNITS, addWorkingDays: (s, n) => calendar.addWorkingDays(s, n) });
  const runOnMs = Number(process.hrtime.bigint() - runOnStarted) / 1e6;
  console.log(`\nlargest fixture: ${largest.name} (${largest.chars} chars) in ${largest.ms.toFixed(1)} ms`);
  console.log(`${runOn.length}-character run-on clause (worst case seen): ${runOnMs.toFixed(1)} ms`);
  console.log(`${big.length}-character document: ${bigTasks.length} tasks in ${bigMs.toFixed(1)} ms (goal < 1000 ms: ${bigMs < 1000 ? 'met' : 'NOT met'})`);
  console.log(JSON.stringify({ dev: rates(sum(bySet.dev)), heldOut: rates(sum(bySet['held-out'])), largestFixtureMs: Math.round(largest.ms * 10) / 10, ms30k: Math.round(bigMs * 10) / 10, chars30k: big.length }));
}

try {
  main();
} catch (error) {
  console.error(error);
}
process.exitCode = 0;
