import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { ACTION_LABELS, AssignmentStatus, isOpen, STATUS_LABELS } from '../assignments/assignment-state';
import { ASSIGNMENT_ROLE_LABELS } from '../assignments/assignment.entity';
import { EXTENSION_STATUS_LABELS } from '../assignments/extension-request.entity';
import { REPORT_STATUS_LABELS } from '../assignments/progress-report.entity';
import { COMPARATOR_SIGNS, CYCLE_LABELS, PRIORITY_LABELS } from '../directives/directive.entity';
import { ReportCycle, reportDueText } from '../reminders/chase-terms';
import { DOCUMENT_KIND_LABELS } from '../documents/source-document.entity';
import { NOTICE_STATUS_LABELS } from '../notices/notice.entity';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS, NOTIFICATION_KIND_LABELS } from '../notifications/notification.entity';
import { ESCALATION_STATUS_LABELS } from '../reminders/escalation.entity';
import { ACTION_LABELS as SCHEDULED_ACTION_LABELS, RUNG_MODE_LABELS } from '../reminders/escalation-ladder';
import { ACTION_STATUS_LABELS } from '../reminders/scheduled-action.entity';
import { INSPECTION_TYPE_LABELS } from '../inspections/inspection.entity';
import { Card, CARD_LABELS, LISTING_ORIGIN_LABELS, LISTING_STATUS_LABELS } from '../listings/listing-rules';
import { RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS } from '../rectifications/rectification-state';

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** Chinese names of the codes pages show, for `{{labelOf "status" status}}`. */
const LABELS: Record<string, Record<string, string>> = {
  status: STATUS_LABELS,
  action: ACTION_LABELS,
  priority: PRIORITY_LABELS,
  cycle: CYCLE_LABELS,
  comparator: COMPARATOR_SIGNS,
  role: ASSIGNMENT_ROLE_LABELS,
  report: REPORT_STATUS_LABELS,
  extension: EXTENSION_STATUS_LABELS,
  documentKind: DOCUMENT_KIND_LABELS,
  scheduled: SCHEDULED_ACTION_LABELS,
  scheduledStatus: ACTION_STATUS_LABELS,
  rungMode: RUNG_MODE_LABELS,
  escalation: ESCALATION_STATUS_LABELS,
  notification: NOTIFICATION_KIND_LABELS,
  channel: CHANNEL_LABELS,
  delivery: DELIVERY_STATUS_LABELS,
  notice: NOTICE_STATUS_LABELS,
  inspectionType: INSPECTION_TYPE_LABELS,
  rectification: RECTIFICATION_STATUS_LABELS,
  rectificationStep: { ...RECTIFICATION_ACTION_LABELS, create: '录入问题', update: '修改' },
  card: CARD_LABELS,
  listing: LISTING_STATUS_LABELS,
  listingOrigin: LISTING_ORIGIN_LABELS,
  listingStep: { propose: '提请挂牌', approve: '批准挂牌', dismiss: '不予挂牌', list: '挂牌', lower: '降为黄牌', supersede: '升为红牌', delist: '摘牌' },
  event: { ...ACTION_LABELS, create: '下达', report_accepted: '报告被采纳', report_returned: '报告被退回', extension_granted: '同意延期', extension_refused: '不同意延期' },
};

type RenderCallback = (error: Error | null, html?: string) => void;

/**
 * Put in a page model (as `sharedBody`) that a cache hands to many requests, when the page's body uses
 * nothing of the request (no CSRF token, no signed-in person, no current cards): the body is rendered
 * once per model and only the layout, which carries those, per request.
 */
export type SharedBody = Record<string, never>;

/**
 * HTML without the spaces that begin its lines: a line break stays, so text and inline elements keep
 * the space between them. Left whole when it holds <pre> or <textarea>, where the spaces are content.
 */
