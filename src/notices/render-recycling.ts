/**
 * Renders a pooled page makes between two collections of its garbage. Each render writes a new document
 * into the page; the one it replaces (its DOM, layout and styles, about 1 MB) stays in Chromium's heap
 * until a full garbage collection, which a page that runs no script almost never triggers: a page's
 * renderer grew from 15 to 130 MB over 1,000 renders and a browser with two pages by 400 MB over 2,500.
 * A collection takes 10–20 ms; one every 20 renders costs under 1% and holds a page near 30 MB.
 */
export const COLLECT_EVERY = 20;

/** After its `renders`-th render, a page has its garbage collected (and the browser's memory is read). */
export function collectsGarbage(renders: number): boolean {
  return renders % COLLECT_EVERY === 0;
}

export interface RecycleLimits {
  /** Documents a browser renders at most. */
  recycleAfter: number;
  /** Private resident memory of the browser's processes, summed, in MB. */
  browserMaxMb: number;
}

export type RecycleReason = 'renders' | 'memory';

/**
 * Why a browser takes no more documents, or null: it has been given its share of renders (counted as
 * they are handed out, so that it never renders more than its share), or its processes' private
 * resident memory, when read, is over the limit. It finishes the renders it has and is closed; the next are
 * rendered by a new browser.
 */
export function recycleReason(use: { renders: number; privateMb: number | null }, limits: RecycleLimits): RecycleReason | null {
  if (use.renders >= limits.recycleAfter) return 'renders';
  if (use.privateMb !== null && use.privateMb > limits.browserMaxMb) return 'memory';
  return null;
}
