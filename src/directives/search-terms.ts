/**
 * The words a directive is found by, and how a search box's text asks for them.
 *
 * Chinese is written without spaces and MariaDB has no n-gram full-text parser, so text is cut into
 * terms stored in an indexed table (directive_terms) and a search asks that table. Text is first
 * normalised (NFKC folds full-width letters, digits and punctuation to their usual forms; lower case),
 * then read as segments separated by anything that is not a letter or a digit:
 *
 * - a run of Chinese or Japanese characters gives its overlapping pairs and its last character alone
 *   (国家反诈 → 国家, 家反, 反诈, 诈): every character starts a term, so one character is found by a
 *   prefix of the term index, and two or more by their pairs, each one exact key;
 * - a word of other letters and digits gives itself, and a word joined by `-`, `.`, `_` or `/` also
 *   every tail from a joiner on (DB-2026-0007 → db-2026-0007, 2026-0007, 0007), all spelt with `-`;
 *   a word is found by a prefix of any of these (`DB-2026`, `2026-0007`, `0007`, `app` for APP安装);
 * - where a word and Chinese touch, one term holds the word and the character beside it (2026年 →
 *   2026年; 中心APP → 心app), so that 2026年 is not found in a title with 2025年 and the code DB-2026-….
 *
 * A directive's code goes through the same rules as its title, so codes need no search of their own.
 * Changing these rules changes the stored terms: ship a migration that indexes every directive again.
 */

/** Longest term stored; a longer word is stored, and looked for, by its beginning. */
export const TERM_MAX_LENGTH = 32;

/** Scripts written without spaces between words: their text is indexed by pairs of characters. */
const PAIRED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const JOINER = /[-._/]/;

/** A run of paired characters or a word; `touching` when nothing stands between it and the one before. */
type Segment = ({ kind: 'run'; chars: string[] } | { kind: 'word'; parts: string[] }) & { touching: boolean };

function normalise(text: string): string[] {
  return Array.from(text.normalize('NFKC').toLowerCase());
}

function segments(text: string): Segment[] {
  const chars = normalise(text);
  const out: Segment[] = [];
  let end = -1;
  let i = 0;
  while (i < chars.length) {
    const start = i;
    const touching = start === end && out.length > 0;
    if (PAIRED.test(chars[i])) {
      while (i < chars.length && PAIRED.test(chars[i])) i++;
      out.push({ kind: 'run', chars: chars.slice(start, i), touching });
    } else if (WORD.test(chars[i])) {
      const parts: string[] = [];
      let part = '';
      for (; i < chars.length; i++) {
        const c = chars[i];
        if (WORD.test(c) && !PAIRED.test(c)) part += c;
        // A joiner joins only between two word characters; anywhere else it separates.
        else if (JOINER.test(c) && i + 1 < chars.length && WORD.test(chars[i + 1]) && !PAIRED.test(chars[i + 1])) {
          parts.push(part);
          part = '';
        } else break;
      }
      parts.push(part);
      out.push({ kind: 'word', parts, touching });
    } else {
      i++;
      continue;
    }
    end = i;
  }
  return out;
}

const clip = (term: string): string => Array.from(term).slice(0, TERM_MAX_LENGTH).join('');
const pairs = (chars: string[]): string[] => chars.slice(1).map((c, i) => chars[i] + c);
const tails = (parts: string[]): string[] => parts.map((_, i) => parts.slice(i).join('-'));
const first = (chars: string[]): string => chars[0];
const last = (chars: string[]): string => chars[chars.length - 1];

/** The terms stored for a directive's texts (its title and code), each once. */
export function documentTerms(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    const list = segments(text);
    list.forEach((segment, i) => {
      if (segment.kind === 'run') {
        for (const pair of pairs(segment.chars)) terms.add(pair);
        terms.add(last(segment.chars));
      } else {
        for (const tail of tails(segment.parts)) terms.add(clip(tail));
      }
      // Where a word and Chinese touch (2026年, 中心APP), a term holds both sides, so that a search
      // for them together does not find them apart.
      const before = list[i - 1];
      if (!segment.touching || !before) return;
      if (before.kind === 'word' && segment.kind === 'run') for (const tail of tails(before.parts)) terms.add(clip(tail + first(segment.chars)));
      if (before.kind === 'run' && segment.kind === 'word') terms.add(clip(last(before.chars) + segment.parts.join('-')));
    });
  }
  return [...terms];
}

/**
 * What a search asks for; a directive matches when it has every `terms` entry, a term beginning with
 * every `prefixes` entry, and every `phrases` entry in its title.
 */
export interface TextQuery {
  /** Pairs of characters, and words with the character they touch; each an exact term. */
  terms: string[];
  /** A lone character or a word (which may go on), found as the beginning of a term. */
  prefixes: string[];
  /**
   * Runs of three characters or more, looked for in the title itself: their pairs may all be there
   * without standing together (反诈 … 诈宣 for 反诈宣). Only such runs, whose characters normalising
   * leaves as they are, so the title's own text can be compared.
   */
  phrases: string[];
}

/** The conditions a search box's text puts on the terms; all empty when it has no letter or digit. */
export function textQuery(q: string): TextQuery {
  const terms = new Set<string>();
  const prefixes = new Set<string>();
  const phrases = new Set<string>();
  const list = segments(q);
  list.forEach((segment, i) => {
    const before = segment.touching ? list[i - 1] : undefined;
    const after = list[i + 1]?.touching ? list[i + 1] : undefined;
    if (segment.kind === 'word') {
      const word = segment.parts.join('-');
      // Chinese after the word ends it: the word is whole. Otherwise it may go on, as typed so far.
      const whole = after?.kind === 'run';
      if (before?.kind === 'run') (whole ? terms : prefixes).add(clip(last(before.chars) + word));
      if (after?.kind === 'run') terms.add(clip(word + first(after.chars)));
      if (!before && !after) prefixes.add(clip(word));
    } else {
      for (const pair of pairs(segment.chars)) terms.add(pair);
      // A lone character is found by itself unless the word it touches has a term with it.
      if (segment.chars.length === 1 && !before && !after) prefixes.add(segment.chars[0]);
      if (segment.chars.length > 2) phrases.add(segment.chars.join(''));
    }
  });
  return { terms: [...terms], prefixes: [...prefixes], phrases: [...phrases] };
}

/**
 * Whether a directive has `term` exactly when its title contains it: true of terms of Chinese (or
 * Japanese) characters only, a pair or one character, which codes never hold and normalising leaves
 * as they are (but for compatibility forms such as ⾦ for 金 or half-width ｶ, which titles do not use).
 * Such a term can be checked on a row's own title, at no cost, as well as looked up in the index.
 */
export const foundInTitle = (term: string): boolean => Array.from(term).every((c) => PAIRED.test(c));

/**
 * The first string after every string that begins with `prefix`, in code point order: the upper bound
 * of the prefix's range on the term index. Code point order is how both databases compare terms
 * (SQLite's BINARY collation; utf8mb4_bin on MySQL).
 */
export function prefixEnd(prefix: string): string {
  const chars = Array.from(prefix);
  const next = chars.pop()!.codePointAt(0)! + 1;
  // Surrogate code points are no characters of their own: the next one is U+E000.
  return chars.join('') + String.fromCodePoint(next >= 0xd800 && next <= 0xdfff ? 0xe000 : next);
}
