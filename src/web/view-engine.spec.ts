import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createViewEngine, type SharedBody } from './view-engine';

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
});
