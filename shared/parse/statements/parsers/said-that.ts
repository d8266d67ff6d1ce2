import { reportedSpeech, skipAdjuncts, skipThat } from './reporting.ts';

/**
 * Words that show "said" is not followed by a reported clause: "said to be", "said nothing", "said of",
 * an adjunct the adjunct rule did not recognise ("said in the capital, Maseru"), a participle ("said,
 * referring to ...").
 */
const NOT_A_CLAUSE = /^(?:to|so|nothing|goodbye|yes|no|sorry|hello|of|about|by|with|for|from|as|and|but|or|than|little|much|anything|something|thanks?|farewell|in|on|at|during|\p{L}+ing)(?=[\s,.;:!?]|$)/iu;

/** `X said (that) CLAUSE`, `X has warned that ...`, `X said in a statement it would ...`. */
export const saidThat = reportedSpeech(
  'said-that',
  (cue) => cue.info.frame === 'clause' && !cue.info.weak,
  (text, cue, sentence) => {
    const body = text.body;
    let at = skipAdjuncts(body, cue.end, sentence.end);
    if (/^[^,;.!?"“”]{0,80}:/.test(body.slice(at, Math.min(sentence.end, at + 90)))) return null; // colon cue
    const afterThat = skipThat(body, at, sentence.end);
    if (afterThat > at) return afterThat;
    const comma = /^\s*,\s*/.exec(body.slice(at, at + 8));
    if (comma) at += comma[0].length;
    if (NOT_A_CLAUSE.test(body.slice(at, at + 40).trimStart())) return null;
    return at;
  },
);
