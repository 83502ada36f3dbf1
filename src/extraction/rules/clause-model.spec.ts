import type { ClauseSignals, ClauseVerdict } from './classify';
import { bucketsOf, clauseFeatures, ClauseModel, ClauseView, reconsider, taskProbability } from './clause-model';
import { extractTasks } from './index';

const view = (content: string, verdict: ClauseVerdict, more: Partial<ClauseSignals> = {}): ClauseView => ({
  signals: { content, hasOwner: false, hasDeadline: false, hasTarget: false, opensItem: false, inTaskSection: false, continuesTask: false, ...more },
  verdict,
  section: 'neutral',
});
/** A model that only knows one feature: the opening "推进". */
const BUCKETS = 1024;
const knows = (weight: number): ClauseModel => ({ buckets: BUCKETS, bias: 0, weights: { [bucketsOf(['p2:推进'], BUCKETS)[0]]: weight } });

describe('clauseFeatures', () => {
  it('reads the opening, the words, the ending and what the rules made of the clause, the same each time', () => {
    const features = clauseFeatures(view('推进燃气管道改造。', 'no-directive', { hasOwner: true }));
    expect(features).toEqual(expect.arrayContaining(['v:no-directive', 'p2:推进', 'b:管道', 'u:燃', 'e:改造', 'f:。', 'hasOwner:true', 'no-directive&hasOwner']));
    expect(clauseFeatures(view('推进燃气管道改造。', 'no-directive', { hasOwner: true }))).toEqual(features);
  });

  it('reads where in the document the clause stands, by tenths', () => {
    const at = (position: number) => clauseFeatures({ ...view('推进燃气管道改造。', 'no-directive'), position }).filter((f) => f.startsWith('pos:'));
    expect(at(0)).toEqual(['pos:0', 'pos:0:no-directive']);
    expect(at(0.55)).toEqual(['pos:5', 'pos:5:no-directive']);
    expect(at(1)).toEqual(['pos:9', 'pos:9:no-directive']);
  });
});

describe('taskProbability and reconsider', () => {
  it('weighs the features it knows', () => {
    expect(taskProbability(knows(0), view('推进燃气管道改造。', 'no-directive'))).toBeCloseTo(0.5);
    expect(taskProbability(knows(3), view('推进燃气管道改造。', 'no-directive'))).toBeGreaterThan(0.9);
    expect(taskProbability(knows(3), view('加快燃气管道改造。', 'no-directive'))).toBeCloseTo(0.5);
  });

  it.each<[ClauseVerdict, number, ClauseVerdict]>([
    // a clause the rules found too weak is taken when a task is more likely than not
    ['no-directive', 3, 'task'],
    ['exhortation', 3, 'task'],
    ['title', 3, 'task'],
    ['no-directive', -3, 'no-directive'],
    // what the rules recognised as something else stays so
    ['fact', 3, 'fact'],
    ['public', 3, 'public'],
    ['sanction', 3, 'sanction'],
    ['lead-in', 3, 'lead-in'],
    // a task the rules found is dropped only when the model gives it less than four chances in ten (p 0.047, 0.119, 0.269, 0.5)
    ['task', -3, 'no-directive'],
    ['task', -2, 'no-directive'],
    ['task', -1, 'no-directive'],
    ['task', 0, 'task'],
    ['task', 3, 'task'],
  ])('%s with weight %d → %s', (verdict, weight, expected) => {
    expect(reconsider(knows(weight), view('推进燃气管道改造。', verdict))).toBe(expected);
  });

  it('without a model, the rules decide', () => {
    expect(reconsider(null, view('推进燃气管道改造。', 'no-directive'))).toBe('no-directive');
    expect(reconsider(null, view('推进燃气管道改造。', 'task'))).toBe('task');
  });

  it('drops no task that names its owner, nor any when asked to drop below 0', () => {
    expect(reconsider(knows(-3), view('推进燃气管道改造。', 'task', { hasOwner: true }))).toBe('task');
    expect(reconsider(knows(-3), view('推进燃气管道改造。', 'task'), 0.2, 0)).toBe('task');
  });
});

describe('extractTasks with a model', () => {
  const context = { documentDate: '2026-03-02', units: [], addWorkingDays: (s: string) => s };
  const text = '一、重点工作\n推进燃气管道改造。';

  it('proposes the clause the model takes, no surer than the model is, and shows the trainer every clause', () => {
    const seen: string[] = [];
    expect(extractTasks(text, context, { model: null, observe: (v) => seen.push(`${v.verdict} ${v.signals.content}`) })).toEqual([]);
    expect(seen).toEqual(['exhortation 推进燃气管道改造。']);
    const [task] = extractTasks(text, context, { model: knows(3) });
    expect(task.paragraph).toBe('推进燃气管道改造。');
    expect(task.confidence).toBeLessThan(0.5);
    expect(extractTasks(text, context, { model: knows(3), takeAt: 0.99 })).toEqual([]);
    // a chance a little over two in five (0.43) is taken at the service's threshold, and proposed as no surer than
    // that, nor than the rules are of a clause naming no owner, date or figure (0.4)
    const [unsure] = extractTasks(text, context, { model: knows(-0.3) });
    expect(unsure.confidence).toBe(0.4);
    expect(extractTasks(text, context, { model: knows(-0.5) })).toEqual([]);
    expect(extractTasks(text, context, { model: knows(-3) })).toEqual([]);
  });
});
