import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoticeFrame, NoticeTemplates } from '../../src/notices/notice-templates';
import { SEAL_MAX_BYTES } from '../../src/notices/seal-image';
import { as, login, Organisation, seedOrganisation } from '../support/fixtures';
import { JPEG, sealPng } from '../support/png';
import { chinaTime, controlClock, drain, jobsEnv } from '../support/scheduling';
import { startTestApp, TestApp } from '../support/test-app';

type Client = ReturnType<typeof as>;
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const dataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

describe(`the office's seal and the layout per kind (${process.env.TEST_DB})`, () => {
  let app: TestApp;
  let org: Organisation;
  let office: Client;
  let police: Client;
  let taskId: number;
  let sealDir: string;
  /** The frame each notice was last laid out with, as the templates received it. */
  let frames: NoticeFrame[];

  beforeAll(async () => {
    app = await startTestApp(jobsEnv());
    controlClock([app], chinaTime('2026-03-02', '10:00'));
    org = await seedOrganisation(app.dataSource);
    [office, police] = await Promise.all(['office', 'unit-police'].map(async (u) => as(app, await login(app, u))));
    taskId = (await office.post('/api/directives').send({ title: '涉诈高风险电话卡二次实人核验', requirement: '核验率达到100%。', category: '综合', priority: 'normal', deadline: '2026-03-04', leadUnitId: org.police.id }).expect(201)).body.assignments[0].id;
    controlClock([app], chinaTime('2026-03-09', '10:00'));
    sealDir = join(app.config.uploadDir, 'seals');
    const templates = app.app.get(NoticeTemplates);
    const html = templates.html.bind(templates);
    frames = [];
    jest.spyOn(templates, 'html').mockImplementation((kind, frame, content) => {
      frames.push(frame);
      return html(kind, frame, content);
    });
  });
  afterAll(() => app.close());

  /** The frame a notice's preview is laid out with (after any render, which lays it out too). */
  async function frameOf(id: number): Promise<NoticeFrame> {
    await drain([app]);
    frames = [];
    await office.get(`/api/notices/${id}/preview`).expect(200);
    expect(frames).toHaveLength(1);
    return frames[0];
  }

  async function issueSupervision(): Promise<{ id: number; sealSha256: string | null; format: string | null }> {
    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: taskId }).expect(201)).body;
    return (await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200)).body;
  }

  const upload = (client: Client, version: number, content: Buffer, name: string) => client.put('/api/notice-seal').field('version', String(version)).attach('files', content, name);

  it('refuses what is not a transparent PNG of a seal’s size, naming the file and storing nothing', async () => {
    expect((await office.get('/api/notice-seal').expect(200)).body).toEqual({ sha256: null, fileName: null, uploadedAt: null, uploadedByName: null, version: 0 });
    const sealChanges = async () => Number((await app.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action LIKE 'notice_seal.%'"))[0].n);
    const refusals: [Buffer, string, number, string][] = [
      [JPEG, '公章.png', 415, '“公章.png”不是 PNG 图片'],
      [sealPng({ colourType: 2 }), '白底公章.png', 400, '“白底公章.png”没有透明背景'],
      [sealPng({ width: 4000, height: 120 }), '长条.png', 400, '“长条.png”为 4000×120 像素'],
      [sealPng({ padding: SEAL_MAX_BYTES }), '高清公章.png', 413, '“高清公章.png”超过 2 MB'],
    ];
    for (const [content, name, status, message] of refusals) {
      const refused = await upload(office, 0, content, name).expect(status);
      expect(refused.body.message).toContain(message);
    }
    expect((await upload(office, 0, Buffer.alloc(0), 'x.png').expect(415)).body.message).toContain('不是 PNG 图片');
    expect((await office.put('/api/notice-seal').field('version', '0').expect(400)).body.message).toContain('请选择印章图像文件');
    await upload(police, 0, sealPng(), '公章.png').expect(403);
    expect(readdirSync(sealDir)).toEqual([]);
    expect((await office.get('/api/notice-seal').expect(200)).body).toMatchObject({ sha256: null, version: 0 });
    expect(await sealChanges()).toBe(0);
    await office.get('/api/notice-seal/image').expect(404);
  });

  const first = sealPng();
  const second = sealPng({ width: 300, height: 300, colourType: 4 });
  let sealed: number;

  it('stores a good seal under its SHA-256; a notice issued now records it and is laid out with it, a draft is not', async () => {
    const stored = (await upload(office, 0, first, '联席办公章.png').expect(200)).body;
    expect(stored).toEqual({ sha256: sha256(first), fileName: '联席办公章.png', uploadedAt: expect.any(String), uploadedByName: 'office', version: 1 });
    expect(readdirSync(sealDir)).toEqual([`${sha256(first)}.png`]);
    expect(readFileSync(join(sealDir, `${sha256(first)}.png`)).equals(first)).toBe(true);
    expect((await office.get('/api/notice-seal/image').expect(200)).body).toEqual(first);
    // A change made on a stale version is refused.
    await upload(office, 0, second, '新公章.png').expect(409);
    expect(readdirSync(sealDir)).toEqual([`${sha256(first)}.png`]);

    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: taskId }).expect(201)).body;
    expect(draft).toMatchObject({ sealSha256: null, format: null });
    expect(await frameOf(draft.id)).toMatchObject({ seal: null, format: 'standard', number: null });
    const issued = (await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200)).body;
    sealed = issued.id;
    expect(issued).toMatchObject({ sealSha256: sha256(first), format: 'standard' });
    expect(await frameOf(sealed)).toMatchObject({ seal: dataUri(first), format: 'standard', number: issued.number });
    await drain([app]);
    expect((await office.get(`/api/notices/${sealed}`).expect(200)).body.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await office.get('/api/audit?action=notice_seal.upload').expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('lets the office choose the letter format per kind; drafts follow it, issued notices keep theirs', async () => {
    const issuers = (await office.get('/api/notice-issuers').expect(200)).body as { kind: string; format: string; version: number; code: string; name: string }[];
    // Every registered kind, the built-in four and the features' (考核排名通报), in the standard format.
    expect(issuers.map((i) => i.kind)).toEqual(expect.arrayContaining(['supervision_notice', 'circular', 'interview_letter', 'rectification_notice', 'assessment_circular']));
    expect(new Set(issuers.map((i) => i.format))).toEqual(new Set(['standard']));
    await office.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: '反诈办督', name: '测试市反诈联席办', format: 'fancy' }).expect(400);
    expect((await office.put('/api/notice-issuers/supervision_notice').send({ version: 0, code: '反诈办督', name: '测试市反诈联席办', format: 'letter' }).expect(200)).body).toMatchObject({ format: 'letter', version: 1 });
    // Left out, the format stays as it is.
    expect((await office.put('/api/notice-issuers/supervision_notice').send({ version: 1, code: '反诈办督', name: '测试市反诈联席办' }).expect(200)).body).toMatchObject({ format: 'letter', version: 2 });
    expect((await office.get('/api/notice-issuers').expect(200)).body.find((i: { kind: string }) => i.kind === 'circular').format).toBe('standard');

    const draft = (await office.post('/api/notices').send({ kind: 'supervision_notice', assignmentId: taskId }).expect(201)).body;
    expect(await frameOf(draft.id)).toMatchObject({ format: 'letter', seal: null });
    expect(await frameOf(sealed)).toMatchObject({ format: 'standard', seal: dataUri(first) });
    const issued = (await office.post(`/api/notices/${draft.id}/issue`).send({ version: draft.version }).expect(200)).body;
    expect(issued).toMatchObject({ format: 'letter', sealSha256: sha256(first) });
  });

  it('replaces and removes the seal for later notices only, keeping every file an issued notice names', async () => {
    expect((await upload(office, 1, second, '新公章.png').expect(200)).body).toMatchObject({ sha256: sha256(second), version: 2 });
    const withSecond = await issueSupervision();
    expect(withSecond.sealSha256).toBe(sha256(second));
    expect(await frameOf(withSecond.id)).toMatchObject({ seal: dataUri(second) });
    expect(await frameOf(sealed)).toMatchObject({ seal: dataUri(first) });

    await office.delete('/api/notice-seal?version=1').expect(409);
    expect((await office.delete('/api/notice-seal?version=2').expect(200)).body).toEqual({ sha256: null, fileName: null, uploadedAt: null, uploadedByName: null, version: 3 });
    await office.delete('/api/notice-seal?version=3').expect(409);
    const unsealed = await issueSupervision();
    expect(unsealed).toMatchObject({ sealSha256: null, format: 'letter' });
    expect(await frameOf(unsealed.id)).toMatchObject({ seal: null, format: 'letter' });
    expect(await frameOf(withSecond.id)).toMatchObject({ seal: dataUri(second) });
    expect(readdirSync(sealDir).sort()).toEqual([`${sha256(first)}.png`, `${sha256(second)}.png`].sort());
    await drain([app]);
    const rendered = await app.dataSource.query(`SELECT COUNT(*) AS n FROM notices WHERE status = 'issued' AND pdf_sha256 IS NULL`);
    expect(Number(rendered[0].n)).toBe(0);
  });
});
