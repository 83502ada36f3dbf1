import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Assignment } from '../../src/assignments/assignment.entity';
import { Label } from '../../src/common/dto/label';
import { chineseDate } from '../../src/notices/notice-format';
import type { NoticeDrafter } from '../../src/notices/notice-kind';
import { NoticeKinds } from '../../src/notices/notice-kinds';
import { PageClient } from '../support/browser-session';
import { as, login, PASSWORD, seedOrganisation, binary } from '../support/fixtures';
import { pdfText } from '../support/pdf-tools';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';


/** The throw-away kind's content: what its template prints. */
class UrgeContentDto {
  @IsString() @IsNotEmpty() @MaxLength(200) @Label('催办事项') task!: string;
  @IsString() @IsNotEmpty() @MaxLength(20) @Label('报送期限') replyBy!: string;
}

/** A 催办函 from a task, as a feature of its own would draft it: the notices engine knows nothing of it. */
const urgeFromTask: NoticeDrafter = async (manager, subject, { today, calendar, copies }) => {
  const task = await manager.findOneOrFail(Assignment, { where: { id: subject.id! }, relations: { directive: true, unit: true } });
  const content: UrgeContentDto = { task: task.directive!.title, replyBy: chineseDate(calendar.addWorkingDays(today, 2)) };
  return {
    notice: { title: `关于催办“${task.directive!.title}”的函`, addressee: task.unit!.name, copyTo: copies.map((c) => c.name), assignmentId: task.id, content: { ...content } },
    recipients: [{ unitId: task.unit!.id, userId: null, role: 'to', name: task.unit!.name }, ...copies],
  };
};

describe(`a notice kind registered from outside the notices engine (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let templateDir: string;
  let office: ReturnType<typeof as>;
  let taskId: number;
  let itemId: number;

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    controlClock([app], chinaTime('2026-03-09', '10:00'));
    const org = await seedOrganisation(app.dataSource);
    office = as(app, await login(app, 'office'));
    taskId = (await office.post('/api/directives').send({ title: '反诈宣传进社区', requirement: '完成宣传。', category: '综合', priority: 'normal', deadline: '2026-03-20', leadUnitId: org.police.id }).expect(201)).body.assignments[0].id;
    const inspection = (await office
      .post('/api/inspections')
      .send({ title: '2026年第一季度明查暗访', type: 'unannounced', inspectedOn: '2026-03-06', inspectors: '反诈办 张三', summary: '明查暗访。', unitIds: [org.town.id], findings: [{ unitId: org.town.id, location: '东湖营业厅', problem: '未张贴警示标识。', rule: '第十二条', requirements: ['立即张贴'], deadlineDays: 5 }] })
      .expect(201)).body as { id: number; items: { id: number }[] };
    itemId = inspection.items[0].id;

    // Its own template, in a directory of its own, using the shared notice frame (header, signature, colophon).
    templateDir = mkdtempSync(join(tmpdir(), 'dbs-notice-kind-'));
    writeFileSync(join(templateDir, 'urge-letter.hbs'), '{{#> notice-page}}\n<p>请你单位于{{replyBy}}前书面报送“{{task}}”的办理情况。</p>\n{{/notice-page}}\n');
    const kinds = app.app.get(NoticeKinds);
    kinds.register({ kind: 'urge_letter', label: '催办函', template: join(templateDir, 'urge-letter.hbs'), content: UrgeContentDto, codeSuffix: '催', subjects: ['assignment'] });
    kinds.registerDrafter('assignment', 'urge_letter', urgeFromTask);
  });
  afterAll(async () => {
    await app.close();
    rmSync(templateDir, { recursive: true, force: true });
  });

  it('drafts it from a task, previews it in its own template within the notice frame, and numbers it with its own code', async () => {
    const draft = (await office.post('/api/notices').send({ kind: 'urge_letter', assignmentId: taskId }).expect(201)).body;
    expect(draft).toMatchObject({ kind: 'urge_letter', status: 'draft', title: '关于催办“反诈宣传进社区”的函', addressee: '测试市公安局', assignmentId: taskId, content: { task: '反诈宣传进社区', replyBy: '2026年3月11日' } });
    const preview = (await office.get(`/api/notices/${draft.id}/preview`).expect(200)).text;
    expect(preview).toContain('请你单位于2026年3月11日前书面报送“反诈宣传进社区”的办理情况。');
    expect(preview).toContain('草稿，未编号');
    expect(preview).toContain('测试市反诈联席办');

    // Its content DTO is what issuing checks.
    const refused = (await office.patch(`/api/notices/${draft.id}`).send({ version: draft.version, content: { ...draft.content, replyBy: '' } }).expect(400)).body;
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', message: '催办函内容不完整：报送期限不能为空', details: [{ field: 'content.replyBy', message: '报送期限不能为空' }] });

    const issued = (await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200)).body;
    expect(issued).toMatchObject({ status: 'issued', number: '反诈办催〔2026〕1号' });
    await drain([app]);
    const pdf = await office.get(`/api/notices/${draft.id}/pdf`).buffer(true).parse(binary).expect(200);
    const text = pdfText(pdf.body as Buffer);
    for (const expected of ['反诈办催〔2026〕1号', '关于催办“反诈宣传进社区”的函', '请你单位于2026年3月11日前书面报送']) expect(text).toContain(expected);

    expect((await office.get('/api/notices?kind=urge_letter').expect(200)).body.items.map((n: { id: number }) => n.id)).toEqual([draft.id]);
    expect((await office.get('/api/notice-issuers').expect(200)).body).toContainEqual(expect.objectContaining({ kind: 'urge_letter', code: '反诈办催', isDefault: true }));
  });

  it('is offered where its subject is, and its fields are edited by their labels', async () => {
    const browser = new PageClient(app);
    await browser.signIn('office', PASSWORD);
    const task = await browser.get(`/tasks/${taskId}`);
    expect(task.text).toMatch(/name="kind" value="urge_letter">.*起草催办函/);
    const draft = (await office.post('/api/notices').send({ kind: 'urge_letter', assignmentId: taskId }).expect(201)).body;
    const page = await browser.get(`/notices/${draft.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('催办函（草稿）');
    expect(page.text).toContain('报送期限');
  });

  it('is refused from a subject it is not drafted from, as an unknown kind is', async () => {
    const notFromItem = (await office.post('/api/notices').send({ kind: 'urge_letter', rectificationId: itemId }).expect(400)).body;
    expect(notFromItem).toMatchObject({ code: 'VALIDATION_FAILED', message: '催办函须依据一项任务', details: [{ field: 'assignmentId', message: '催办函须依据一项任务' }] });
    const builtIn = (await office.post('/api/notices').send({ kind: 'interview_letter', inspectionId: 1, unitId: 1 }).expect(400)).body;
    expect(builtIn).toMatchObject({ code: 'VALIDATION_FAILED', message: '约谈通知书须依据一项任务或整改事项' });
    const unknown = (await office.post('/api/notices').send({ kind: 'warning_letter', assignmentId: taskId }).expect(400)).body;
    expect(unknown.code).toBe('VALIDATION_FAILED');
    expect(unknown.details).toEqual([{ field: 'kind', message: '通知类型应为以下值之一：supervision_notice, circular, interview_letter, rectification_notice, assessment_circular, urge_letter' }]);
    await office.get('/api/notices?kind=warning_letter').expect(400);
    await office.put('/api/notice-issuers/warning_letter').send({ version: 0, code: '反诈办警', name: '测试市反诈联席办' }).expect(404);
  });
});
