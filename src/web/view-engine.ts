import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

type RenderCallback = (error: Error | null, html?: string) => void;

/**
 * Express view engine over Handlebars: pages under templates/pages, wrapped in a layout from
 * templates/layouts, with templates/partials registered. Compiled in strict mode, so a missing
 * field is an error rather than a silent blank; `{{ }}` escapes all user text.
 */
export function createViewEngine(templatesDir: string): (file: string, options: object, callback: RenderCallback) => void {
  const handlebars = Handlebars.create();
  const compile = (file: string) => handlebars.compile(readFileSync(file, 'utf8'), { strict: true });
  for (const file of readdirSync(join(templatesDir, 'partials'))) {
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(templatesDir, 'partials', file), 'utf8'));
  }
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('datetime', (value: Date | string | null) => (value ? SHANGHAI.format(new Date(value)).replace(/\//g, '-') : '—'));
  handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));

  const cache = new Map<string, HandlebarsTemplateDelegate>();
  const template = (file: string) => {
    let compiled = cache.get(file);
    if (!compiled) {
      compiled = compile(file);
      cache.set(file, compiled);
    }
    return compiled;
  };

  return (file, options, callback) => {
    try {
      const data = options as { layout?: string };
      const body = template(file)(data);
      const layout = join(templatesDir, 'layouts', `${data.layout ?? 'main'}.hbs`);
      callback(null, template(layout)({ ...data, body: new handlebars.SafeString(body) }));
    } catch (error) {
      callback(error as Error);
    }
  };
}
