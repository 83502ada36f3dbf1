/**
 * The extractor over every annotated document: spans point into the text, and every field is valid.
 * (How well it finds the annotated tasks is measured by `npm run eval:extraction`, not asserted here.)
 */
import { publishedCalendar } from '../../calendar/calendar-data';
import { parseIsoDate, WorkingCalendar } from '../../calendar/working-calendar';
import { DEMO_UNITS, loadFixtures, SECOND_ANNOTATION_DIR } from '../../../test/fixtures/extraction/fixtures';
import { extractTasks } from './index';
import type { ExtractedOwner } from './types';

const calendar = new WorkingCalendar(publishedCalendar());
const fixtures = loadFixtures();
const isDate = (date: string) => {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
};

describe('the annotated fixtures', () => {
  it('are there, each annotated task an exact substring of its text, and the extractor finds tasks in most that hold some', () => {
    // Documents with no task annotated (a facts-only reply, a report of exhortations) rightly give none.
    const holding = fixtures.filter((f) => f.tasks.length > 0);
    // A held-out document the rules miss entirely is a finding of the eval, not a broken extractor: nine in ten.
    const found = holding.filter((f) => extractTasks(f.text, { documentDate: f.documentDate, units: DEMO_UNITS, addWorkingDays: (s, n) => calendar.addWorkingDays(s, n) }).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(Math.ceil(holding.length * 0.9));
    expect(fixtures.length).toBeGreaterThanOrEqual(9);
    expect(fixtures.filter((f) => f.set === 'held-out').length).toBeGreaterThanOrEqual(3);
    for (const fixture of fixtures) {
      expect(isDate(fixture.documentDate)).toBe(true);
      for (const task of fixture.tasks) expect(fixture.text.includes(task.sentence)).toBe(true);
    }
  });
});

describe('the second, blind annotations', () => {
  it('each annotate the text of a fixture, every task an exact substring of it', () => {
    const seconds = loadFixtures(SECOND_ANNOTATION_DIR);
    expect(seconds.length).toBeGreaterThan(0);
    for (const second of seconds) {
      const first = fixtures.find((f) => f.name === second.name);
      expect(first?.text).toBe(second.text);
      for (const task of second.tasks) expect(second.text.includes(task.sentence)).toBe(true);
    }
  });
});

describe.each(fixtures.map((f) => [f.name, f] as const))('extractTasks on %s', (_name, fixture) => {
  const tasks = extractTasks(fixture.text, { documentDate: fixture.documentDate, units: DEMO_UNITS, addWorkingDays: (s, n) => calendar.addWorkingDays(s, n) });
  const validOwner = (o: ExtractedOwner) => o.text.length > 0 && (o.unitId === null || DEMO_UNITS.some((u) => u.id === o.unitId));

  it('gives spans into the text, each paragraph being text.slice(start, end)', () => {
    for (const task of tasks) {
      expect(Number.isInteger(task.start) && Number.isInteger(task.end)).toBe(true);
      expect(0 <= task.start && task.start < task.end && task.end <= fixture.text.length).toBe(true);
      expect(task.paragraph).toBe(fixture.text.slice(task.start, task.end));
    }
  });

  it('gives valid fields: a short requirement, owners, deadline, target and confidence', () => {
    for (const task of tasks) {
      expect(task.requirement.length).toBeGreaterThan(0);
      expect(task.requirement.length).toBeLessThanOrEqual(60);
      expect([...task.leadUnits, ...task.cooperatingUnits].every(validOwner)).toBe(true);
      const { text, date, cycle } = task.deadline;
      expect(date === null || isDate(date)).toBe(true);
      expect(cycle === null || ['weekly', 'monthly', 'quarterly', 'yearly'].includes(cycle)).toBe(true);
      expect(date === null && cycle === null ? true : typeof text === 'string' && text.length > 0).toBe(true);
      if (task.target) {
        expect(Number.isFinite(task.target.value)).toBe(true);
        expect(['>=', '<=', '=']).toContain(task.target.comparator);
        expect(task.target.text.length).toBeGreaterThan(0);
      }
      expect(Number.isFinite(task.confidence) && task.confidence > 0 && task.confidence <= 1).toBe(true);
    }
  });
});
