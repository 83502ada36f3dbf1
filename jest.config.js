// Four suites: fast unit tests, medium tests (services called directly on a fresh SQLite database),
// the e2e suite once per database, and the browser test.
const SWC_OPTIONS = require('./scripts/swc-options');

const swc = ['@swc/jest', SWC_OPTIONS];
const base = { transform: { '^.+\\.ts$': swc }, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
const e2e = (db) => ({
  ...base,
  displayName: `e2e-${db}`,
  // Concurrency and fault tests mean something only on MariaDB with Bull: they run in that suite alone.
  // The page crawler reads pages, whose database does not matter: it runs once, on SQLite.
  testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', `<rootDir>/test/e2e/**/*.${db}-spec.ts`],
  setupFiles: [`<rootDir>/test/support/use-${db}.ts`],
});

module.exports = {
  testTimeout: 60000,
  projects: [
    // The benchmarks' own rules (when a soak's memory counts as flat) are unit-tested with the product's.
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'] },
    { ...base, displayName: 'medium', testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'] },
    e2e('sqlite'),
    e2e('mysql'),
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
