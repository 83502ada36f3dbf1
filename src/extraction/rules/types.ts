/**
 * The contract between the extraction rules (pure, in this folder) and the feature that serves them
 * (API, pages, directives). The shapes mirror the public API of `POST /api/extractions`.
 */
import type { IsoDate } from '../../calendar/working-calendar';

/** A registered unit and every name it may be written as: full name, short name, aliases. */
export interface UnitCandidate {
  id: number;
  names: string[];
}

export interface ExtractionContext {
  /** The document's date; relative deadlines ("6月底前", "10个工作日内") resolve against it. */
  documentDate: IsoDate;
  units: UnitCandidate[];
  /** Working-day arithmetic on the office's calendar (holidays and make-up workdays). */
  addWorkingDays(start: IsoDate, days: number): IsoDate;
}

export interface ExtractedOwner {
  /** The owner exactly as written in the text. */
  text: string;
  unitId: number | null;
}

export type ReportingCycle = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export interface ExtractedDeadline {
  text: string | null;
  date: IsoDate | null;
  cycle: ReportingCycle | null;
}

export type TargetComparator = '>=' | '<=' | '=';

export interface ExtractedTarget {
  text: string;
  metric: string;
  comparator: TargetComparator;
  value: number;
  unit: string | null;
}

export interface ExtractedTask {
  requirement: string;
  /** Character offsets into the analysed text; `paragraph === text.slice(start, end)`. */
  start: number;
  end: number;
  paragraph: string;
  leadUnits: ExtractedOwner[];
  cooperatingUnits: ExtractedOwner[];
  deadline: ExtractedDeadline;
  target: ExtractedTarget | null;
  /** 0..1 */
  confidence: number;
}

export type ExtractTasks = (text: string, context: ExtractionContext) => ExtractedTask[];
