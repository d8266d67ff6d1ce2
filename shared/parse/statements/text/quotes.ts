import type { Span } from '../types.ts';

/**
 * One stretch of quoted words inside one paragraph. `start`/`end` cover the marks; `contentStart`/
 * `contentEnd` the words between them. A quotation that runs on (over several paragraphs, each opening
 * a quote mark and only the last closing it, or a new quote mark after a full stop inside an open quote,
 * which is how paragraph breaks look once they are lost) is a chain of segments: every segment after the
 * first has `continues` set.
 */
export interface QuoteSegment extends Span {
  contentStart: number;
  contentEnd: number;
  paragraph: number;
  continues: boolean;
  /** False when no closing mark was found before the paragraph ended. */
  closed: boolean;
}

const OPENING = new Set(['“', '„', '«']);
const CLOSING = new Set(['”', '»']);
const STRAIGHT = '"';
const QUOTE_MARKS = /["“„«”»]/g;

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
const LEFT_CONTEXT = /[\s([{—–\-/:]/;
const RIGHT_CONTEXT = /[\s.,;:!?)\]}—–\-…]/;

type Role = 'open' | 'close' | 'either';

/** Whether a double quote mark can open, close, or (straight marks between words) both. */
function roleOf(body: string, at: number, paragraph: Span): Role | null {
  const mark = body[at]!;
  if (OPENING.has(mark)) return 'open';
  const before = at > paragraph.start ? body[at - 1] : undefined;
  const after = at + 1 < paragraph.end ? body[at + 1] : undefined;
  const canOpen = before === undefined || LEFT_CONTEXT.test(before) || /["“]/.test(before);
  const canClose = after === undefined || RIGHT_CONTEXT.test(after) || /["”'’]/.test(after);
  if (CLOSING.has(mark)) {
    // Some articles use ” for both marks: one that starts a word after a space opens.
    return !canClose && canOpen && !isSpace(after) ? 'open' : 'close';
  }
  if (mark !== STRAIGHT) return null;
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  return 'either';
}

const SENTENCE_END_BEFORE = /[.!?…]["'”’)]*\s+$/;

/** Double-quoted stretches of every paragraph, in body order. Linear in the body length. */
export function findQuotes(body: string, paragraphs: Span[]): QuoteSegment[] {
  const segments: QuoteSegment[] = [];
  // every double quote mark of the body, found in one scan; paragraphs take theirs in order
  const marks = Array.from(body.matchAll(QUOTE_MARKS), (match) => match.index);
  let mark = 0;
  let carryInto = -1; // index of the paragraph whose first mark continues an open quotation
  paragraphs.forEach((paragraph, index) => {
    let open = -1;
    let continues = false;
    while (mark < marks.length && marks[mark]! < paragraph.start) mark++;
    for (; mark < marks.length && marks[mark]! < paragraph.end; mark++) {
      const at = marks[mark]!;
      const role = roleOf(body, at, paragraph);
      if (role === null) continue;
      if (open < 0) {
        if (role === 'close' && isSpace(body[at + 1])) continue; // a stray closing mark
        open = at;
        continues = carryInto === index && at === paragraph.start;
        continue;
      }
      if (role === 'open') {
        // A new opening mark inside an open quotation: after a full stop it is the next paragraph of
        // the same quotation run together; otherwise the earlier mark was unbalanced and is dropped.
        const lookBehind = body.slice(Math.max(open + 1, at - 8), at);
        if (SENTENCE_END_BEFORE.test(lookBehind)) {
          segments.push(segment(body, open, at, index, continues, false));
          open = at;
          continues = true;
        } else {
          open = at;
          continues = false;
        }
        continue;
      }
      // an empty pair ("" or " ") quotes nothing
      if (!/^\s*$/.test(body.slice(open + 1, Math.min(at, open + 4))) || at - open > 4) segments.push(segment(body, open, at + 1, index, continues, true));
      open = -1;
      continues = false;
    }
    carryInto = -1;
    if (open >= 0) {
      segments.push(segment(body, open, paragraph.end, index, continues, false));
      const next = paragraphs[index + 1];
      if (next && (body[next.start] === STRAIGHT || OPENING.has(body[next.start]!))) carryInto = index + 1;
    }
  });
  return segments;
}

function segment(body: string, open: number, end: number, paragraph: number, continues: boolean, closed: boolean): QuoteSegment {
  let contentEnd = closed ? end - 1 : end;
  while (contentEnd > open + 1 && isSpace(body[contentEnd - 1])) contentEnd--;
  return { start: open, end: closed ? end : contentEnd, contentStart: open + 1, contentEnd, paragraph, continues, closed };
}

/** Segments grouped into whole quotations (a chain of segments that continue one another). */
export function quoteChains(segments: QuoteSegment[]): QuoteSegment[][] {
  const chains: QuoteSegment[][] = [];
  for (const quote of segments) {
    const last = chains[chains.length - 1];
    if (quote.continues && last) last.push(quote);
    else chains.push([quote]);
  }
  return chains;
}
