import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Injectable, OnApplicationBootstrap, Optional } from '@nestjs/common';
import Handlebars from 'handlebars';
import { TEMPLATES_DIR } from '../paths';
import type { CircularContentDto } from './kinds/circular';
import type { InterviewContentDto } from './kinds/interview-letter';
import type { RectificationContentDto } from './kinds/rectification-notice';
import type { SupervisionContentDto } from './kinds/supervision-notice';
import type { NoticeKindDefinition } from './notice-kind';
import { NoticeKinds } from './notice-kinds';
import { characters, chineseOrdinal, titlePieces } from './notice-format';

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

/** The content of each built-in kind, as its content DTO declares it. */
export interface NoticeContent {
  supervision_notice: SupervisionContentDto;
  circular: CircularContentDto;
  interview_letter: InterviewContentDto;
  rectification_notice: RectificationContentDto;
}
export type NoticeKind = keyof NoticeContent;

/** What the 作废 stamp on a voided notice's pages says. */
export interface VoidStampText {
  reason: string;
  /** `2026年3月9日` */
  date: string;
}

const DIR = join(TEMPLATES_DIR, 'notices');

/**
 * The notice templates: each kind's (templates/notices/ for the built-in ones), with the partials and
 * helpers under `templates/notices/` they share, compiled with `strict: true` (a missing field is an
 * error, not a blank) and `{{…}}` only, so whatever people typed is escaped.
 */
@Injectable()
export class NoticeTemplates implements OnApplicationBootstrap {
  private readonly handlebars = Handlebars.create();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();
  private readonly voidStampPage: Handlebars.TemplateDelegate;

  /** Without the application (a layout test), the built-in kinds. */
  constructor(@Optional() private readonly kinds: NoticeKinds = new NoticeKinds()) {
    this.handlebars.registerHelper('seq', (index: number) => index + 1);
    this.handlebars.registerHelper('cn', (index: number) => chineseOrdinal(index + 1));
    // A sentence the document prints on its own ends with a full stop, whether or not it was typed.
    // A date in a narrow column: the year on one line, the day on the next, never split elsewhere.
    this.handlebars.registerHelper('dateInColumn', (text: string) => {
      const escape = Handlebars.Utils.escapeExpression;
      const year = /^(\d{4}年)(.+)$/.exec(text);
      return new Handlebars.SafeString(year ? `${escape(year[1])}<br>${escape(year[2])}` : escape(text));
    });
    // A title turns only between whole words: the browser may break it at the <wbr> marks alone.
    this.handlebars.registerHelper('wholeWords', (text: string) => new Handlebars.SafeString(titlePieces(text).map((piece) => Handlebars.Utils.escapeExpression(piece)).join('<wbr>')));
    this.handlebars.registerHelper('sentence', (text: string) => (/[。！？；：.!?]$/.test(text.trim()) ? text : `${text}。`));
    for (const file of readdirSync(join(DIR, 'partials'))) {
      this.handlebars.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(DIR, 'partials', file), 'utf8'));
    }
    this.voidStampPage = this.handlebars.compile(readFileSync(join(DIR, 'void-stamp.hbs'), 'utf8'), { strict: true });
  }

  /** Every registered kind's template is read once all are registered: a missing one refuses the start. */
  onApplicationBootstrap(): void {
    for (const definition of this.kinds.all()) this.template(definition);
  }

  html(kind: string, frame: NoticeFrame, content: object): string {
    const definition = this.kinds.get(kind);
    return this.template(definition)({ ...frame, ...content, ...signatureLayout(frame), issuerFontSize: issuerFontSize(frame.issuer), letter: frame.format === 'letter', ...definition.templateData?.(content) });
  }

  /** A transparent A4 page with the red 作废 mark and the reason, laid over every page of a voided notice. */
  voidStamp(stamp: VoidStampText): string {
    return this.voidStampPage(stamp);
  }

  private template(definition: NoticeKindDefinition): Handlebars.TemplateDelegate {
    let template = this.compiled.get(definition.kind);
    if (!template) {
      template = this.handlebars.compile(readFileSync(resolve(DIR, definition.template), 'utf8'), { strict: true });
      this.compiled.set(definition.kind, template);
    }
    return template;
  }
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

/** The red header on one line: as large as 36 pt, smaller for a long issuer name (type area 156 mm ≈ 442 pt). */
function issuerFontSize(issuer: string): number {
  return Math.min(36, Math.floor(440 / Math.max(issuer.length, 1)));
}
