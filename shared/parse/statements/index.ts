import { slugId } from '../../model/ids.ts';
import type { Statement, StatementEntity } from '../../model/statement.ts';
import { entitiesInText } from '../entities/in-text.ts';
import { accordingTo } from './parsers/according-to.ts';
import { accusedOf } from './parsers/accused-of.ts';
import { askedQuestion } from './parsers/asked-question.ts';
import { believesThat } from './parsers/believes-that.ts';
import { clauseThenSpeaker } from './parsers/clause-then-speaker.ts';
import { colonCue } from './parsers/colon-cue.ts';
import { interjected } from './parsers/interjected.ts';
import { nameColon } from './parsers/name-colon.ts';
import { quoteThenSpeaker } from './parsers/quote-then-speaker.ts';
import { saidThat } from './parsers/said-that.ts';
import { speakerThenQuote } from './parsers/speaker-then-quote.ts';
import { toldThat } from './parsers/told-that.ts';
import { transcriptTurn } from './parsers/transcript-turn.ts';
import { unattributedQuote } from './parsers/unattributed-quote.ts';
import { carrySpeaker } from './refiners/carry-speaker.ts';
import { dropNonStatements } from './refiners/drop-non-statements.ts';
import { dropOverlaps } from './refiners/drop-overlaps.ts';
import { mergeSplitQuotes } from './refiners/merge-split-quotes.ts';
import { resolveSpeakers } from './refiners/resolve-speakers.ts';
import { MAX_SENTENCE } from './limits.ts';
import { type ArticleText, prepareText } from './text/document.ts';
import type { Candidate, StatementContext, StatementParser, StatementRefiner } from './types.ts';

export type { StatementContext } from './types.ts';

/**
 * The configuration, chrono-style: an ordered list of parsers (one construction each; earlier ones win
 * when two find the same statement) and an ordered list of refiners (one pass each).
 */
export const PARSERS: readonly StatementParser[] = [
  speakerThenQuote,
  quoteThenSpeaker,
  colonCue,
  nameColon,
  transcriptTurn,
  interjected,
  saidThat,
  toldThat,
  accusedOf,
  believesThat,
  clauseThenSpeaker,
  accordingTo,
  askedQuestion,
  unattributedQuote,
];

export const REFINERS: readonly StatementRefiner[] = [
  dropOverlaps,
  mergeSplitQuotes,
  dropNonStatements,
  resolveSpeakers,
  carrySpeaker,
];

/** Direct and reported statements in an article body, with speakers resolved and the entities each names. */
export function extractStatements(body: string, context: StatementContext = {}): Statement[] {
  const text = prepareText(body);
  let candidates = PARSERS.flatMap((parser) => parser.extract(text));
  for (const refiner of REFINERS) candidates = refiner.refine(text, candidates, context);
  return toStatements(text, candidates, entitiesInText(context.entities ?? []));
}

const QUOTE_MARKS = /["“”„«»]/g;

function toStatements(text: ArticleText, candidates: Candidate[], entitiesIn: (words: string) => StatementEntity[]): Statement[] {
  const { body } = text;
  const aliases = new Map<string, Set<string>>();
  for (const candidate of candidates) {
    const { speaker, mention } = candidate;
    if (!speaker || !mention || mention.form === 'pronoun' || mention.text === speaker.name) continue;
    const set = aliases.get(speaker.name) ?? new Set<string>();
    set.add(mention.text);
    aliases.set(speaker.name, set);
  }
  return candidates
    .filter((candidate) => candidate.speaker)
    .sort((a, b) => a.start - b.start)
    .map((candidate) => {
      const speaker = candidate.speaker!;
      const words = candidate.parts.map((part) => body.slice(part.start, part.end)).join(' ');
      const first = text.sentenceAt(candidate.start);
      const last = text.sentenceAt(Math.max(candidate.start, candidate.end - 1));
      const sentenceStart = Math.min(first?.start ?? candidate.start, candidate.start);
      const sentenceEnd = Math.max(last?.end ?? candidate.end, candidate.end);
      const sentence = sentenceEnd - sentenceStart <= MAX_SENTENCE ? body.slice(sentenceStart, sentenceEnd) : body.slice(candidate.start, Math.min(candidate.end, candidate.start + MAX_SENTENCE));
      const statementText = candidate.kind === 'indirect' ? words.replace(QUOTE_MARKS, '') : words;
      return {
        kind: candidate.kind,
        text: statementText,
        cue: candidate.cue,
        speaker: {
          id: slugId(speaker.name),
          name: speaker.name,
          type: speaker.type,
          title: speaker.title,
          aliases: [...(aliases.get(speaker.name) ?? [])],
        },
        start: candidate.start,
        end: candidate.end,
        paragraph: text.paragraphAt(candidate.start),
        sentence,
        entities: entitiesIn(statementText),
      };
    });
}
