import type { Span } from '../types.ts';

/** Words that end with a full stop without ending a sentence ("Mr. Smith", "U.S. officials"). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt', 'cpl', 'jr',
  'sr', 'rev', 'hon', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'mt', 'ft', 'jan', 'feb', 'mar', 'apr',
  'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept', 'est', 'fig', 'vol',
]);

const CLOSERS = /["'”’)\]»]/;
const SPACE = /\s/;
const OPENERS = /["“‘'([«\p{Lu}\p{N}]/u;
const ABBREVIATION_CHAR = /[\p{L}.]/u;
/** "J", "U.S": an initial, or letters with dots between them. */
const INITIALS = /^\p{Lu}$|\.\p{L}$/u;

/**
 * Sentences of one paragraph: a boundary is . ! or ? (with any closing quotes or brackets after it),
 * then white space, then something that can open a sentence. One pass, no backtracking.
 */
export function splitSentences(body: string, paragraph: Span): Span[] {
  const sentences: Span[] = [];
  let start = paragraph.start;
  let i = paragraph.start;
  while (i < paragraph.end) {
    const char = body[i]!;
    if (char === '.' || char === '!' || char === '?' || char === '…') {
      let end = i + 1;
      while (end < paragraph.end && (body[end] === '.' || body[end] === '!' || body[end] === '?')) end++;
      while (end < paragraph.end && CLOSERS.test(body[end]!)) end++;
      let next = end;
      // any white space, the no-break space of web copy included ('he said.\u00a0"And ...')
      while (next < paragraph.end && SPACE.test(body[next]!)) next++;
      if (next > end && next < paragraph.end && OPENERS.test(body[next]!) && (!isAbbreviation(body, start, i) || endsOnInitials(body, i, next))) {
        sentences.push({ start, end });
        start = next;
      }
      i = Math.max(end, i + 1);
      continue;
    }
    i++;
  }
  if (start < paragraph.end) sentences.push({ start, end: paragraph.end });
  return sentences;
}

/** Words that open a sentence and never continue a name: after "U.S." or "D.C." they start a new sentence. */
const SENTENCE_OPENERS = /^(?:He|She|It|They|We|I|The|This|These|Those|But|And|In|On|At|His|Her|Their|Its|There|If|When|While|As|After|So|Yet|Still|Meanwhile|However)\b/;
/** "U.S", "D.C": letters with dots between them. */
const DOTTED = /^(?:\p{Lu}\.)+\p{Lu}$/u;

/** '... attacks in the U.S. He says ...': dotted initials end the sentence when a sentence opener follows. */
function endsOnInitials(body: string, dot: number, next: number): boolean {
  let wordStart = dot;
  while (wordStart > 0 && ABBREVIATION_CHAR.test(body[wordStart - 1]!) && dot - wordStart < 12) wordStart--;
  return DOTTED.test(body.slice(wordStart, dot)) && SENTENCE_OPENERS.test(body.slice(next, next + 12));
}

/** The word before a full stop at `dot` is an abbreviation or an initial ("J. Smith", "U.S."). */
function isAbbreviation(body: string, sentenceStart: number, dot: number): boolean {
  if (body[dot] !== '.') return false;
  let wordStart = dot;
  while (wordStart > sentenceStart && ABBREVIATION_CHAR.test(body[wordStart - 1]!) && dot - wordStart < 12) wordStart--;
  const word = body.slice(wordStart, dot);
  if (INITIALS.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}
