// placeholder: replaced by the rules branch at merge
import type { ExtractedOwner, ExtractedTask, ExtractionContext, ExtractTasks } from './types';

/**
 * A deliberately minimal stand-in for the real rules: one sentence ending in "。", owners in a closing
 * parenthesis "（A牵头，B、C配合）", deadlines "N月底前" and "YYYY年M月D日前". Nothing else is recognised.
 */
const SENTENCE = /[^。\n]+。/g;
const OWNERS = /（([^（）]+?)牵头(?:，([^（）]+?)配合)?）。$/;
const MONTH_END = /(\d{1,2})月底前/;
const FULL_DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日前/;

const pad = (n: number) => String(n).padStart(2, '0');

function deadlineOf(sentence: string, documentDate: string): ExtractedTask['deadline'] {
  const full = FULL_DATE.exec(sentence);
  if (full) return { text: full[0], date: `${full[1]}-${pad(Number(full[2]))}-${pad(Number(full[3]))}`, cycle: null };
  const monthEnd = MONTH_END.exec(sentence);
  if (monthEnd) {
    const year = Number(documentDate.slice(0, 4));
    const month = Number(monthEnd[1]);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { text: monthEnd[0], date: `${year}-${pad(month)}-${pad(last)}`, cycle: null };
  }
  return { text: null, date: null, cycle: null };
}

function owners(written: string | undefined, context: ExtractionContext): ExtractedOwner[] {
  if (!written) return [];
  return written.split('、').map((text) => ({ text, unitId: context.units.find((u) => u.names.includes(text))?.id ?? null }));
}

export const extractTasks: ExtractTasks = (text, context) => {
  const tasks: ExtractedTask[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    const leading = match[0].length - match[0].trimStart().length;
    const paragraph = match[0].slice(leading);
    const found = OWNERS.exec(paragraph);
    if (!found) continue;
    const start = match.index + leading;
    const requirement = paragraph.slice(0, found.index).replace(/^[一二三四五六七八九十]+、|^\d+[.．、]/, '').trim();
    tasks.push({
      requirement,
      start,
      end: start + paragraph.length,
      paragraph,
      leadUnits: owners(found[1], context),
      cooperatingUnits: owners(found[2], context),
      deadline: deadlineOf(paragraph, context.documentDate),
      target: null,
      confidence: 0.5,
    });
  }
  return tasks;
};
