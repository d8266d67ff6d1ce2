import { type CueMatch, findCues } from '../cues.ts';
import type { Span } from '../types.ts';
import { findQuotes, type QuoteSegment } from './quotes.ts';
import { splitSentences } from './sentences.ts';

export interface Sentence extends Span {
  paragraph: number;
}

/**
 * The body cut once into the units every parser needs: paragraphs, sentences and quotations, each with
 * offsets into the body. Parsers never scan the whole body with their own patterns; they work inside
 * these bounded units, which keeps the extractor linear on hostile input.
 */
export interface ArticleText {
  body: string;
  paragraphs: Span[];
  sentences: Sentence[];
  quotes: QuoteSegment[];
  /** Every reporting verb in the body, in order (inside quotations too). */
  cues: CueMatch[];
  /** The cues that start in [from, to). */
  cuesBetween(from: number, to: number): CueMatch[];
  sentenceAt(offset: number): Sentence | undefined;
  paragraphAt(offset: number): number;
  /** The quote segment whose content contains the offset, if any. */
  quoteAt(offset: number): QuoteSegment | undefined;
  /** The last quote segment that starts before the offset. */
  quoteBefore(offset: number): QuoteSegment | undefined;
}

/** Paragraphs are separated by blank lines; a body without blank lines has one paragraph per line. */
function splitParagraphs(body: string): Span[] {
  const separator = /\n[ \t\r]*\n/.test(body) ? /\n[ \t\r]*(?:\n[ \t\r]*)+/g : /\n+/g;
  const paragraphs: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    if (end > start) paragraphs.push({ start, end });
  };
  for (const match of body.matchAll(separator)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, body.length);
  return paragraphs;
}

/** Index of the last item whose start is <= offset, by binary search (items are sorted), or -1. */
function lastStartingAtOrBefore(items: Span[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

export function prepareText(body: string): ArticleText {
  const paragraphs = splitParagraphs(body);
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const { start, end } of splitSentences(body, paragraph)) sentences.push({ start, end, paragraph: index });
  });
  const quotes = findQuotes(body, paragraphs);
  const cues = findCues(body);
  return {
    body,
    paragraphs,
    sentences,
    quotes,
    cues,
    cuesBetween(from, to) {
      const first = lastStartingAtOrBefore(cues, from - 1) + 1;
      const found: CueMatch[] = [];
      for (let i = first; i < cues.length && cues[i]!.start < to; i++) found.push(cues[i]!);
      return found;
    },
    sentenceAt(offset) {
      const sentence = sentences[lastStartingAtOrBefore(sentences, offset)];
      return sentence && offset < sentence.end ? sentence : undefined;
    },
    paragraphAt(offset) {
      return Math.max(0, lastStartingAtOrBefore(paragraphs, offset));
    },
    quoteAt(offset) {
      const quote = quotes[lastStartingAtOrBefore(quotes, offset)];
      return quote && offset < quote.end ? quote : undefined;
    },
    quoteBefore(offset) {
      return quotes[lastStartingAtOrBefore(quotes, offset - 1)];
    },
  };
}
