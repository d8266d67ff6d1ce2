import { reportedSpeech, skipThat } from './reporting.ts';

/**
 * `X accused Y of Z`, `X blamed Y on Z`, `X denied ...`, `X called on Y to ...`: the words after the
 * verb are the content, object included (as the annotation guide keeps "Armenia of violating ...").
 */
export const accusedOf = reportedSpeech(
  'accused-of',
  (cue) => cue.info.frame === 'rest' && !cue.info.weak,
  (text, cue, sentence) => skipThat(text.body, cue.end, sentence.end),
  // "called him divisive", "calling them rapists": an object and its description are content enough
  2,
);
