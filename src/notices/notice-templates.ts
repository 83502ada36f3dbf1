import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths';
import { chineseOrdinal } from './notice-format';

export const NOTICE_KINDS = ['supervision_notice', 'circular', 'interview_letter', 'rectification_notice'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { supervision_notice: '督办通知书', circular: '通报', interview_letter: '约谈通知书', rectification_notice: '整改通知书' };

/** The layouts of GB/T 9704: the standard one, or the letter format (信函格式, §10.1); chosen per kind by the office. */
export const NOTICE_FORMATS = ['standard', 'letter'] as const;
export type NoticeFormat = (typeof NOTICE_FORMATS)[number];
export const NOTICE_FORMAT_LABELS: Record<NoticeFormat, string> = { standard: '公文格式', letter: '信函格式' };

/** What every notice shows: the red header, the number, the title, the addressee, the signature and the distribution record. */
export interface NoticeFrame {
  issuer: string;
  /** null while a draft: drafts have no number. */
  number: string | null;
  title: string;
  addressee: string;
  /** `2026年3月9日` */
  date: string;
  copyTo: string[];
  printedBy: string;
  printedOn: string;
  /** The layout: the kind's current one for a draft, the one in force at issue once issued. */
  format: NoticeFormat;
  /** The office's seal as `data:image/png;base64,…`: the one in force at issue; null for drafts and unsealed notices. */
  seal: string | null;
}

export const SUPERVISION_SUBJECTS = ['task', 'rectification'] as const;
export type SupervisionSubject = (typeof SUPERVISION_SUBJECTS)[number];

export interface OverdueItem {
  unitName: string;
  directiveCode: string;
  directiveTitle: string;
  deadline: string;
  overdueDays: number;
  progress: string;
}

export interface NoticeContent {
  /** `subject`: a task (`role` says how the unit takes part: 牵头承办, 配合办理) or a rectification item. */
  supervision_notice: { subject: SupervisionSubject; role: string; directiveTitle: string; directiveCode: string; requirement: string; deadline: string; asOf: string; overdueDays: number; progress: string; replyBy: string; contact: string };
  circular: { summary: string; asOf: string; lagging: OverdueItem[]; requirements: string[] };
  interview_letter: { reason: string; time: string; place: string; summoned: string; attendees: string; bring: string[]; contact: string };
  rectification_notice: { intro: string; problems: { where: string; what: string; rule: string }[]; requirements: string[]; deadline: string; reportBy: string; recheckOn: string; contact: string };
}

/** What the 作废 stamp on a voided notice's pages says. */
export interface VoidStampText {
  reason: string;
  /** `2026年3月9日` */
  date: string;
}

const FILES: Record<NoticeKind, string> = { supervision_notice: 'supervision-notice', circular: 'circular', interview_letter: 'interview-letter', rectification_notice: 'rectification-notice' };
const DIR = join(TEMPLATES_DIR, 'notices');

/**
 * The notice templates under `templates/notices/`, compiled once with `strict: true` (a missing field
 * is an error, not a blank) and `{{…}}` only, so whatever people typed is escaped.
 */
@Injectable()
export class NoticeTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly compiled: Record<NoticeKind, Handlebars.TemplateDelegate>;
  private readonly voidStampPage: Handlebars.TemplateDelegate;

  constructor() {
    this.handlebars.registerHelper('seq', (index: number) => index + 1);
    this.handlebars.registerHelper('cn', (index: number) => chineseOrdinal(index + 1));
    // A sentence the document prints on its own ends with a full stop, whether or not it was typed.
    // A date in a narrow column: the year on one line, the day on the next, never split elsewhere.
    this.handlebars.registerHelper('dateInColumn', (text: string) => {
      const escape = Handlebars.Utils.escapeExpression;
      const year = /^(\d{4}年)(.+)$/.exec(text);
      return new Handlebars.SafeString(year ? `${escape(year[1])}<br>${escape(year[2])}` : escape(text));
    });
    this.handlebars.registerHelper('sentence', (text: string) => (/[。！？；：.!?]$/.test(text.trim()) ? text : `${text}。`));
    for (const file of readdirSync(join(DIR, 'partials'))) {
      this.handlebars.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(DIR, 'partials', file), 'utf8'));
    }
    this.compiled = Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, this.handlebars.compile(readFileSync(join(DIR, `${FILES[kind]}.hbs`), 'utf8'), { strict: true })])) as Record<NoticeKind, Handlebars.TemplateDelegate>;
    this.voidStampPage = this.handlebars.compile(readFileSync(join(DIR, 'void-stamp.hbs'), 'utf8'), { strict: true });
  }

  html<K extends NoticeKind>(kind: K, frame: NoticeFrame, content: NoticeContent[K]): string {
    return this.compiled[kind]({ ...frame, ...content, ...signatureLayout(frame), issuerFontSize: issuerFontSize(frame.issuer), letter: frame.format === 'letter', rectification: kind === 'supervision_notice' && (content as NoticeContent['supervision_notice']).subject === 'rectification', ...(kind === 'circular' ? circularColumns(content as NoticeContent['circular']) : {}) });
  }

  /** A transparent A4 page with the red 作废 mark and the reason, laid over every page of a voided notice. */
  voidStamp(stamp: VoidStampText): string {
    return this.voidStampPage(stamp);
  }
}

/** A text's width in body characters: CJK characters take one, digits and Latin letters half of one. */
function characters(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

/**
 * §7.3.5.1 with a seal: the date four characters in from the right, the issuer centred over the date,
 * the seal centred on them. An issuer too long to be centred there keeps to the type area's right edge.
 * In body characters from the right edge.
 */
function signatureLayout(frame: NoticeFrame): { signerRight: number; sealCenter: number } {
  const sealCenter = 4 + characters(frame.date) / 2;
  return { sealCenter, signerRight: Math.max(0, sealCenter - characters(frame.issuer) / 2) };
}

/** The circular's table, in em of its 12 pt type: 156 mm holds 36.8. */
const TABLE_WIDTH = 36.8;
/** 序号, 办理时限 (2026年 / 11月27日) and 逾期 / 工作日, each on up to two lines, as set in `circular.hbs`. */
const FIXED_COLUMNS = 2.8 + 4.6 + 4;
/** The item's column never gets less than this: its code and title are what the table is about. */
const ITEM_COLUMN = 12;

/** A column wide enough for its longest text on one line, or on two when that is long; plus the cell's padding. */
const columnFor = (texts: string[], oneLine: number) => {
  const longest = Math.ceil(Math.max(2, ...texts.map(characters)));
  return (longest <= oneLine ? longest : Math.ceil(longest / 2)) + 1;
};

/** The unit and progress columns sized to their content (names on one or two lines), the rest to the item. */
function circularColumns(content: NoticeContent['circular']): { unitColumn: number; progressColumn: number } {
  const progressColumn = columnFor(content.lagging.map((item) => item.progress), 4);
  const unitColumn = Math.min(columnFor(content.lagging.map((item) => item.unitName), 7), TABLE_WIDTH - FIXED_COLUMNS - progressColumn - ITEM_COLUMN);
  return { unitColumn, progressColumn };
}

/** The red header on one line: as large as 36 pt, smaller for a long issuer name (type area 156 mm ≈ 442 pt). */
function issuerFontSize(issuer: string): number {
  return Math.min(36, Math.floor(440 / Math.max(issuer.length, 1)));
}
