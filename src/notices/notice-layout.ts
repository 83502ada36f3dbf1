/// <reference lib="dom" />
// The two functions handed to page.evaluate run in Chromium, on its DOM.
import type { Page } from 'puppeteer';

/** What the first pass measures: the pages the text and signature fill, and the distribution record's height. */
export interface FlowMeasure {
  /** Pages the body and the signature fill (1 for a one-page notice). */
  pages: number;
  /** How far down the type area of the last of those pages the signature ends, mm. */
  usedMm: number;
  /** The distribution record's height, mm; null when the document has none (a letter without 抄送). */
  colophonMm: number | null;
}

export type ColophonPlacement =
  | { kind: 'none' }
  /** At the foot of the page the signature is on, after a spacer of this height. */
  | { kind: 'same-page'; spacerMm: number }
  /** Alone at the foot of the next page (an even one, numbered). */
  | { kind: 'next-page' }
  /** After an unnumbered blank page, at the foot of an unnumbered even page. */
  | { kind: 'after-blank-page' };

export const TYPE_AREA_HEIGHT_MM = 225;
/** Less than the page by this much, so that rounding never pushes the record onto a page of its own. */
const SLACK_MM = 0.2;
/** At least this much white between the date and the record's first rule. */
const MIN_GAP_MM = 4;

/**
 * Where the distribution record (版记) goes, GB/T 9704 §7.4–7.5: on the last page, which is an even one,
 * its last rule on the bottom edge of the type area. The body ending on an odd page puts it on the
 * next page; ending on an even page without room for it, on the even page after a blank one (which
 * `layOutNotice` first tries to spare by closing up the tables' rows).
 */
export function placeColophon({ pages, usedMm, colophonMm }: FlowMeasure): ColophonPlacement {
  if (colophonMm === null) return { kind: 'none' };
  if (pages % 2 === 1) return { kind: 'next-page' };
  const spacerMm = TYPE_AREA_HEIGHT_MM - SLACK_MM - usedMm - colophonMm;
  return spacerMm >= MIN_GAP_MM ? { kind: 'same-page', spacerMm } : { kind: 'after-blank-page' };
}

/**
 * The second pass, in the page before it is printed: measures the flow, then places the distribution
 * record. Runs with the page's JavaScript disabled: DevTools evaluates it.
 */
export async function layOutNotice(page: Page): Promise<ColophonPlacement> {
  let placement = placeColophon(await measureFlow(page));
  // §7.3.5 closes up lines rather than leave the signature without room; so here, where the record has
  // no room on the even page the body ends on: a table's rows closed up, when that spares the blank page.
  if (placement.kind === 'after-blank-page' && (await page.evaluate(() => document.documentElement.classList.toggle('tight', document.querySelector('table.items') !== null)))) {
    const tight = placeColophon(await measureFlow(page));
    if (tight.kind === 'after-blank-page') await page.evaluate(() => document.documentElement.classList.remove('tight'));
    else placement = tight;
  }
  await page.evaluate((placed: ColophonPlacement) => {
    const colophon = document.querySelector('.colophon');
    if (!colophon) return;
    if (placed.kind === 'same-page') {
      const spacer = document.createElement('div');
      spacer.className = 'colophon-spacer';
      spacer.style.height = `${placed.spacerMm}mm`;
      colophon.before(spacer);
      return;
    }
    colophon.classList.add('own-page');
    if (placed.kind === 'after-blank-page') {
      const blank = document.createElement('div');
      blank.className = 'blank-page';
      colophon.before(blank);
      colophon.classList.add('unnumbered');
    }
  }, placement);
  return placement;
}

/**
 * Sets the flow in columns one type area high (the same fragmentation the printer does: kept lines,
 * rows, headings) and reads where the signature ends. Evaluated by DevTools: the page's JavaScript is off.
 */
function measureFlow(page: Page): Promise<FlowMeasure> {
  return page.evaluate((): FlowMeasure => {
    const mm = 96 / 25.4;
    const root = document.documentElement;
    root.classList.add('measuring');
    // A second measure (closed up) starts from the flow as written.
    for (const kept of Array.from(document.querySelectorAll('.with-signature'))) kept.classList.remove('with-signature');
    const area = document.body.getBoundingClientRect();
    const signature = document.querySelector('.signature')!;
    const end = () => signature.getBoundingClientRect();
    const columnOf = (element: Element) => Math.floor((element.getBoundingClientRect().left - area.left + 1) / area.width);
    // The printer repeats a table's header at the top of each page it continues on; columns do not.
    // A copy of the header is set where each page would begin, until the rows stop moving.
    const copies: Element[] = [];
    for (const table of Array.from(document.querySelectorAll('table'))) {
      const header = table.querySelector('thead tr');
      if (!header) continue;
      for (let guard = 0; guard < 200; guard++) {
        const rows = Array.from(table.querySelectorAll('tbody tr'));
        const start = rows.find((row, i) => i > 0 && !copies.includes(row) && !copies.includes(rows[i - 1]) && columnOf(row) > columnOf(rows[i - 1]));
        if (!start) break;
        const copy = header.cloneNode(true) as HTMLElement;
        copy.style.breakBefore = 'column';
        start.before(copy);
        copies.push(copy);
      }
    }
    // Chromium honours "keep the last lines with the signature" only while widows and headings leave it
    // an allowed break; where they do not it sets the signature alone at the top of a page. Then the
    // last paragraph, with the headings that lead to it, starts the page instead.
    if (end().top - area.top < 1) {
      let keep = document.querySelector('.body')!.lastElementChild;
      while (keep && keep.previousElementSibling && keep.previousElementSibling.matches('.h1, .h2, .lead-in')) keep = keep.previousElementSibling;
      keep?.classList.add('with-signature');
    }
    const column = columnOf(signature);
    const usedMm = (end().bottom - area.top) / mm;
    for (const copy of copies) copy.remove();
    root.classList.remove('measuring');
    const colophon = document.querySelector('.colophon');
    return { pages: column + 1, usedMm, colophonMm: colophon ? colophon.getBoundingClientRect().height / mm : null };
  });
}
