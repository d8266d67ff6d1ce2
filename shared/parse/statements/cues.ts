/**
 * The cue lexicon: every reporting verb the extractor knows, as data. Adding a verb here is all it takes
 * for every construction (`X said that`, `"...," X said`, `X said: "..."`, `..., X said.`) to use it.
 *
 * frame says what follows the verb:
 *   clause — the reported clause itself, optionally after "that" (said, warned, claimed);
 *   object — a listener, then the clause (told the BBC that ...);
 *   rest   — everything after the verb is the content (accused Armenia of ..., denied the claims).
 * weak verbs (believe, found, expect) also describe thinking or finding, so they only count when a
 * clause with a finite verb follows ("the CBI found output had risen", not "police found the body").
 */
export type CueFrame = 'clause' | 'object' | 'rest';

export interface CueVerb {
  forms: readonly string[];
  frame: CueFrame;
  weak?: boolean;
}

export const CUE_VERBS: readonly CueVerb[] = [
  { forms: ['said', 'says', 'say', 'saying'], frame: 'clause' },
  { forms: ['added', 'adds', 'add', 'adding'], frame: 'clause' },
  { forms: ['told', 'tells', 'tell', 'telling'], frame: 'object' },
  { forms: ['informed', 'assured', 'reminded', 'advised'], frame: 'object' },
  { forms: ['warned', 'warns', 'warn', 'warning'], frame: 'clause' },
  { forms: ['claimed', 'claims', 'claim', 'claiming'], frame: 'clause' },
  { forms: ['alleged', 'alleges', 'allege', 'alleging'], frame: 'clause' },
  { forms: ['asserted', 'asserts', 'assert'], frame: 'clause' },
  { forms: ['insisted', 'insists', 'insist'], frame: 'clause' },
  { forms: ['argued', 'argues', 'argue'], frame: 'clause' },
  { forms: ['explained', 'explains'], frame: 'clause' },
  { forms: ['stressed', 'stresses', 'emphasised', 'emphasized', 'emphasises', 'emphasizes'], frame: 'clause' },
  { forms: ['noted', 'notes', 'observed', 'remarked', 'commented'], frame: 'clause' },
  { forms: ['stated', 'states', 'declared', 'declares'], frame: 'clause' },
  { forms: ['maintained', 'maintains', 'contended', 'contends'], frame: 'clause' },
  { forms: ['admitted', 'admits', 'conceded', 'concedes', 'acknowledged', 'acknowledges'], frame: 'clause' },
  { forms: ['confirmed', 'confirms'], frame: 'clause' },
  { forms: ['announced', 'announces', 'announce'], frame: 'clause' },
  { forms: ['revealed', 'reveals', 'disclosed', 'discloses'], frame: 'clause' },
  { forms: ['reported', 'reports'], frame: 'clause' },
  { forms: ['suggested', 'suggests', 'hinted', 'hints', 'indicated', 'indicates'], frame: 'clause' },
  { forms: ['predicted', 'predicts', 'predicting', 'forecast', 'forecasts', 'estimated', 'estimates'], frame: 'clause' },
  { forms: ['complained', 'complains', 'boasted', 'boasts', 'joked', 'jokes'], frame: 'clause' },
  { forms: ['replied', 'responded', 'answered', 'retorted'], frame: 'clause' },
  { forms: ['wrote', 'writes', 'tweeted'], frame: 'clause' },
  { forms: ['concluded', 'concludes'], frame: 'clause', weak: true },
  { forms: ['accused', 'accuses', 'accuse', 'accusing'], frame: 'rest' },
  { forms: ['blamed', 'blames', 'blame', 'blaming'], frame: 'rest' },
  { forms: ['denied', 'denies', 'deny', 'denying'], frame: 'rest' },
  { forms: ['urged', 'urges', 'urge', 'urging'], frame: 'rest' },
  { forms: ['called on', 'calls on', 'called for', 'calls for'], frame: 'rest' },
  { forms: ['ruled out', 'rules out'], frame: 'rest' },
  { forms: ['promised', 'promises', 'pledged', 'pledges', 'vowed', 'vows'], frame: 'rest' },
  { forms: ['threatened', 'threatens', 'demanded', 'demands'], frame: 'rest' },
  { forms: ['criticised', 'criticized', 'condemned'], frame: 'rest' },
  { forms: ['believes', 'believe', 'believed'], frame: 'clause', weak: true },
  { forms: ['thinks', 'think', 'feels', 'feel', 'fears', 'fear', 'feared'], frame: 'clause', weak: true },
  { forms: ['expects', 'expect', 'expected', 'hopes', 'hope', 'hoped'], frame: 'clause', weak: true },
  { forms: ['found', 'finds', 'showed', 'shows'], frame: 'clause', weak: true },
];

/** Source phrases that introduce a speaker rather than follow one. */
export const ACCORDING_TO = ['according to'] as const;

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
