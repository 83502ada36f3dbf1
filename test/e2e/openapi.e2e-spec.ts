import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
// @redocly/cli ships as one ES module bundle, which Jest cannot load: it runs as its own process, as `npx redocly` would.
const REDOCLY = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

interface LintProblem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer?: string }[];
}

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: LintProblem[];
}

type Operation = { operationId: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };

/** `redocly lint` with the repository's redocly.yaml (the recommended rules), as a JSON report. */
async function lint(document: object): Promise<LintReport> {
  const dir = mkdtempSync(join(tmpdir(), 'dbs-openapi-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const args = [REDOCLY, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'];
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' };
    // Exit code 1 means problems were found; the report is on stdout either way.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, env, timeout: 60_000 }).catch(
      (failed: { stdout?: string; stderr?: string }) => ({ stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' }),
    );
    try {
      return JSON.parse(stdout) as LintReport;
    } catch {
      throw new Error(`redocly lint gave no report:\n${stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const describeProblem = (p: LintProblem) => `${p.severity} ${p.ruleId} at ${p.location.map((l) => l.pointer).join(', ')}: ${p.message}`;

describe(`OpenAPI document (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; security: unknown; components: { schemas: Record<string, { properties: object; required: string[] }> } };
  let operations: [string, Operation][];

  beforeAll(async () => {
    app = await startTestApp();
    document = (await app.http().get('/api/docs-json').expect(200)).body;
    operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]));
  });
  afterAll(() => app.close());

  it('passes redocly lint with the recommended rules: no error, no warning', async () => {
    const report = await lint(document);
    expect(report.problems.map(describeProblem)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it('asks for a bearer token everywhere but sign-in and health', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(document.security).toEqual([{ bearer: [] }]);
    const open = operations.filter(([, op]) => op.security?.length === 0).map(([name]) => name);
    expect(open.sort()).toEqual(['GET /health', 'POST /api/auth/login']);
  });

  it('describes every error response with the one error body, which matches what the API answers', async () => {
    for (const [name, op] of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => status === 'default' || Number(status) >= 400);
      const bodies = errors.filter(([status]) => !(name === 'GET /health' && status === '503')).map(([status, response]) => [status, response.content?.['application/json']?.schema?.$ref]);
      expect(bodies.length).toBeGreaterThan(0);
      for (const [status, ref] of bodies) expect({ name, status, ref }).toEqual({ name, status, ref: '#/components/schemas/ErrorBodyView' });
    }
    const schema = document.components.schemas.ErrorBodyView;
    // Every request may be refused by the body parser before any route, /health included, as documented.
    const malformed = await app.http().get('/health').set('Content-Type', 'application/json').send('{"unfinished":').expect(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');
    const notFound = await app.http().get('/api/no-such-route').expect(404);
    for (const body of [malformed.body, notFound.body]) {
      expect(Object.keys(body).every((key) => key in schema.properties)).toBe(true);
      expect(schema.required.every((key) => key in body)).toBe(true);
    }
  });
});
