import { readFileSync } from 'node:fs';
import { loadFixtures } from '../../../test/fixtures/extraction/fixtures';
import { weightsFileText, WEIGHTS_FILE } from '../../../test/fixtures/extraction/clause-training';

describe('the shipped clause weights', () => {
  it('are what training on the dev fixtures gives (after a fixture moves to dev or a rule changes: npm run train:extraction)', () => {
    const dev = loadFixtures().filter((f) => f.set === 'dev');
    expect(readFileSync(WEIGHTS_FILE, 'utf8') === weightsFileText(dev)).toBe(true);
  });
});