export function withoutIndentation(html: string): string {
  return /<(?:pre|textarea)\b/i.test(html) ? html : html.replace(/\n[ \t]+/g, '\n');
}

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
  handlebars.registerHelper('labelOf', (dictionary: string, value: string) => {
    const labels = LABELS[dictionary];
    if (!labels) throw new Error(`No labels named ${dictionary}`);
    return labels[value] ?? value;
  });
  // A unit's current yellow or red card, from the page context; nothing when it carries none.
  handlebars.registerHelper('unitCard', (unitId: number, options: Handlebars.HelperOptions) => {
    const card = (options.data?.root?.cards as Record<string, Card> | undefined)?.[unitId];
    return card ? new handlebars.SafeString(`<span class="card-badge card-${card}" title="挂牌整治中">${CARD_LABELS[card]}</span>`) : '';
  });
  handlebars.registerHelper('abs', (value: number) => Math.abs(value));
  handlebars.registerHelper('reportDue', (cycle: ReportCycle, day: number) => reportDueText(cycle, day));
  // Each form rendered gets its own one-time id, so sending it twice is noticed (SubmitOnceInterceptor).
  handlebars.registerHelper('submissionId', () => randomUUID());
  // `#if` hides 0, which is a real value for a metric or a target.
  handlebars.registerHelper('isSet', (value: unknown) => value !== null && value !== undefined && value !== '');
  // An open task with a deadline whose working days cannot be counted: its year is not in the calendar.
  handlebars.registerHelper('isUncounted', (status: AssignmentStatus, deadline: string | null) => deadline !== null && isOpen(status));
  // Messages about fields ask for a correction; others (someone else changed it first) only inform.
  handlebars.registerHelper('someField', (errors: { field: string }[]) => errors.some((e) => e.field !== ''));
  // Where on the page a message's field stands, when it has a place of its own: a proposal's card (`p3.title`).
  handlebars.registerHelper('errorAnchor', (field: string) => {
    const proposal = /^p(\d+)\./.exec(field)?.[1];
    return proposal ? `proposal-${proposal}` : null;
  });
  // The messages about the fields of one part of a form (`p3.` of the third proposal), shown beside it.
  handlebars.registerHelper('errorsUnder', (errors: { field: string; message: string }[], prefix: string) => errors.filter((e) => e.field.startsWith(prefix)).map((e) => e.message));
  // Photos show as thumbnails beside their names.
  handlebars.registerHelper('isImage', (mediaType: string) => mediaType.startsWith('image/'));
  handlebars.registerHelper('includes', (list: unknown[], value: unknown) => Array.isArray(list) && list.includes(value));

  const cache = new Map<string, HandlebarsTemplateDelegate>();
  const template = (file: string) => {
    let compiled = cache.get(file);
    if (!compiled) {
      compiled = compile(file);
      cache.set(file, compiled);
    }
    return compiled;
  };

  // Bodies rendered from a model that is the same for everyone who sees it (see `SharedBody`), without
  // the templates' indentation: such a body is sent to many, and every byte is copied for each of them.
  const sharedBodies = new WeakMap<object, { file: string; body: string }>();
  const renderBody = (file: string, data: { sharedBody?: SharedBody }) => {
    const shared = data.sharedBody ? sharedBodies.get(data.sharedBody) : undefined;
    if (shared?.file === file) return shared.body;
    const body = template(file)(data);
    if (!data.sharedBody) return body;
    const compact = withoutIndentation(body);
    sharedBodies.set(data.sharedBody, { file, body: compact });
    return compact;
  };

  return (file, options, callback) => {
    try {
      const data = options as { layout?: string; sharedBody?: SharedBody };
      const body = renderBody(file, data);
      const layout = join(templatesDir, 'layouts', `${data.layout ?? 'main'}.hbs`);
      callback(null, template(layout)({ ...data, body: new handlebars.SafeString(body) }));
    } catch (error) {
      callback(error as Error);
    }
  };
}
