import { ChaseSubjects1764900000000 } from '../../migrations/1764900000000-chase-subjects';
import { as, login, seedOrganisation } from '../support/fixtures';
import { chinaTime, controlClock } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Row = Record<string, unknown>;

describe(`schedule and rungs keyed by the work they chase, carried over by the migration (${process.env.TEST_DB})`, () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    controlClock([app], chinaTime('2026-03-02'));
  });
  afterAll(() => app.close());

  it('moves every row from its foreign key to (subject_kind, subject_id) and back, keeping the unique keys', async () => {
    const org = await seedOrganisation(app.dataSource);
    const office = as(app, await login(app, 'office'));
    const directive = await office
      .post('/api/directives')
      .send({ title: '涉诈高风险账户清理', requirement: '完成辖区涉诈高风险账户排查清理。', category: '资金查控', priority: 'normal', deadline: '2026-03-20', leadUnitId: org.police.id, cooperatingUnitIds: [] })
      .expect(201);
    const task = directive.body.assignments[0].id as number;
    const inspection = await office
      .post('/api/inspections')
      .send({
        title: '明查暗访',
        type: 'unannounced',
        inspectedOn: '2026-02-27',
        inspectors: '反诈办 张三',
        summary: '对辖区网点进行明查暗访。',
        unitIds: [org.town.id],
        findings: [{ unitId: org.town.id, location: '东湖营业厅', problem: '未张贴防诈骗警示标识。', rule: '第十二条', requirements: ['立即张贴警示标识'], deadlineDays: 10 }],
      })
      .expect(201);
    const item = (await office.post(`/api/inspections/${inspection.body.id}/issue`).send({ notices: 'none' }).expect(200)).body.items[0].id as number;
    // A rung for each kind, as the ladder would have left them.
    for (const [kind, id] of [
      ['assignment', task],
      ['rectification', item],
    ] as const) {
      await app.dataSource.query("INSERT INTO escalations (subject_kind, subject_id, rung, period_key, status, summary, created_at) VALUES (?, ?, 'circular', '2026-03-20', 'pending', '通报', '2026-03-27 01:00:00')", [kind, id]);
    }
    const subjects = async (table: string) => (await app.dataSource.query(`SELECT id, subject_kind, subject_id FROM ${table} ORDER BY id`)) as Row[];
    const before = { actions: await subjects('scheduled_actions'), rungs: await subjects('escalations') };
    expect(new Set(before.actions.map((r) => r.subject_kind))).toEqual(new Set(['assignment', 'rectification']));
    expect(before.rungs).toHaveLength(2);

    const migration = new ChaseSubjects1764900000000();
    const runner = app.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const old = async (table: string) => (await runner.query(`SELECT id, assignment_id, rectification_id FROM ${table} ORDER BY id`)) as Row[];
      const asOld = (rows: Row[]) => rows.map((r) => ({ id: r.id, assignment_id: r.subject_kind === 'assignment' ? r.subject_id : null, rectification_id: r.subject_kind === 'rectification' ? r.subject_id : null }));
      expect(await old('scheduled_actions')).toEqual(asOld(before.actions));
      expect(await old('escalations')).toEqual(asOld(before.rungs));

      await migration.up(runner);
      expect(await subjects('scheduled_actions')).toEqual(before.actions);
      expect(await subjects('escalations')).toEqual(before.rungs);
      // The unique keys are back, now on the subject.
      for (const [table, step] of [
        ['scheduled_actions', 'kind'],
        ['escalations', 'rung'],
      ]) {
        const unique = (await runner.getTable(table))!.indices.filter((index) => index.isUnique);
        expect(unique.map((index) => [index.name, index.columnNames])).toEqual([[`UQ_${table}_key`, ['subject_kind', 'subject_id', step, 'period_key']]]);
      }
    } finally {
      await runner.release();
    }
    // The application reads the carried-over rows as before.
    const listed = (await office.get(`/api/escalations?rectificationId=${item}`).expect(200)).body.items as { rectificationId: number; assignmentId: number | null; directiveCode: string }[];
    expect(listed).toEqual([expect.objectContaining({ rectificationId: item, assignmentId: null, directiveCode: `整改-${item}` })]);
  });
});
