import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createViewEngine, withoutIndentation, type SharedBody } from './view-engine';

describe('createViewEngine', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbs-views-'));
  for (const folder of ['pages', 'layouts', 'partials']) mkdirSync(join(dir, folder));
  writeFileSync(join(dir, 'layouts', 'main.hbs'), '<header>{{who}}</header>{{body}}');
  writeFileSync(join(dir, 'pages', 'count.hbs'), '<p>{{items.length}} 项</p>');
  writeFileSync(join(dir, 'pages', 'other.hbs'), '<p>另一页 {{items.length}}</p>');
  const engine = createViewEngine(dir);
  const render = (page: string, model: object) =>
    new Promise<string>((resolve, reject) => engine(join(dir, 'pages', page), model, (error, html) => (error ? reject(error) : resolve(html!))));

  it('renders a shared model’s body once, and the layout for each request', async () => {
    const shared = { items: [1, 2], sharedBody: {} as SharedBody };
    expect(await render('count.hbs', { ...shared, who: '甲' })).toBe('<header>甲</header><p>2 项</p>');
    // The same model later holds more, as a cached one would not: the body first rendered is kept.
    shared.items.push(3);
    expect(await render('count.hbs', { ...shared, who: '乙' })).toBe('<header>乙</header><p>2 项</p>');
    // Another page of the same model, and a model without the token, are rendered afresh.
    expect(await render('other.hbs', { ...shared, who: '乙' })).toBe('<header>乙</header><p>另一页 3</p>');
    expect(await render('count.hbs', { items: shared.items, who: '丙' })).toBe('<header>丙</header><p>3 项</p>');
  });

  it('sends a shared body without its indentation, and a body of one request as written', async () => {
    writeFileSync(join(dir, 'pages', 'indented.hbs'), '<ul>\n  {{#each items}}\n  <li>{{this}}</li>\n  {{/each}}\n</ul>');
    expect(await render('indented.hbs', { items: [1], who: '甲', sharedBody: {} as SharedBody })).toBe('<header>甲</header><ul>\n<li>1</li>\n</ul>');
    expect(await render('indented.hbs', { items: [1], who: '甲' })).toBe('<header>甲</header><ul>\n  <li>1</li>\n</ul>');
  });

  it.each([
    ['<tr>\n    <td>甲</td>\n\t<td>乙</td>\n</tr>', '<tr>\n<td>甲</td>\n<td>乙</td>\n</tr>'],
    // The space between inline elements stays a space (a line break).
    ['<span>甲</span>\n   <span>乙</span>', '<span>甲</span>\n<span>乙</span>'],
    ['<p>a  b</p>', '<p>a  b</p>'],
    // Where spaces are content, nothing changes.
    ['<form>\n  <textarea>\n  第一行\n    缩进</textarea>\n</form>', '<form>\n  <textarea>\n  第一行\n    缩进</textarea>\n</form>'],
    ['<pre>\n  code</pre>', '<pre>\n  code</pre>'],
  ])('drops the indentation of %j', (html, compact) => {
    expect(withoutIndentation(html)).toBe(compact);
  });
});
