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

export interface OverdueItem {
  unitName: string;
  directiveCode: string;
  directiveTitle: string;
  deadline: string;
  overdueDays: number;
  progress: string;
}

export interface NoticeContent {
  supervision_notice: { directiveTitle: string; directiveCode: string; requirement: string; deadline: string; asOf: string; overdueDays: number; progress: string; replyBy: string; contact: string };
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
    for (const file of readdirSync(join(DIR, 'partials'))) {
      this.handlebars.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(DIR, 'partials', file), 'utf8'));
    }
    this.compiled = Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, this.handlebars.compile(readFileSync(join(DIR, `${FILES[kind]}.hbs`), 'utf8'), { strict: true })])) as Record<NoticeKind, Handlebars.TemplateDelegate>;
    this.voidStampPage = this.handlebars.compile(readFileSync(join(DIR, 'void-stamp.hbs'), 'utf8'), { strict: true });
  }

  html<K extends NoticeKind>(kind: K, frame: NoticeFrame, content: NoticeContent[K]): string {
    return this.compiled[kind]({ ...frame, issuerFontSize: issuerFontSize(frame.issuer), ...content });
  }

  /** A transparent A4 page with the red 作废 mark and the reason, laid over every page of a voided notice. */
  voidStamp(stamp: VoidStampText): string {
    const length = stamp.reason.length > 250 ? 'longest' : stamp.reason.length > 60 ? 'long' : 'short';
    return this.voidStampPage({ ...stamp, length });
  }
}

/** The red header on one line: as large as 36 pt, smaller for a long issuer name (type area 156 mm ≈ 442 pt). */
function issuerFontSize(issuer: string): number {
  return Math.min(36, Math.floor(440 / Math.max(issuer.length, 1)));
}
