/** A stretch of a text to show marked, named by an id its page can link to (`#p-3`, `#d-12`). */
export interface Span {
  id: string;
  start: number;
  end: number;
}

/** A piece of the text as shown: the anchors that begin here, and the spans that cover it (none: plain text). */
export interface Segment {
  text: string;
  anchors: string[];
  marks: string[];
}

/**
 * Cuts a text into the pieces a page shows, so each span can be marked (`<mark>`) and linked to even
 * when spans overlap or repeat (two tasks from one sentence): cut at every span's start and end, each
 * piece lists the spans covering it, and each span's anchor stands where it begins. Spans outside the
 * text or empty are left out.
 */
export function segmentText(text: string, spans: Span[]): Segment[] {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    segments.push({
      text: text.slice(from, to),
      anchors: valid.filter((s) => s.start === from).map((s) => s.id),
      marks: valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.id),
    });
  }
  return segments;
}
