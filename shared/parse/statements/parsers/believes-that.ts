import { reportedSpeech, skipAdjuncts, skipThat } from './reporting.ts';

const EXPLETIVE = /\b(?:it|there)\s+(?:\p{Ll}+\s+)?$/iu;
const INFINITIVE = /^\s+to\s+\p{Ll}/u;
/** A subject of at most six words, then a finite verb: the clause a belief or finding reports. */
const FINITE = /^\s*(?:[\p{L}\p{N}'’.-]+,?\s+){1,6}?(?:is|are|was|were|had|has|have|will|would|could|can|may|might|should|must|did|does|do)\b/u;

/**
 * `X believes (that) ...`, `the survey found ...`: verbs of thinking and finding report a statement only
 * when a clause follows, shown by "that" or a short subject and a finite verb ("found output had risen", not "found the body").
 */
export const believesThat = reportedSpeech(
  'believes-that',
  (cue) => cue.info.weak === true,
  (text, cue, sentence) => {
    const body = text.body;
    if (EXPLETIVE.test(body.slice(Math.max(sentence.start, cue.start - 12), cue.start))) return null; // "it appeared", "it seems"
    if (INFINITIVE.test(body.slice(cue.end, cue.end + 20))) return null; // "refused to say whether ..."
    const at = skipAdjuncts(body, cue.end, sentence.end);
    const afterThat = skipThat(body, at, sentence.end);
    if (afterThat > at) return afterThat;
    const opening = body.slice(at, Math.min(sentence.end, at + 100));
    if (/^\s*(?:to|for|in|on|at|with|about|of|by|it\s+\w+\s+to|\w+ly)\b/.test(opening)) return null; // "expected to", "hoped for", "found it hard to"
    return FINITE.test(opening) ? at : null;
  },
);
