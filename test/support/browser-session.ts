import type { TestApp } from './test-app';

/** A cookie-keeping client for the server-rendered pages, as a browser would use them. */
export class PageClient {
  private cookies = new Map<string, string>();

  constructor(private readonly app: TestApp) {}

  private remember(setCookie: string[] | string | undefined): void {
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (/Expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string) {
    const res = await this.app.http().get(path).set('Cookie', this.cookieHeader());
    this.remember(res.headers['set-cookie']);
    return res;
  }

  /** The CSRF token of the form on a page. */
  async csrfToken(path: string): Promise<string> {
    const page = await this.get(path);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!match) throw new Error(`no CSRF token on ${path} (status ${page.status})`);
    return match[1];
  }

  async post(path: string, form: Record<string, string>) {
    const res = await this.app.http().post(path).set('Cookie', this.cookieHeader()).type('form').send(form);
    this.remember(res.headers['set-cookie']);
    return res;
  }

  async signIn(username: string, password: string) {
    const token = await this.csrfToken('/login');
    return this.post('/login', { _csrf: token, username, password, next: '/' });
  }
}
