import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/ensure-pdf-renderer.sh, run for real: as an unprivileged user (nobody, when the suite runs as
 * root) it must stop on one line with the command to run; with everything there it says nothing. What
 * is missing is simulated without uninstalling anything: fonts through fontconfig's own FONTCONFIG_FILE
 * (a configuration without font folders), the headless shell by hiding it in a private mount namespace.
 * It needs no database: it runs once, with the SQLite suite.
 */
describe('the PDF renderer set-up script', () => {
  const SCRIPT = readFileSync(join(__dirname, '../../scripts/ensure-pdf-renderer.sh'));
  const root = process.getuid?.() === 0;
  const NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  const FONTS = 'fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei';
  const install = (packages: string) => `apt-get update && apt-get install -y --no-install-recommends ${packages}`;
  let dir: string;
  let noFonts: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ensure-pdf-'));
    chmodSync(dir, 0o755);
    noFonts = join(dir, 'fonts.conf');
    writeFileSync(noFonts, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${dir}/cache</cachedir></fontconfig>\n`, { mode: 0o644 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The script read from stdin (so that nobody need not read the checkout), in a neutral folder. */
  function run(options: { env?: Record<string, string>; args?: string[]; as?: 'nobody' | 'me'; wrap?: string[] } = {}) {
    const { CHROMIUM_PATH: _c, FONTCONFIG_FILE: _f, ...inherited } = process.env;
    const user = options.as !== 'me' && root ? NOBODY : [];
    const [command, ...args] = [...(options.wrap ?? []), ...user, 'bash', '-s', '--', ...(options.args ?? [])];
    const result = spawnSync(command, args, { input: SCRIPT, cwd: dir, env: { ...inherited, ...options.env }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, lines: result.stderr.split('\n').filter((line) => line !== '') };
  }

  it('says nothing and succeeds when the headless shell and the fonts are there, for root and for anybody', () => {
    expect(run()).toEqual({ status: 0, stdout: '', lines: [] });
    expect(run({ as: 'me' })).toEqual({ status: 0, stdout: '', lines: [] });
    expect(run({ args: ['--missing'] })).toEqual({ status: 0, stdout: '\n', lines: [] });
    expect(run({ env: { CHROMIUM_PATH: '/bin/true' } })).toEqual({ status: 0, stdout: '', lines: [] });
  });

  it('without the fonts and without root: one line with the exact command, exit 1', () => {
    expect(run({ env: { FONTCONFIG_FILE: noFonts } })).toEqual({ status: 1, stdout: '', lines: [`PDF 公文需要 Debian 软件包 ${FONTS}，请以 root 运行：${install(FONTS)}`] });
  });

  it('at npm install (--warn) only says it and lets the install go on; for ensure-system (--missing) lists the packages', () => {
    expect(run({ env: { FONTCONFIG_FILE: noFonts }, args: ['--warn'] })).toEqual({ status: 0, stdout: '', lines: [`PDF 公文需要 Debian 软件包 ${FONTS}，请以 root 运行：${install(FONTS)}`] });
    expect(run({ env: { FONTCONFIG_FILE: noFonts }, args: ['--missing'] })).toEqual({ status: 0, stdout: `${FONTS}\n`, lines: [] });
  });

  it('with a CHROMIUM_PATH that does not run: one line saying so, exit 1, even as root (no package puts a browser there)', () => {
    const nowhere = join(dir, 'nonexistent', 'chromium');
    const expected = { status: 1, stdout: '', lines: [`CHROMIUM_PATH=${nowhere} 不是可执行文件：请改为 Chromium 的路径，或去掉 CHROMIUM_PATH 以使用 Debian 的 chromium-headless-shell`] };
    expect(run({ env: { CHROMIUM_PATH: nowhere } })).toEqual(expected);
    expect(run({ env: { CHROMIUM_PATH: nowhere }, as: 'me' })).toEqual(expected);
  });

  // Hiding Debian's headless shell takes root and a private mount namespace, which some containers refuse.
  const canHide = root && spawnSync('unshare', ['--mount', 'true']).status === 0;
  (canHide ? it : it.skip)('without the headless shell and without root: the command installs chromium-headless-shell', () => {
    const hidden = ['unshare', '--mount', 'sh', '-c', 'mount --bind /dev/null /usr/bin/chromium-headless-shell && exec "$@"', 'hide'];
    expect(run({ wrap: hidden })).toEqual({ status: 1, stdout: '', lines: [`PDF 公文需要 Debian 软件包 chromium-headless-shell，请以 root 运行：${install('chromium-headless-shell')}`] });
    const both = `chromium-headless-shell ${FONTS}`;
    expect(run({ wrap: hidden, env: { FONTCONFIG_FILE: noFonts } }).lines).toEqual([`PDF 公文需要 Debian 软件包 ${both}，请以 root 运行：${install(both)}`]);
  });

  it('runs before every npm start (which stops on it) and after npm install (which it never fails)', () => {
    const { scripts } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.prestart).toMatch(/^bash scripts\/ensure-pdf-renderer\.sh && /);
    expect(scripts.postinstall).toBe('bash scripts/ensure-pdf-renderer.sh --warn');
  });
});
