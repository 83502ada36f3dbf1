/**
 * `npm run train:extraction`: trains the clause model on the dev fixtures (test/fixtures/extraction/
 * clause-training.ts) and writes src/extraction/rules/clause-weights.json.
 *
 * First it measures what the model adds, scored as `npm run eval:extraction` scores, at several
 * probabilities from which it takes a clause (the service takes at TAKE_AT) and below which it drops a task
 * the rules found (the service drops below DROP_BELOW):
 * - forward, as the model is used: each group of three batches annotated since batch 26 is extracted
 *   with a model trained only on the documents annotated before it, so no document is read by a model
 *   that saw it or anything after it. The probability closest to the goals (recall 90 %, precision 80 %)
 *   here are the ones the service should take at and drop below;
 * - five-fold: the dev documents in five parts, each extracted with a model trained on the other four.
 * The held-out documents are never read. (The rules were tuned on every dev document, so both measures
 * flatter them; the held-out batches are the measure.)
 */
import { writeFileSync } from 'node:fs';
import { extractTasks } from '../src/extraction/rules';
import { ClauseModel, DROP_BELOW, TAKE_AT } from '../src/extraction/rules/clause-model';
import { Example, examples, modelOf, train, weightsFileText, WEIGHTS_FILE } from '../test/fixtures/extraction/clause-training';
import { Fixture, loadFixtures } from '../test/fixtures/extraction/fixtures';
import { contextFor, GOALS, rates, score, sum } from '../test/fixtures/extraction/scoring';

const FOLDS = 5;
const TAKE_AT_TRIED = [2, 0.9, 0.7, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2, 0.1];
const DROP_BELOW_TRIED = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5];
/** Each probability to take from, with the service's to drop below; then the service's to take from, with each to drop below. */
const TRIED = [...TAKE_AT_TRIED.map((takeAt) => ({ takeAt, dropBelow: DROP_BELOW })), ...DROP_BELOW_TRIED.filter((d) => d !== DROP_BELOW).map((dropBelow) => ({ takeAt: TAKE_AT, dropBelow }))];
const label = ({ takeAt, dropBelow }: { takeAt: number; dropBelow: number }) =>
  `  model takes from ${takeAt > 1 ? 'never' : takeAt.toFixed(2)}, drops below ${dropBelow.toFixed(2)}${takeAt === TAKE_AT && dropBelow === DROP_BELOW ? ' (the service)' : ''}`;
/** The first batch annotated after the model existed; forward groups are three batches each from there. */
const FIRST_FORWARD_BATCH = 26;

const batchOf = (fixture: Fixture) => Number(/batch (\d+)/.exec(fixture.note ?? '')?.[1] ?? 0);
const groupOf = (fixture: Fixture) => (batchOf(fixture) < FIRST_FORWARD_BATCH ? -1 : Math.floor((batchOf(fixture) - FIRST_FORWARD_BATCH) / 3));
/** The smaller of recall and precision over its goal: 1 where both goals are met. */
const closeness = (r: ReturnType<typeof rates>) => Math.min((r.recall ?? 0) / GOALS.recall, (r.precision ?? 0) / GOALS.precision);
const line = (label: string, r: ReturnType<typeof rates>) => `${label}: recall ${r.recall}, precision ${r.precision}, owners ${r.owners}, deadlines ${r.deadlines}, targets ${r.targets} (closeness to the goals ${closeness(r).toFixed(3)})`;

function forward(dev: Fixture[], data: Example[][]): void {
  const groups = [...new Set(dev.map(groupOf))].filter((g) => g >= 0).sort((a, b) => a - b);
  const modelPerGroup = new Map(groups.map((g) => [g, modelOf(train(data.flatMap((d, i) => (groupOf(dev[i]) < g ? d : []))))]));
  const tested = dev.map((f, i) => i).filter((i) => groupOf(dev[i]) >= 0);
  console.log(`forward: ${tested.length} documents of batches ${FIRST_FORWARD_BATCH}–${Math.max(...tested.map((i) => batchOf(dev[i])))}, each read by a model trained on the documents before its group`);
  for (const tried of TRIED) {
    const r = rates(sum(tested.map((i) => score(dev[i], extractTasks(dev[i].text, contextFor(dev[i].documentDate), { model: modelPerGroup.get(groupOf(dev[i]))!, ...tried })))));
    console.log(line(label(tried), r));
  }
}

function crossValidate(dev: Fixture[], data: Example[][]): void {
  const folds = Array.from({ length: FOLDS }, (_, k) => dev.map((_, i) => i).filter((i) => i % FOLDS === k));
  const modelPerFold = folds.map((fold) => modelOf(train(data.flatMap((d, i) => (fold.includes(i) ? [] : d)))));
  const extract = (i: number, model: ClauseModel, tried: { takeAt: number; dropBelow: number }) => extractTasks(dev[i].text, contextFor(dev[i].documentDate), { model, ...tried });
  console.log(`${FOLDS}-fold: ${data.flat().length} clauses from ${dev.length} dev documents, ${data.flat().filter((e) => e.task).length} of them in annotated tasks`);
  for (const tried of TRIED) {
    const r = rates(sum(folds.flatMap((fold, k) => fold.map((i) => score(dev[i], extract(i, modelPerFold[k], tried))))));
    console.log(line(label(tried), r));
  }
}

function main(): void {
  const dev = loadFixtures().filter((f) => f.set === 'dev');
  const data = dev.map(examples);
  forward(dev, data);
  crossValidate(dev, data);
  const text = weightsFileText(dev);
  writeFileSync(WEIGHTS_FILE, text);
  console.log(`wrote ${WEIGHTS_FILE} (${Object.keys(JSON.parse(text).weights).length} weights, ${text.length} bytes)`);
}

main();
