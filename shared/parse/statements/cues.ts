import { CUE_ROWS, type LearnedFrame } from './cue-data.ts';

/**
 * The cue lexicon: every reporting verb the extractor knows, learned from annotated statements by
 * scripts/build-cues.ts (cue-data.ts holds each form with its count and speech share). Every construction
 * (`X said that`, `"...," X said`, `X said: "..."`, `..., X said.`) uses every verb here.
 *
 * frame says what follows the verb:
 *   clause — the reported clause itself, optionally after "that" (said, warned, claimed);
 *   object — a listener, then the clause (told the BBC that ...);
 *   rest   — everything after the verb is the content (accused Armenia of ..., described him as ...).
 * weak verbs (under WEAK_SHARE of their occurrences report speech: "call", "found") only count when a
 * clause with a finite verb follows.
 */
export type CueFrame = Exclude<LearnedFrame, 'source'>;

export interface CueVerb {
  forms: readonly string[];
  frame: CueFrame;
  weak?: boolean;
}

/**
 * Below this speech share (in thousandths) a verb is weak: it needs a finite clause after it. Verbs between
 * a fifth and 30% ("claim", "alleged", "charged", "warning") report speech with an object as often as with a
 * clause, so they are not weak.
 */
const WEAK_SHARE = 200;

/** US and British spellings of one verb ("criticized", "criticised"): the data is mostly American. */
const spellings = (form: string) => (/iz(?:e|ed|es|ing)\b/.test(form) ? [form, form.replace(/iz(e|ed|es|ing)\b/, 'is$1')] : [form]);

export const CUE_VERBS: readonly CueVerb[] = CUE_ROWS.flatMap(([form, frame, , , share]): CueVerb[] =>
  frame === 'source' ? [] : [{ forms: spellings(form), frame, ...(share < WEAK_SHARE ? { weak: true } : {}) }],
);

/** Source phrases that introduce a speaker rather than follow one ("according to"). */
export const ACCORDING_TO: readonly string[] = CUE_ROWS.filter(([, frame]) => frame === 'source').map(([form]) => form);

export interface CueInfo extends CueVerb {
  form: string;
}

const byForm = new Map<string, CueInfo>();
for (const verb of CUE_VERBS) for (const form of verb.forms) byForm.set(form, { ...verb, form });

/** Lexicon entry for a form ("said", "called on"), case-insensitive. */
export function cueInfo(form: string): CueInfo | undefined {
  return byForm.get(form.toLowerCase().replace(/\s+/g, ' '));
}

export interface CueMatch {
  start: number;
  end: number;
  info: CueInfo;
}

const NEXT_WORD = /^\s+([a-z]+)/;
/** First words of two-word cues ("called" of "called on"): only these need a look at the next word. */
const PAIR_STARTS = new Set([...byForm.keys()].filter((form) => form.includes(' ')).map((form) => form.split(' ')[0]!));
/**
 * A whole run of lower-case letters that is a cue form or starts a two-word one. One pattern for the lot
 * finds them at the speed of a word scan, without a map look-up for each of the body's words.
 */
const CANDIDATE = new RegExp(`(?<![a-z])(?:${[...new Set([...byForm.keys()].map((form) => form.split(' ')[0]!))].join('|')})(?![a-z])`, 'g');
const WORD_CHAR = /[\p{L}\p{N}'’-]/u;

/**
 * Every cue in body[from, to), in order: one pass of CANDIDATE (and a look at the next word for two-word
 * cues like "called on"). Capitalized words are never cues ("United States").
 */
export function findCues(body: string, from = 0, to = body.length): CueMatch[] {
  const found: CueMatch[] = [];
  const slice = body.slice(from, to);
  for (const match of slice.matchAll(CANDIDATE)) {
    const word = match[0];
    const single = byForm.get(word);
    const before = slice[match.index - 1];
    if (before !== undefined && WORD_CHAR.test(before)) continue; // the tail of a longer word
    const after = slice[match.index + word.length];
    if (after !== undefined && (WORD_CHAR.test(after) && after !== '’' && after !== "'")) continue;
    const start = from + match.index;
    if (PAIR_STARTS.has(word)) {
      const next = NEXT_WORD.exec(slice.slice(match.index + word.length, match.index + word.length + 12));
      const pair = next ? byForm.get(`${word} ${next[1]}`) : undefined;
      if (pair) {
        found.push({ start, end: start + word.length + next![0].length, info: pair });
        continue;
      }
    }
    if (single) found.push({ start, end: start + word.length, info: single });
  }
  return found;
}
