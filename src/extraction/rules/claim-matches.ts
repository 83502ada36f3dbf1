/**
 * Ordered patterns over one clause, none overlapping: an earlier pattern's match claims its characters, so
 * "2022年10月底前" read as a month end is not read again as a year end.
 */
export interface ClaimingPattern {
  regex: RegExp;
}

export function claimMatches<P extends ClaimingPattern, T extends object>(
  clause: string,
  patterns: readonly P[],
  read: (match: RegExpExecArray, pattern: P) => T | null,
  /** A match that reads as nothing still claims its characters (a start date must not be re-read). */
  claimUnread: boolean,
): (T & { text: string; index: number })[] {
  const taken = new Array<boolean>(clause.length).fill(false);
  const found: (T & { text: string; index: number })[] = [];
  for (const pattern of patterns) {
    for (const match of clause.matchAll(pattern.regex)) {
      const [index, length] = [match.index, match[0].length];
      if (taken.slice(index, index + length).some(Boolean)) continue;
      const value = read(match as RegExpExecArray, pattern);
      if (value || claimUnread) for (let i = index; i < index + length; i++) taken[i] = true;
      if (value) found.push({ ...value, text: match[0], index });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
