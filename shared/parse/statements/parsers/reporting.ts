import { CAPITALIZED_WEEKDAYS, WEEKDAYS } from '../../date-words.ts';
import { ACCORDING_TO, type CueInfo } from '../cues.ts';
import { MAX_CONTENT, MAX_SENTENCE } from '../limits.ts';
import type { ArticleText, Sentence } from '../text/document.ts';
import type { QuoteSegment } from '../text/quotes.ts';
import { sentenceSubject, speakerBefore } from '../text/mentions.ts';
import { wordCount } from '../text/tokens.ts';
import { MESSAGES } from '../words.ts';
import type { Candidate, Mention, Span, StatementParser } from '../types.ts';

/** One reporting verb found in the text. */
export interface CueHit extends Span {
  info: CueInfo;
  /** Lower case, white space normalised: "said", "called on". */
  form: string;
}


/** "... - but many said ...", ", while 22 percent said ...", " and others have said": a new subject right before a cue. */
const NEW_SUBJECT = /(?:,|\s[-–—])\s*(?:but|and|while|whereas|though|although)\s+(?:[\p{L}\p{N}%.'’-]+\s+){1,4}$|\sand\s+(?:he|she|they|others|many|some|most|one|two|three|four|five|half|\p{N}[\p{N}.,%]*|\p{Lu}[\p{L}.'’-]*)\s+(?:[\p{L}\p{N}%.'’-]+\s+){0,3}$/u;
/** A concession ends the clause only before a cue of speech ("though Mrs. X said"), not of belief ("although some had expected"). */
const CONCESSION = /^\W*(?:though|although)\b/;

/** A comma, then a name, a personal pronoun or "another", right before a cue: the start of another attribution. */
const NAMED_ATTRIBUTION = /,\s*(?:(?:he|she|they|another)\s+|(?:\p{Lu}[\p{L}.'’-]*\s+){1,4})$/u;

/** Reporting verbs in a sentence, outside quotations, written in lower case (so "United States" is no cue). */
export function cuesIn(text: ArticleText, sentence: Sentence): CueHit[] {
  const hits: CueHit[] = [];
  if (sentence.end - sentence.start > MAX_SENTENCE) return hits;
  for (const { start, end, info } of text.cuesBetween(sentence.start, sentence.end)) {
    const quote = text.quoteAt(start);
    if (quote && start >= quote.contentStart && start < quote.contentEnd) continue;
    hits.push({ start, end, info, form: info.form });
  }
  return hits;
}

/** Cue hits per sentence, computed once per article and shared by the reported-speech parsers. */
const cache = new WeakMap<ArticleText, Map<Sentence, CueHit[]>>();
export function sentenceCues(text: ArticleText): Map<Sentence, CueHit[]> {
  let found = cache.get(text);
  if (!found) {
    found = new Map(text.sentences.map((sentence) => [sentence, cuesIn(text, sentence)]));
    cache.set(text, found);
  }
  return found;
}

/** Where the speaker phrase may start: the sentence start, or just after a quotation closing inside it. */
export function speakerFloor(text: ArticleText, sentence: Sentence, at: number): number {
  const quote = text.quoteBefore(at);
  return quote && quote.end <= at ? Math.max(sentence.start, quote.end) : sentence.start;
}

/** Index of the first cue that starts after `offset` (cues are in text order), by binary search. */
export function firstCueAfter(cues: CueHit[], offset: number): number {
  let low = 0;
  let high = cues.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cues[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * "issued a statement saying", "sent out a press release saying": a message that was sent (a past verb,
 * then "a"), so its sender is the sentence's subject; not "Trump's tweet saying" or "must issue a statement".
 */
const MESSAGE_PHRASE = `an?\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${[...MESSAGES].join('|')})\\s*$`;
const SENT_MESSAGE = new RegExp(`\\b(?:\\p{Ll}+ed|sent|put)(?:\\s+out)?\\s+${MESSAGE_PHRASE}`, 'u');
/** The content of "issued" in "issued a statement saying ...": the message, whose participle reports the words. */
const MESSAGE_ONLY = new RegExp(`^\\s*${MESSAGE_PHRASE}`, 'u');

/** A cue whose subject is left out: "... and added", "... but also warned", "..., adding", "issued a statement saying". */
export function subjectLeftOut(body: string, floor: number, cue: CueHit): boolean {
  const before = body.slice(Math.max(floor, cue.start - 16), cue.start);
  // "... by saying", "... before adding": a participle after a preposition has the sentence's subject, and
  // so has one after a message the subject sent
  return /\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$/.test(before) || (cue.form.endsWith('ing') && /(?:,|\b(?:by|while|after|before|when|upon))\s*$/.test(before))
    || (cue.form.endsWith('ing') && !cue.info.weak && SENT_MESSAGE.test(body.slice(Math.max(floor, cue.start - 60), cue.start)));
}

/** How close the cue before must be for its speaker to be the one left out ("Nefzi said, adding ..."). */
const JOINED_CUES = 40;

/**
 * Who speaks for a cue whose subject is left out: the speaker of the cue right before it ("..., Nefzi
 * said, adding ..."), else the subject of the sentence ("The judge imposed a sentence, saying ...").
 */
export function leftOutSubject(text: ArticleText, sentence: Sentence, cues: CueHit[], cue: CueHit): Mention | null {
  const index = cues.indexOf(cue);
  const before = index > 0 ? cues[index - 1]! : undefined;
  if (before && cue.start - before.end < JOINED_CUES) {
    const mention = speakerBefore(text.body, speakerFloor(text, sentence, before.start), before.start, before.form);
    if (mention) return mention;
  }
  return sentenceSubject(text.body, sentence.start, cue.start);
}

/** A span with white space and trailing punctuation trimmed off both ends. */
export function trimSpan(body: string, start: number, end: number): Span {
  while (start < end && /[\s,:;—–-]/.test(body[start]!)) start++;
  while (end > start && /[\s.,:;—–-]/.test(body[end - 1]!)) end--;
  return { start, end };
}

/**
 * Where a reported clause that starts at `from` ends: the sentence end, or earlier where a second
 * cue is coordinated (", but added in a statement: ..."), a quotation is introduced by a colon, or a
 * semicolon joins another clause.
 */
export function clauseEnd(text: ArticleText, sentence: Sentence, from: number, laterCues: CueHit[]): number {
  let end = sentence.end;
  for (let i = firstCueAfter(laterCues, from); i < laterCues.length; i++) {
    const cue = laterCues[i]!;
    if (cue.start > from + MAX_CONTENT) break;
    const before = text.body.slice(Math.max(from, cue.start - 20), cue.start);
    const joint = /(,?\s*\b(?:but|and)\s+(?:also\s+|later\s+|then\s+)?)$/.exec(before);
    if (joint) {
      end = cue.start - joint[1]!.length;
      break;
    }
    // "..., adding that ...": a participle starts a new statement of the same speaker
    if (cue.form.endsWith('ing') && /,\s*$/.test(before)) {
      end = cue.start - (before.length - before.search(/,\s*$/));
      break;
    }
    // "Barkley, who said he votes Democratic, said ...": a cue right after a comma is the main verb of
    // the subject whose relative clause the statement is in
    if (/,\s*$/.test(before) && !cue.form.endsWith('ing') && inRelativeClause(text.body, sentence.start, from) && FINITE_CLAUSE.test(text.body.slice(from, cue.start))) {
      end = cue.start - (before.length - before.search(/,\s*$/));
      break;
    }
    // "..., Trump replied, ...", "..., he said": an attribution of its own starts after the comma
    const attribution = NAMED_ATTRIBUTION.exec(text.body.slice(Math.max(from, cue.start - 60), cue.start));
    if (attribution && !cue.form.endsWith('ing')) {
      end = cue.start - attribution[0].length;
      break;
    }
    // "... - but many said ...", ", while analysts warned ...": a new subject and cue
    const wider = text.body.slice(Math.max(from, cue.start - 60), cue.start);
    const newSubject = NEW_SUBJECT.exec(wider);
    if (newSubject && !(cue.info.weak && CONCESSION.test(newSubject[0]))) {
      end = cue.start - newSubject[0].length;
      break;
    }
  }
  // "said he would offer a prayer but did not suggest ...", "..., and he railed against ...": the speaker's
  // own doings, told by the journalist, follow the reported clause
  const narration = NARRATION.exec(text.body.slice(from, Math.min(end, from + MAX_CONTENT)));
  if (narration) end = from + narration.index;
  // "While Clinton claimed that the videos exist, experts affirm ...": a clause inside a sentence-opening
  // subordinate clause ends at the comma that closes it
  if (SUBORDINATE_OPENING.test(text.body.slice(sentence.start, Math.min(from, sentence.start + 20)))) {
    const comma = text.body.slice(from, end).indexOf(', ');
    if (comma > 0) end = from + comma;
  }
  // "..., according to a review of filings": the source of the whole sentence follows, not more of the clause
  const source = CLOSING_SOURCE.exec(text.body.slice(from, Math.min(end, from + MAX_CONTENT)));
  if (source) end = from + source.index;
  // a colon before a quotation, or a semicolon outside brackets, closes the reported clause ("say X has
  // more; Y tallies ...", not "$1.03bn; £548m)" nor "pr&#233;cis")
  const clause = text.body.slice(from, Math.min(end, from + MAX_CONTENT));
  const closer = /:\s*["“]|(?<!&#?\w{1,8});(?=\s)/.exec(clause);
  if (closer && !/\([^)]*$/.test(clause.slice(0, closer.index))) end = from + closer.index;
  return end === sentence.end ? quotationRunOn(text, from, end) : end;
}

/**
 * 'said the Trump "train may have left the station. I don't want to be a critic ..."': a quotation
 * opened inside the clause does not end at a full stop inside it; the clause runs on to the end of the
 * sentence where the quotation closes.
 */
function quotationRunOn(text: ArticleText, from: number, end: number): number {
  const quote = text.quoteAt(end - 1);
  if (!quote || !quote.closed || quote.contentStart <= from || quote.contentEnd <= end || quote.end - from > MAX_CONTENT) return end;
  const closing = text.sentenceAt(quote.end - 1);
  return closing && closing.end - from <= MAX_CONTENT ? Math.max(end, closing.end) : end;
}

/** A quotation closing on a word (no comma or full stop inside the marks) that lower-case words of the sentence go on after. */
const CLOSES_ON_WORD = /[\p{L}\p{N}]$/u;
const GOES_ON = /^\s+\p{Ll}/u;

/**
 * 'Obama said "it gets me mad" every time he thinks about ...': the quotation is a phrase of the reported
 * clause, which runs on after it; the statement is the whole clause, reported speech with a partial quote.
 * The clause's end, or null when the quotation ends it.
 */
export function partialQuoteClause(text: ArticleText, quote: QuoteSegment): number | null {
  const { body } = text;
  if (!quote.closed || !CLOSES_ON_WORD.test(body.slice(quote.contentStart, quote.contentEnd)) || !GOES_ON.test(body.slice(quote.end, quote.end + 3))) return null;
  const sentence = text.sentenceAt(quote.start);
  if (!sentence || sentence.end <= quote.end) return null;
  const end = clauseEnd(text, sentence, quote.end, sentenceCues(text).get(sentence) ?? []);
  return wordCount(body.slice(quote.end, end)) >= 2 ? end : null;
}

/** A comma, then a cue that names its source after it ("according to"): the sentence's own attribution. */
const CLOSING_SOURCE = new RegExp(`,\\s*(?:${ACCORDING_TO.join('|')})\\b`, 'i');

/** A sentence that opens with a subordinate clause: its main clause follows the first comma after the cue. */
const SUBORDINATE_OPENING = /^\W*(?:while|although|though|whereas|when|after|because|since|before|if|once|even though|even as|as)\s/i;

/** A verb phrase with no subject of its own ("but did not ..."), or "and he" with a past tense, after the clause. */
const NARRATION = /,?\s+but\s+(?:did|does|would|could|has|had|was|is)\s*(?:not|n't|never)\s|,\s+and\s+(?:he|she)\s+\p{Ll}+ed\s/u;

/** The cue before `from` opens a relative clause ("Barkley, who said ..."). */
function inRelativeClause(body: string, sentenceStart: number, from: number): boolean {
  return /,\s*(?:who|which)\s+(?:[\p{L}'’-]+\s+){0,2}[\p{L}'’-]+(?:\s+that)?$/u.test(body.slice(Math.max(sentenceStart, from - 60), from).trimEnd());
}

/** A pronoun subject or a short subject and an auxiliary: the words are a clause, not an object ("wrote the biography"). */
export const FINITE_CLAUSE = /^\s*(?:(?:he|she|they|it|we|i)\s|(?:[\p{L}\p{N}'’.-]+\s+){1,6}?(?:is|are|was|were|had|has|have|will|would|could|can|may|might|should|must|did|does|do)\b)/iu;

/** "Wednesday morning", "on Friday night": the part of the day goes with its day. */
const PART_OF_DAY = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;

/** Phrases that may stand between a cue and its clause: "said in a statement (that)", "told AP on Wednesday". */
const ADJUNCT = new RegExp(
  String.raw`^\s*,?\s*(?:` +
    // "on Tuesday", "in a statement", "at the White House", "in an interview with CNN"
    String.raw`(?:in|on|at|during|last|this|earlier|after|before|via|through|over|with|to)\s+(?:(?:a|an|the|its|his|her|their|this|last|a\s+joint)\s+)?` +
    String.raw`(?:[\p{L}\p{N}'’.-]+\s+){0,3}?` +
    String.raw`(?:statement|interview|conference|briefing|speech|letter|website|report|weekend|week|month|year|${WEEKDAYS.join('|')}|programme|program|meeting|summit|event|blog|post|tweet|email|note|document|filing|hearing|debate|session|address|radio|television|tv|night|morning|afternoon|evening|day|reporters|journalists|\d{1,2}|\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.-]*)*)${PART_OF_DAY}` +
    // "Tuesday", "Wednesday morning", "yesterday", "last week", "earlier this month"
    String.raw`|(?:(?:${CAPITALIZED_WEEKDAYS.join('|')})${PART_OF_DAY}|yesterday|today|tonight|(?:earlier|later|last|this)\s+(?:week|month|year|morning|evening))` +
    // "has said for months (that)": how long the speaker has been saying it, when the clause follows
    String.raw`|for\s+(?:days|weeks|months|years|decades|some\s+time|a\s+long\s+time)(?!\s*[,.;])` +
    String.raw`)\b`,
  'u',
);

/** Index just past any adjunct phrases that start at `from` (at most two: "in a statement on Monday"). */
export function skipAdjuncts(body: string, from: number, limit: number): number {
  let at = from;
  for (let i = 0; i < 2; i++) {
    const match = ADJUNCT.exec(body.slice(at, Math.min(limit, at + 120)));
    if (!match) break;
    at += match[0].length;
  }
  return at;
}

/** Words that show a clause (or another sentence part) has started: the "that" after them is not the cue's. */
const CLAUSE_BEFORE_THAT = /\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|did|does|do|who|which|what|said|says|told|so|such|than|because|if|whether)\b|["“”:;.!?]/i;
/** How far after a cue a "that" may stand behind a phrase the adjunct rule did not recognise. */
const MAX_BEFORE_THAT = 100;

/**
 * Index just past a "that" behind a phrase of the cue's ("stated of the scandal that", "told friends since
 * the spring, at fundraisers, that"): the phrase opens with a preposition or is the listener of an
 * object cue, and holds no verb or clause word. `from` itself when there is none.
 */
export function skipToThat(body: string, from: number, limit: number, opensWithPreposition: boolean): number {
  const window = body.slice(from, Math.min(limit, from + MAX_BEFORE_THAT));
  const match = /^(.*?)\bthat\b/s.exec(window);
  if (!match) return from;
  const phrase = match[1]!;
  if (CLAUSE_BEFORE_THAT.test(phrase) || phrase.trim() === '') return from;
  if (opensWithPreposition && !/^\s*,?\s*(?:of|in|on|at|during|after|before|from|with|via|through|over|to|since|about|last|this|earlier)\s/i.test(phrase)) return from;
  return from + match[0].length;
}

/** Index just past "that" when the clause is introduced by it (after optional white space). */
export function skipThat(body: string, from: number, limit: number): number {
  const match = /^\s*,?\s*that\b/.exec(body.slice(from, Math.min(limit, from + 20)));
  return match ? from + match[0].length : from;
}

/** The next non-space character after `from` opens a quotation: the statement is direct, not reported. */
export function opensQuote(body: string, from: number, limit: number): boolean {
  return /^\s*[,:]?\s*["“‘]/.test(body.slice(from, Math.min(limit, from + 8)));
}

/**
 * Shared walk of the reported-speech parsers: for every cue the parser accepts, find the speaker before
 * it and ask the parser where the reported clause starts; the clause runs to the sentence end.
 */
export function reportedSpeech(
  name: string,
  accepts: (cue: CueHit) => boolean,
  contentStart: (text: ArticleText, cue: CueHit, sentence: Sentence) => number | null,
  minWords = 3,
): StatementParser {
  return {
    name,
    extract(text) {
      const found: Candidate[] = [];
      for (const [sentence, cues] of sentenceCues(text)) {
        for (const cue of cues) {
          if (!accepts(cue)) continue;
          // the parser's own test first: it is cheap and rules out most cues
          const from = contentStart(text, cue, sentence);
          // a quotation right after the cue is direct speech, unless "that" makes it the reported clause
          if (from === null) continue;
          if (opensQuote(text.body, from, sentence.end) && !/\bthat\s*$/.test(text.body.slice(cue.end, from))) continue;
          const floor = speakerFloor(text, sentence, cue.start);
          // "... and added that ...", "..., saying ...": the subject is the sentence's, or else the previous
          // statement's, which a refiner carries over
          const elided = subjectLeftOut(text.body, floor, cue);
          const mention = elided ? leftOutSubject(text, sentence, cues, cue) : speakerBefore(text.body, floor, cue.start, cue.form);
          if (!mention && !elided) continue;
          const content = trimSpan(text.body, from, clauseEnd(text, sentence, from, cues));
          if (cues.some((next) => next.start > from && MESSAGE_ONLY.test(text.body.slice(from, next.start)))) continue;
          if (content.end - content.start > MAX_CONTENT || wordCount(text.body.slice(content.start, content.end)) < minWords) continue;
          found.push({
            kind: 'indirect',
            parser: name,
            parts: [content],
            start: elided || !mention ? cue.start : mention.start, // a subject borrowed from the sentence start is not this attribution's
            end: content.end,
            cue: cue.form,
            cueAt: cue.start,
            mention,
          });
        }
      }
      return found;
    },
  };
}
