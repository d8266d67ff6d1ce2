import { reportedSpeech } from './reporting.ts';

/**
 * `X told reporters: CLAUSE`, `X said in a statement: CLAUSE` without quotation marks. With quotation
 * marks the statement is direct and speaker-then-quote takes it.
 */
export const colonCue = reportedSpeech(
  'colon-cue',
  (cue) => cue.info.frame !== 'rest',
  (text, cue, sentence) => {
    const match = /^[^,;.!?"“”:]{0,80}:/.exec(text.body.slice(cue.end, Math.min(sentence.end, cue.end + 90)));
    return match ? cue.end + match[0].length : null;
  },
);
