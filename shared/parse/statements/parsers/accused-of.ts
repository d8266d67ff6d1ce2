import { reportedSpeech, skipAdjuncts, skipThat } from './reporting.ts';

/**
 * "charged in her now-infamous assault", "testified voluntarily in 1998", "criticized by the governor": a
 * preposition of place, time or agent (or an adverb and one) right after the verb, where its object would
 * stand, says where or when it was said, or that the verb is passive: what follows is no content of the verb's.
 */
const NO_OBJECT = /^\s+(?:\p{Ll}+ly\s+)?(?:in|at|during|by|before|after)\b/u;

/**
 * `X accused Y of Z`, `X blamed Y on Z`, `X denied ...`, `X called on Y to ...`: the words after the
 * verb are the content, object included (as the annotation guide keeps "Armenia of violating ...").
 */
export const accusedOf = reportedSpeech(
  'accused-of',
  (cue) => cue.info.frame === 'rest' && !cue.info.weak,
  (text, cue, sentence) => {
    const { body } = text;
    // "denied at a news conference that ...", "denied on Tuesday that ...": a phrase of where or when it was
    // said, then the clause; the adjunct is neither the verb's object nor a sign that it has none
    const at = skipAdjuncts(body, cue.end, sentence.end);
    const afterThat = skipThat(body, at, sentence.end);
    if (afterThat > at) return afterThat;
    return NO_OBJECT.test(body.slice(cue.end, cue.end + 30)) ? null : skipThat(body, cue.end, sentence.end);
  },
  // "called him divisive", "calling them rapists": an object and its description are content enough
  2,
);
