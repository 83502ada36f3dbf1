/**
 * `npm run train:extraction`: trains the clause model (src/extraction/rules/clause-model.ts) on the dev
 * fixtures and writes src/extraction/rules/clause-weights.json.
 *
 * Each clause the rules judge in a dev document is an example: a task when most of it, or most of an
 * annotated sentence, lies in the other. A logistic regression over hashed features (AdaGrad, L2, a fixed
 * order: the same fixtures give the same weights). Sparse and a few thousand examples: no library we
 * could take trains that without a dense matrix, so these thirty lines do.
 *
 * How much it adds is measured by cross-validation: the dev documents in five folds, each fold extracted
 * with a model trained on the other four and scored as `npm run eval:extraction` scores, at several
 * probabilities from which the model takes a clause (the service takes at TAKE_AT). The held-out
 * documents are never read.
 *
 * `-- --check`: exits 1 when the weights file differs from what training gives (the fixture test runs it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTasks } from '../src/extraction/rules';
import { bucketsOf, clauseFeatures, ClauseModel, TAKE_AT } from '../src/extraction/rules/clause-model';
import { Fixture, loadFixtures } from '../test/fixtures/extraction/fixtures';
import { contextFor, rates, score, sum } from '../test/fixtures/extraction/scoring';

/** 2^15 buckets and weights under 0.02 left out: a 300 KB file, as good in cross-validation as 2^18 unpruned. */
const BUCKETS = 1 << 15;
const PRUNE = 0.02;
const EPOCHS = 8;
const RATE = 0.2;
const L2 = 1e-4;
const FOLDS = 5;
const TAKE_AT_TRIED = [2, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];
export const WEIGHTS_FILE = join(__dirname, '..', 'src', 'extraction', 'rules', 'clause-weights.json');

interface Example {
  buckets: number[];
  task: boolean;
}

function examples(fixture: Fixture): Example[] {
  const sentences = fixture.tasks.map((t) => {
    const start = fixture.text.indexOf(t.sentence);
    return { start, end: start + t.sentence.length };
  });
  const found: Example[] = [];
  extractTasks(fixture.text, contextFor(fixture.documentDate), {
    model: null,
    observe: (view, span) => {
      const length = span.end - span.start;
      const task = sentences.some((s) => {
        const overlap = Math.min(s.end, span.end) - Math.max(s.start, span.start);
        return overlap > 0 && (overlap * 2 >= length || overlap * 2 >= s.end - s.start);
      });
      found.push({ buckets: [...new Set(bucketsOf(clauseFeatures(view), BUCKETS))], task });
    },
  });
  return found;
}

function train(data: Example[]): { bias: number; weights: Float64Array } {
  const weights = new Float64Array(BUCKETS);
  const squares = new Float64Array(BUCKETS).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    // A fixed stride through the examples mixes documents without randomness.
    for (let k = 0; k < data.length; k++) {
      const { buckets, task } = data[(k * 7919) % data.length];
      let z = bias;
      for (const b of buckets) z += weights[b];
      const gradient = 1 / (1 + Math.exp(-z)) - (task ? 1 : 0);
      for (const b of buckets) {
        const g = gradient + L2 * weights[b];
        squares[b] += g * g;
        weights[b] -= (RATE * g) / Math.sqrt(squares[b]);
      }
      biasSquares += gradient * gradient;
      bias -= (RATE * gradient) / Math.sqrt(biasSquares);
    }
  }
  return { bias, weights };
}

function modelOf(trained: { bias: number; weights: Float64Array }): ClauseModel {
  const weights: Record<string, number> = {};
  trained.weights.forEach((w, b) => {
    const rounded = Math.round(w * 1000) / 1000;
    if (Math.abs(rounded) >= PRUNE) weights[b] = rounded;
  });
  return { buckets: BUCKETS, bias: Math.round(trained.bias * 1000) / 1000, weights };
}

function crossValidate(dev: Fixture[], data: Example[][]): void {
  const folds = Array.from({ length: FOLDS }, (_, k) => dev.map((_, i) => i).filter((i) => i % FOLDS === k));
  const modelPerFold = folds.map((fold) => modelOf(train(data.flatMap((d, i) => (fold.includes(i) ? [] : d)))));
  const extract = (i: number, model: ClauseModel | null, takeAt?: number) => extractTasks(dev[i].text, contextFor(dev[i].documentDate), { model, takeAt });
  console.log(`${data.flat().length} clauses from ${dev.length} dev documents, ${data.flat().filter((e) => e.task).length} of them in annotated tasks`);
  console.log(`rules alone (tuned on these documents): ${JSON.stringify(rates(sum(dev.map((f, i) => score(f, extract(i, null))))))}`);
  for (const takeAt of TAKE_AT_TRIED) {
    const r = rates(sum(folds.flatMap((fold, k) => fold.map((i) => score(dev[i], extract(i, modelPerFold[k], takeAt))))));
    console.log(`${FOLDS}-fold, model takes from ${takeAt > 1 ? 'never' : takeAt.toFixed(2)}${takeAt === TAKE_AT ? ' (the service)' : ''}: recall ${r.recall}, precision ${r.precision}, owners ${r.owners}, deadlines ${r.deadlines}, targets ${r.targets}`);
  }
}

function main(): void {
  const dev = loadFixtures().filter((f) => f.set === 'dev');
  const data = dev.map(examples);
  const text = `${JSON.stringify(modelOf(train(data.flat())))}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(WEIGHTS_FILE, 'utf8') === text;
    console.log(same ? 'clause-weights.json is what training gives' : 'clause-weights.json differs from what training gives: run npm run train:extraction');
    process.exitCode = same ? 0 : 1;
    return;
  }
  crossValidate(dev, data);
  writeFileSync(WEIGHTS_FILE, text);
  console.log(`wrote ${WEIGHTS_FILE} (${Object.keys(JSON.parse(text).weights).length} weights, ${text.length} bytes)`);
}

main();
