import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:net';
import { loadConfig } from '../../src/config/app-config';
import { NoticeContent, NoticeFrame, NoticeKind, NoticeTemplates } from '../../src/notices/notice-templates';
import { PdfRenderer } from '../../src/notices/pdf-renderer.service';
import { CIRCULAR, FRAME, INTERVIEW, SUPERVISION } from '../support/notice-samples';
import { pdfFonts, pdfPages, pdfPageSize, pdfText } from '../support/pdf-tools';
import { isAlive, kill, OwnProcess, processTree, stillAliveAfter } from '../support/processes';

const RECTIFICATION: NoticeContent['rectification_notice'] = {
  intro: '2026年3月2日，联席办对东湖街道开展明查暗访。',
  problems: [
    { where: '东湖街道幸福社区', what: '反诈宣传栏内容未更新，仍为2024年版本。', rule: '《全市反诈宣传工作规范》第五条' },
    { where: '东湖街道便民服务中心', what: '窗口人员不掌握涉诈预警劝阻流程。', rule: '' },
  ],
  requirements: ['更新全部宣传栏内容。', '组织窗口人员专题培训并考核。'],
  deadline: '2026年3月20日',
  reportBy: '2026年3月23日',
  recheckOn: '2026年4月上旬',
  contact: '周静，0871-12345678',
};

const KINDS: [NoticeKind, Partial<NoticeFrame>, NoticeContent[NoticeKind]][] = [
  ['supervision_notice', {}, SUPERVISION],
  ['circular', { title: '关于2026年2月督办事项办理情况的通报', addressee: '各成员单位', number: '云反诈办通〔2026〕3号' }, CIRCULAR(3)],
  ['interview_letter', { title: '约谈通知书', number: '云反诈办约〔2026〕1号' }, INTERVIEW],
  ['rectification_notice', { title: '关于东湖街道反诈工作问题整改的通知书', addressee: '东湖街道办事处', number: '云反诈办整〔2026〕2号' }, RECTIFICATION],
];

describe('official notices rendered to PDF on Debian’s Chromium', () => {
  const templates = new NoticeTemplates();
  let renderer: PdfRenderer;

  /** The Chromium processes this test's renderer runs now: its browsers and their descendants. */
  async function rendererProcesses(): Promise<OwnProcess[]> {
    return (await renderer.browserPids()).flatMap(processTree);
  }

  /** Someone else's headless Chromium on the same machine: this test must neither count nor end it. */
  let bystander: ChildProcess;
  let bystanderRoot: OwnProcess;

  beforeAll(() => {
    const config = loadConfig({ PDF_TIMEOUT_SECONDS: '20' });
    renderer = new PdfRenderer(config);
    bystander = spawn(config.pdf.chromiumPath, ['--headless', '--no-sandbox', '--disable-gpu', '--remote-debugging-port=0', 'about:blank'], { stdio: 'ignore' });
    [bystanderRoot] = processTree(bystander.pid!);
  });
  afterAll(async () => {
    await renderer.onApplicationShutdown();
    kill(processTree(bystander.pid!));
  });

  it.each(KINDS)('renders a %s as an A4 PDF with its title, number, addressee and date, fonts embedded', async (kind, frame, content) => {
    const notice = { ...FRAME, ...frame };
    const pdf = await renderer.render(templates.html(kind, notice, content as never));
    expect(pdfPageSize(pdf)).toMatch(/ pts \(A4\)$/);
    const text = pdfText(pdf);
    for (const expected of [notice.title, notice.number!, `${notice.addressee}：`, notice.date, notice.issuer]) expect(text).toContain(expected.replace(/\s+/g, ''));
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.type === 'CID TrueType')).toBe(true);
  });

  it('flows a long circular onto further pages with their page numbers', async () => {
    const pdf = await renderer.render(templates.html('circular', { ...FRAME, title: '关于督办事项办理情况的通报', addressee: '各成员单位' }, CIRCULAR(60)));
    expect(pdfPages(pdf)).toBeGreaterThan(2);
    const text = pdfText(pdf);
    expect(text).toContain('—1—');
    expect(text).toContain('—2—');
    expect(text).toContain('DB-2026-0060');
  });

  it('shows hostile content as text: no script runs, nothing is fetched, no local file is read', async () => {
    let connections = 0;
    const listener: Server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as { port: number }).port;
    const hostile = `<script>document.title='x'</script><img src="file:///etc/passwd"><img src="http://127.0.0.1:${port}/"><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css">{{title}}`;
    try {
      const pdf = await renderer.render(templates.html('supervision_notice', { ...FRAME, addressee: hostile, title: `标题${hostile}` }, { ...SUPERVISION, requirement: hostile, contact: hostile }));
      const text = pdfText(pdf);
      expect(text).toContain('<script>document.title=');
      expect(text).toContain(`<imgsrc="http://127.0.0.1:${port}/">`);
      expect(text).toContain('{{title}}');
      expect(text).not.toContain('root:x:0:0');
      expect(connections).toBe(0);
    } finally {
      listener.close();
    }
  });

  it('relaunches Chromium killed in the middle of a render and still delivers the PDF', async () => {
    await renderer.render(templates.html('supervision_notice', FRAME, SUPERVISION));
    const [browserPid, ...others] = await renderer.browserPids();
    expect(others).toEqual([]);
    const killed = await rendererProcesses();
    expect(killed.map((p) => p.pid)).toContain(browserPid);
    const rendering = renderer.render(templates.html('circular', { ...FRAME, title: '长通报', addressee: '各成员单位' }, CIRCULAR(200)));
    kill(killed);
    const pdf = await rendering;
    expect(pdfText(pdf)).toContain('DB-2026-0200');
    expect(await stillAliveAfter(killed)).toEqual([]);
    // It rendered on a browser launched anew, on which the next one renders too.
    const [relaunched, ...more] = await renderer.browserPids();
    expect(more).toEqual([]);
    expect(relaunched).not.toBe(browserPid);
    expect(pdfText(await renderer.render(templates.html('supervision_notice', FRAME, SUPERVISION)))).toContain(FRAME.number!);
  });

  it('leaves none of its Chromium processes behind when it shuts down, and no other Chromium was touched', async () => {
    const running = await rendererProcesses();
    expect(running.length).toBeGreaterThan(0);
    await renderer.onApplicationShutdown();
    expect(await renderer.browserPids()).toEqual([]);
    expect(await stillAliveAfter(running)).toEqual([]);
    // The bystander's wrapper and its browser ran through the kill and the shutdown above.
    expect(isAlive(bystanderRoot)).toBe(true);
    expect(processTree(bystanderRoot.pid).length).toBeGreaterThan(1);
  });
});
