import { reportedSpeech, skipAdjuncts, skipThat, skipToThat } from './reporting.ts';

/**
 * Words that show "said" is not followed by a reported clause: "said to be", "said nothing", "said of",
 * an adjunct the adjunct rule did not recognise ("said in the capital, Maseru"); "at least" and "about half" open a
 * clause's subject.
 */
const NOT_A_CLAUSE = /^(?:to|so|goodbye|yes|sorry|hello|of|about(?!\s+(?:half|a\s+(?:third|quarter|dozen)|\p{N}))|by|with|for|from|as|and|but|or|than|thanks?|farewell|in|on|at(?!\s+(?:least|most)\b)|during|after|before|following)(?=[\s,.;:!?]|$)|^no(?=[,.;:!?]|\s+to\b|$)/iu;
/** After a comma, a participle continues the attribution ("said, referring to ..."). */
const PARTICIPLE = /^\p{L}+ing\b/u;

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
    const afterPhrase = skipToThat(body, at, sentence.end, true);
    if (afterPhrase > at) return afterPhrase;
    const comma = /^\s*,\s*/.exec(body.slice(at, at + 8));
    if (comma) {
      at += comma[0].length;
      if (PARTICIPLE.test(body.slice(at, at + 30))) return null;
    }
    if (NOT_A_CLAUSE.test(body.slice(at, at + 40).trimStart())) return null;
    return at;
  },
  2,
);
