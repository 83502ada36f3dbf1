import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSIGNMENT_ACTIONS } from '../assignments/assignment-state';
import { RECTIFICATION_ACTIONS } from '../rectifications/rectification-state';
import { AUDIT_ACTION_LABELS, auditActionLabel, auditActionOptions } from './audit-actions';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * What the code records, read from the sources: every `action: …` expression with a dotted code in it,
 * as literal codes (`'notice.issue'`) and as prefixes of built codes (`` `assignment.${action}` ``).
 */
function recordedActions(): { codes: Set<string>; prefixes: Set<string> } {
  const codes = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    for (const [, expression] of readFileSync(file, 'utf8').matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const [, code] of expression.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(code);
      for (const [, prefix] of expression.matchAll(/`([a-z_]+)\.\$\{/g)) prefixes.add(prefix);
    }
  }
  return { codes, prefixes };
}

/** The steps whose codes are built from a state machine's actions, by prefix. */
const BUILT_FROM: Record<string, readonly string[]> = {
  assignment: ASSIGNMENT_ACTIONS,
  rectification: RECTIFICATION_ACTIONS,
};

describe('audit action labels', () => {
  const labels: Record<string, string> = AUDIT_ACTION_LABELS;
  const { codes, prefixes } = recordedActions();

  it('finds the actions the code records', () => {
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes]).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed', 'notice.issue', 'access.denied', 'inspection.create']));
    expect([...prefixes].sort()).toEqual(expect.arrayContaining(['assignment', 'listing', 'rectification']));
  });

  it('names every action recorded with a literal code', () => {
    const unnamed = [...codes].filter((code) => !labels[code]);
    expect(unnamed).toEqual([]);
  });

  it('names every step of the state machines whose codes are built, and some step of every other built prefix', () => {
    expect(prefixes.size).toBeGreaterThan(0);
    for (const prefix of prefixes) {
      expect(Object.keys(labels).filter((code) => code.startsWith(`${prefix}.`)).length).toBeGreaterThan(0);
      const unnamed = (BUILT_FROM[prefix] ?? []).map((step) => `${prefix}.${step}`).filter((code) => !labels[code]);
      expect(unnamed).toEqual([]);
    }
  });

  it('names actions in Chinese, each name distinct within its group', () => {
    const entries = Object.entries(labels);
    expect(entries.length).toBeGreaterThan(0);
    for (const [code, label] of entries) {
      expect(label).toMatch(/[\u4e00-\u9fff]/);
      expect(label).not.toContain(code);
    }
    expect(new Set(Object.values(labels)).size).toBe(entries.length);
  });

  it.each([
    ['auth.login', '登录'],
    ['notice.issue', '印发公文'],
    ['assignment.acknowledge', '签收任务'],
    ['rectification.sign_off', '整改验收销号'],
    // An entry written under a code no longer in use keeps its code rather than vanishing.
    ['retired.action', 'retired.action'],
  ])('reads %s as %s', (code, label) => {
    expect(auditActionLabel(code)).toBe(label);
  });

  it('offers each group as a whole (by prefix) and each action in it, all by Chinese name', () => {
    const groups = auditActionOptions();
    expect(groups.length).toBeGreaterThan(0);
    const auth = groups.find((g) => g.label === '登录')!;
    expect(auth.options).toEqual([
      { value: 'auth.', label: '全部登录操作' },
      { value: 'auth.login', label: '登录' },
      { value: 'auth.login_failed', label: '登录失败' },
      { value: 'auth.logout', label: '退出登录' },
    ]);
    const offered = groups.flatMap((g) => g.options.map((o) => o.value)).filter((v) => !v.endsWith('.'));
    expect(offered.sort()).toEqual(Object.keys(labels).sort());
  });
});
