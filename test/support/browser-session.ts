import { load } from 'cheerio';
import type { TestApp } from './test-app';

/** A form as a browser would send it as it stands: its action, encoding and the fields it holds. */
export interface PageForm {
  action: string;
  multipart: boolean;
  fields: [string, string][];
}

/** A file to put in a form's file input. */
export interface FormFile {
  field: string;
  name: string;
  content: Buffer;
}

/** Reads the form a selector picks out of a page, with the values a browser would send unchanged. */
export function formOn(html: string, selector: string): PageForm {
  const $ = load(html);
  const form = $(selector).first();
  if (form.length === 0 || !form.is('form')) throw new Error(`no form ${selector} on the page`);
  const fields: [string, string][] = [];
  form.find('input, select, textarea').each((_, element) => {
    const field = $(element);
    const name = field.attr('name');
    const type = (field.attr('type') ?? '').toLowerCase();
    if (!name || field.is('[disabled]') || ['submit', 'button', 'file', 'image', 'reset'].includes(type)) return;
    if ((type === 'checkbox' || type === 'radio') && !field.is('[checked]')) return;
    if (element.tagName === 'select') {
      const selected = field.find('option[selected]').first();
      const option = selected.length ? selected : field.find('option').first();
      if (option.length) fields.push([name, option.attr('value') ?? option.text()]);
    } else if (element.tagName === 'textarea') {
      fields.push([name, field.text()]);
    } else {
      fields.push([name, field.attr('value') ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')]);
    }
  });
  return { action: form.attr('action') ?? '', multipart: form.attr('enctype') === 'multipart/form-data', fields };
}

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

  /**
   * Fills in a form of a page and submits it as a browser would: each value given replaces what the form
   * holds under that name (a list for several ticked boxes, [] for none), files go in file inputs.
   */
  async submit(html: string, selector: string, values: Record<string, string | string[]> = {}, files: FormFile[] = [], from?: string) {
    const form = formOn(html, selector);
    const fields = [...form.fields.filter(([name]) => !(name in values)), ...Object.entries(values).flatMap(([name, value]) => ([] as string[]).concat(value).map((v): [string, string] => [name, v]))];
    let req = this.app.http().post(form.action).set('Cookie', this.cookieHeader());
    // The page the form was on, as a browser says it (a fixed host, since the test server's port varies).
    if (from) req = req.set('Host', 'dbs.test').set('Referer', `http://dbs.test${from}`);
    if (form.multipart) {
      for (const [name, value] of fields) req = req.field(name, value);
      for (const file of files) req = req.attach(file.field, file.content, file.name);
    } else {
      if (files.length) throw new Error(`form ${selector} cannot carry files`);
      req = req.type('form').send(new URLSearchParams(fields).toString());
    }
    const res = await req;
    this.remember(res.headers['set-cookie']);
    return res;
  }

  /** Answers a confirmation page (印发, 作废, 销号, 挂牌…) with its confirm button. */
  confirm(page: { status: number; text: string }) {
    if (page.status !== 200 || !page.text.includes('id="confirm-form"')) throw new Error(`not a confirmation page (status ${page.status})`);
    return this.submit(page.text, '#confirm-form');
  }

  async signIn(username: string, password: string) {
    const token = await this.csrfToken('/login');
    return this.post('/login', { _csrf: token, username, password, next: '/' });
  }
}

/** One page client per account, signed in through the form the first time it is asked for. */
export function pageClients(app: TestApp, password: string): (username: string) => Promise<PageClient> {
  const clients = new Map<string, PageClient>();
  return async (username) => {
    let client = clients.get(username);
    if (!client) {
      client = new PageClient(app);
      const signedIn = await client.signIn(username, password);
      if (signedIn.status !== 303) throw new Error(`${username} could not sign in (status ${signedIn.status})`);
      clients.set(username, client);
    }
    return client;
  };
}
