/**
 * `npm run train:extraction`: trains the clause model on the dev fixtures (test/fixtures/extraction/
 * clause-training.ts) and writes src/extraction/rules/clause-weights.json.
 *
 * How much it adds is measured by cross-validation: the dev documents in five folds, each fold extracted
 * with a model trained on the other four and scored as `npm run eval:extraction` scores, at several
 * probabilities from which the model takes a clause (the service takes at TAKE_AT). The held-out
 * documents are never read.
 */
import { writeFileSync } from 'node:fs';
import { extractTasks } from '../src/extraction/rules';
import { ClauseModel, TAKE_AT } from '../src/extraction/rules/clause-model';
import { Example, examples, modelOf, train, weightsFileText, WEIGHTS_FILE } from '../test/fixtures/extraction/clause-training';
import { Fixture, loadFixtures } from '../test/fixtures/extraction/fixtures';
import { contextFor, rates, score, sum } from '../test/fixtures/extraction/scoring';

const FOLDS = 5;
const TAKE_AT_TRIED = [2, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];

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
  crossValidate(dev, dev.map(examples));
  const text = weightsFileText(dev);
  writeFileSync(WEIGHTS_FILE, text);
  console.log(`wrote ${WEIGHTS_FILE} (${Object.keys(JSON.parse(text).weights).length} weights, ${text.length} bytes)`);
}

main();
