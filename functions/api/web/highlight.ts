/**
 * Splits an article body into paragraphs and marks where statements fall in them. Pure: offsets in,
 * text pieces out, so what the page highlights is exactly `body.slice(start, end)` of each statement.
 */
export interface Span {
  start: number;
  end: number;
}

export type Piece<S extends Span> =
  | { text: string; statement?: undefined }
  /** `first` and `last` say whether this piece opens or closes its statement (a quote may run over paragraphs). */
  | { text: string; statement: S; first: boolean; last: boolean };

export interface HighlightedBody<S extends Span> {
  paragraphs: Piece<S>[][];
  /** Statements whose offsets do not fit this body, or that overlap one already placed. */
  unplaced: S[];
}

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g;

function paragraphRanges(body: string): Span[] {
  const ranges: Span[] = [];
  let start = 0;
  for (const match of body.matchAll(PARAGRAPH_BREAK)) {
    ranges.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  ranges.push({ start, end: body.length });
  return ranges.filter((range) => body.slice(range.start, range.end).trim() !== '');
}

export function highlightBody<S extends Span>(body: string, statements: readonly S[]): HighlightedBody<S> {
  const unplaced: S[] = [];
  const ordered: S[] = [];
  const sorted = [...statements].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const statement of sorted) {
    const valid = Number.isInteger(statement.start) && Number.isInteger(statement.end) && statement.start >= 0;
    const fits = valid && statement.start < statement.end && statement.end <= body.length;
    const previous = ordered.at(-1);
    if (fits && (!previous || statement.start >= previous.end)) ordered.push(statement);
    else unplaced.push(statement);
  }

  const shown = new Set<S>();
  const paragraphs: Piece<S>[][] = [];
  let next = 0;
  const ranges = paragraphRanges(body);
  ranges.forEach((paragraph, position) => {
    // A statement ending in the blank space after this paragraph still closes here.
    const nextStart = ranges[position + 1]?.start ?? body.length;
    while (next < ordered.length && ordered[next]!.end <= paragraph.start) next += 1;
    const pieces: Piece<S>[] = [];
    let cursor = paragraph.start;
    for (let index = next; index < ordered.length && ordered[index]!.start < paragraph.end; index += 1) {
      const statement = ordered[index]!;
      const from = Math.max(statement.start, paragraph.start);
      const to = Math.min(statement.end, paragraph.end);
      if (from > cursor) pieces.push({ text: body.slice(cursor, from) });
      pieces.push({ text: body.slice(from, to), statement, first: !shown.has(statement), last: statement.end <= nextStart });
      shown.add(statement);
      cursor = to;
    }
    if (cursor < paragraph.end) pieces.push({ text: body.slice(cursor, paragraph.end) });
    paragraphs.push(pieces);
  });
  // A statement lying wholly in the blank space between paragraphs has nowhere to be shown.
  for (const statement of ordered) if (!shown.has(statement)) unplaced.push(statement);
  return { paragraphs, unplaced };
}
