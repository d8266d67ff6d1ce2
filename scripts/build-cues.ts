/**
 * Learns the cue lexicon (shared/parse/statements/cue-data.ts) from annotated statements, so that the
 * reporting verbs the extractor knows, and what follows each of them, come from data with counts.
 *
 *   npx tsx scripts/build-cues.ts [--split DIR]... [--whole DIR]... [--out FILE]
 *
 * Each DIR holds `gold/*.json` (the statement reference format of ../shared/eval/score.mjs, with the cue as
 * written) and `articles/` (the texts they name). Defaults: --split the team's PolNeAR train corpus,
 * --whole the dev examples (which add British spellings and BBC habits to the US politics of PolNeAR).
 *
 * Held-back split of a --split corpus: a file whose SHA-1 of its base name (without extension) starts with
 * a byte divisible by 4 is held back (215 of PolNeAR's 840 files) and never read here, so that scoring that
 * quarter shows how the lexicon does on articles it was not learned from.
 *
 * For every cue form (a verb, or a verb and its particle: "called for", "pointed out") the script counts
 * how often annotators marked it as the cue of a statement (optional statements — beliefs, findings, plans
 * — do not count as speech) and how often the form occurs in lower case in the same articles; the ratio is
 * its speech share. The frame is read from the words between the cue and the statement's text: `source`
 * when the speaker follows the cue ("according to X"), `object` when a listener stands between cue and text
 * ("told reporters that"), `clause` when a finite clause follows (with or without "that"), `rest` when the
 * object phrase is part of what was said ("described him as", "accused X of").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface GoldStatement {
  cue?: string;
  speaker?: string;
  text: string;
  optional?: boolean;
}
interface GoldFile {
  article: string;
  statements: GoldStatement[];
}

import type { CueRow, LearnedFrame, SpeakerNounRow } from '../shared/parse/statements/cue-data.ts';

/**
 * A form is kept when annotators marked it this often ("quipped", "testified": twice in the training files
 * is evidence enough, since the share below must hold too) ...
 */
const MIN_COUNT = 2;
/** ... and at least this share of its lower-case occurrences are cues of speech. */
const MIN_SHARE = 0.1;
/** A speaker noun has no share to check ("over", "you" ended annotated speakers twice): it needs this many. */
const MIN_SPEAKER_NOUN_COUNT = 3;
/** Verbs mostly marked as beliefs or findings (optional statements) need more evidence. */
const MIN_BELIEF_COUNT = 10;
const MIN_BELIEF_SHARE = 0.25;

/** Words written before the verb of a cue ("has said", "also noted", "went on to say"). */
const LEADING = new Set([
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'also', 'later', 'now', 'first',
  'repeatedly', 'then', 'again', 'previously', 'once', 'had', 'went', 'on', 'to', 'publicly', 'further', 'recently',
  'did', 'does', 'do', 'just', 'still', 'reportedly', 'initially', 'originally', 'often', 'never',
]);
/** Particles that make a two-word cue ("called for", "pointed out", "called on"). */
const PARTICLES = new Set(['for', 'on', 'out', 'to', 'up', 'about', 'back', 'off', 'of', 'in']);
const WORD = /^[a-z][a-z'’-]*$/;
const ADVERB = /^[a-z]+ly$/;
const NEGATED = /n['’]t$/;
/** A preposition or time word opening the words between cue and text: an adjunct ("said on Sunday that"), not a listener. */
const ADJUNCT_START = /^(?:in|on|at|during|after|before|to|with|via|through|over|from|last|this|earlier|later|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|when|while|as|for|of|about|by)\b/;

export const isHeldBack = (file: string) => createHash('sha1').update(basename(file).replace(/\.[^.]+$/, '')).digest()[0]! % 4 === 0;

/** The cue's form: the verb with leading auxiliaries dropped, and its particle when one follows. */
export function cueForm(cue: string): string | null {
  const words = cue.toLowerCase().replace(/[^a-z'’\s-]/g, ' ').split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && (LEADING.has(words[i]!) || ADVERB.test(words[i]!))) i++;
  // "declined to say", "sought to reassure": the verb after "to" reports
  if (words[i + 1] === 'to' && words[i + 2]) i += 2;
  const verb = words[i];
  if (!verb || !WORD.test(verb) || LEADING.has(verb) || ADVERB.test(verb) || NEGATED.test(verb) || verb.length < 3) return null;
  const particle = words[i + 1];
  return particle && PARTICLES.has(particle) ? `${verb} ${particle}` : verb;
}

interface Tally {
  /** Statements of speech with this cue. */
  count: number;
  /** Optional statements (beliefs, findings, plans) with this cue. */
  optional: number;
  /** How the text follows the cue, per statement: "that", a listener first, a finite clause straight away. */
  that: number;
  object: number;
  finite: number;
  /** Straight after the verb without a finite verb: an object phrase ("described him as ..."). */
  plain: number;
  /** The speaker written right after the cue ("according to the report", "said Mr Smith"). */
  sourceAfter: number;
}

/** A finite verb among the first words of a statement's text: a clause, not an object phrase. */
const FINITE = /^(?:\S+\s+){0,7}?(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must|shall|did|does|do|won['’]t|can['’]t|isn['’]t|wasn['’]t|doesn['’]t|didn['’]t|aren['’]t|\w{3,}ed)\b|^(?:\S+\s+){0,5}?\S+['’](?:s|re|ll|d|ve)\b/i;

/** How the statement's text follows the cue: "that", a listener first, or straight after the verb. */
function tallyFrame(tally: Tally, article: string, form: string, text: string, speaker: string) {
  const at = article.indexOf(text.slice(0, 40));
  if (at < 0) return;
  const around = article.slice(Math.max(0, at - 200), Math.min(article.length, at + text.length + 200)).toLowerCase();
  const speakerAt = speaker.length > 1 ? around.indexOf(speaker.toLowerCase()) : -1;
  if (speakerAt >= 0 && /^[\s,]{0,2}$/.test(around.slice(Math.max(0, speakerAt - form.length - 2), speakerAt).replace(form, ''))) {
    const cueThere = around.lastIndexOf(form, speakerAt);
    if (cueThere >= 0 && speakerAt - cueThere - form.length <= 2) tally.sourceAfter++;
  }
  const before = article.slice(Math.max(0, at - 120), at).toLowerCase();
  const cueAt = before.lastIndexOf(form);
  if (cueAt < 0) return;
  const gap = before.slice(cueAt + form.length).replace(/[,:"“”]/g, ' ').replace(/\s+/g, ' ').trim();
  if (gap !== '' && gap !== 'that' && !ADJUNCT_START.test(gap)) {
    if (gap.split(/\s+/).length <= 5) tally.object++;
  } else if (gap === 'that' || /^that\b/i.test(text)) {
    tally.that++;
  } else if (FINITE.test(text)) {
    tally.finite++;
  } else {
    tally.plain++;
  }
}

function occurrences(text: string, form: string): number {
  let count = 0;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + form.length)) {
    const before = text[at - 1];
    const after = text[at + form.length];
    if ((before === undefined || !/[\p{L}'’-]/u.test(before)) && (after === undefined || !/[\p{L}-]/u.test(after))) count++;
  }
  return count;
}

const emptyTally = (): Tally => ({ count: 0, optional: 0, that: 0, object: 0, finite: 0, plain: 0, sourceAfter: 0 });
function add(into: Tally, from: Tally) {
  for (const key of Object.keys(into) as (keyof Tally)[]) into[key] += from[key];
}

export function learnCues(corpora: { dir: string; split: boolean }[]): CueRow[] {
  const tallies = new Map<string, Tally>();
  const texts: string[] = [];
  for (const { dir: corpus, split } of corpora) {
    for (const file of readdirSync(join(corpus, 'gold')).filter((f) => f.endsWith('.json')).sort()) {
      if (split && isHeldBack(file)) continue;
      const gold = JSON.parse(readFileSync(join(corpus, 'gold', file), 'utf8')) as GoldFile;
      const article = readFileSync(join(corpus, 'articles', gold.article), 'utf8');
      texts.push(article);
      for (const statement of gold.statements) {
        const form = statement.cue ? cueForm(statement.cue) : null;
        if (!form) continue;
        const tally = tallies.get(form) ?? emptyTally();
        if (statement.optional) {
          tally.optional++;
        } else {
          tally.count++;
          tallyFrame(tally, article, form, statement.text, statement.speaker ?? '');
        }
        tallies.set(form, tally);
      }
    }
  }
  // case-sensitive on purpose: a capitalized form opens a sentence or a name, which the extractor never reads as a cue
  const seen = new Map<string, number>();
  const seenOf = (form: string) => {
    let n = seen.get(form);
    if (n === undefined) seen.set(form, (n = texts.reduce((sum, text) => sum + occurrences(text, form), 0)));
    return n;
  };
  const share = (form: string, tally: Tally) => tally.count / Math.max(1, seenOf(form));
  // a verb and particle stand as one cue only where the particle makes speech likelier than the verb alone
  // ("pointed out", "calls for"); otherwise ("said on Sunday") they count for the verb
  for (const [form, tally] of [...tallies]) {
    const [verb, particle] = form.split(' ');
    if (!particle) continue;
    const alone = tallies.get(verb!);
    if (alone && alone.count >= MIN_COUNT && share(form, tally) < share(verb!, alone)) {
      add(alone, tally);
      tallies.delete(form);
    }
  }
  const kept = (form: string, tally: Tally) => {
    // verbs of belief and finding ("found", "believe") are kept when annotators mark them often: the
    // extractor treats any verb under its weak share as one that needs a finite clause after it
    const attributions = (tally.count + tally.optional) / Math.max(1, seenOf(form));
    const often = tally.count >= MIN_COUNT && share(form, tally) >= MIN_SHARE;
    const beliefOften = tally.count + tally.optional >= MIN_BELIEF_COUNT && attributions >= MIN_BELIEF_SHARE;
    return often || beliefOften;
  };
  // a rare form of a verb whose other forms are kept ("defends" beside "defended") is kept too, with the
  // frame of the whole verb, when its own occurrences are as often speech as a kept form's must be
  const verbs = new Map<string, Tally>();
  const keptVerbs = new Set<string>();
  for (const [form, tally] of tallies) {
    const verb = verbKey(form);
    const whole = verbs.get(verb) ?? emptyTally();
    add(whole, tally);
    verbs.set(verb, whole);
    if (kept(form, tally)) keptVerbs.add(verb);
  }
  const rows: CueRow[] = [];
  for (const [form, tally] of tallies) {
    const verb = verbKey(form);
    const rare = !kept(form, tally) && keptVerbs.has(verb) && tally.count > 0 && share(form, tally) >= MIN_SHARE && REGULAR_FORM.test(form);
    if (!kept(form, tally) && !rare) continue;
    const framed = rare ? verbs.get(verb)! : tally;
    const clause = framed.that + framed.finite;
    const placed = clause + framed.object + framed.plain;
    const frame: LearnedFrame = framed.sourceAfter / framed.count >= 0.5 ? 'source'
      : placed === 0 ? 'clause'
      : framed.object / placed >= 0.4 ? 'object'
      : clause / (clause + framed.plain) >= 0.5 ? 'clause' : 'rest';
    if (process.env.DEBUG_CUES?.split(',').includes(form)) process.stderr.write(`${form} ${JSON.stringify(tally)}\n`);
    rows.push([form, frame, tally.count, tally.optional, Math.round(Math.min(1, share(form, tally)) * 1000)]);
  }
  return rows.sort((a, b) => b[2] - a[2] || b[3] - a[3] || a[0].localeCompare(b[0]));
}

/** A regular verb form of four letters or more: the rare forms taken on the strength of their verb. */
const REGULAR_FORM = /^[a-z]{4,}(?: [a-z]+)?$/;

/**
 * The stem that regular forms of one verb share: "defend", "defends", "defended", "defending" → "defend";
 * "stress", "stresses", "stressed" → "stres"; "denies", "denied" → "deni". A particle stays ("points to").
 */
export function verbKey(form: string): string {
  const [verb, particle] = form.split(' ');
  const stem = verb!.replace(/ie[sd]$/, 'i').replace(/(?:ing|ed|es|s|e)$/, '').replace(/(.)\1$/, '$1');
  return particle ? `${stem} ${particle}` : stem;
}

/** Words that open a speaker described rather than named ("the campaign", "a senior official"). */
const DESCRIBED = /^(?:the|a|an|some|many|several|most|other|two|three|his|her|their|its)\s/i;
const LOWER_NOUN = /^[a-z][a-z-]+$/;
/** A described speaker has at most this many words. */
const MAX_DESCRIBED_WORDS = 5;

/**
 * Head nouns of speakers the annotators found described rather than named ("the billionaire businessman",
 * "the campaign", "some strategists"), with their counts: the extractor takes a phrase ending in one as a
 * speaker kept as written.
 */
export function learnSpeakerNouns(corpora: { dir: string; split: boolean }[]): SpeakerNounRow[] {
  const counts = new Map<string, number>();
  for (const { dir, split } of corpora) {
    for (const file of readdirSync(join(dir, 'gold')).filter((f) => f.endsWith('.json')).sort()) {
      if (split && isHeldBack(file)) continue;
      const gold = JSON.parse(readFileSync(join(dir, 'gold', file), 'utf8')) as GoldFile;
      for (const statement of gold.statements) {
        const speaker = (statement.speaker ?? '').trim().replace(/[,.]$/, '');
        const words = speaker.split(/\s+/);
        if (statement.optional || !DESCRIBED.test(speaker) || words.length < 2 || words.length > MAX_DESCRIBED_WORDS) continue;
        const head = words[words.length - 1]!;
        if (LOWER_NOUN.test(head)) counts.set(head, (counts.get(head) ?? 0) + 1);
      }
    }
  }
  return [...counts].filter(([, count]) => count >= MIN_SPEAKER_NOUN_COUNT).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function renderCueData(rows: CueRow[], nouns: SpeakerNounRow[]): string {
  return [
    '// Generated by scripts/build-cues.ts from annotated statements: do not edit by hand.',
    '',
    "export type LearnedFrame = 'clause' | 'object' | 'rest' | 'source';",
    '/** [form, frame, times annotated as the cue of speech, times as the cue of a belief or finding, speech share in thousandths] */',
    'export type CueRow = [form: string, frame: LearnedFrame, speech: number, optional: number, share: number];',
    '',
    '/** Most frequent first. */',
    'export const CUE_ROWS: CueRow[] = [',
    ...rows.map((row) => `  ${JSON.stringify(row)},`),
    '];',
    '',
    '/** [head noun, times a described speaker ended with it], most frequent first. */',
    'export type SpeakerNounRow = [noun: string, count: number];',
    'export const SPEAKER_NOUN_ROWS: SpeakerNounRow[] = [',
    ...nouns.map((row) => `  ${JSON.stringify(row)},`),
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const given = (flag: string) => args.flatMap((arg, i) => (args[i - 1] === flag ? [arg] : []));
  const team = fileURLToPath(new URL('../../shared/', import.meta.url));
  const split = given('--split');
  const whole = given('--whole');
  const corpora = split.length || whole.length
    ? [...split.map((dir) => ({ dir, split: true })), ...whole.map((dir) => ({ dir, split: false }))]
    : [{ dir: join(team, 'corpus/polnear-train'), split: true }, { dir: join(team, 'examples'), split: false }];
  const outIndex = args.indexOf('--out');
  const target = outIndex >= 0 ? args[outIndex + 1]! : fileURLToPath(new URL('../shared/parse/statements/cue-data.ts', import.meta.url));
  const rows = learnCues(corpora);
  const nouns = learnSpeakerNouns(corpora);
  writeFileSync(target, renderCueData(rows, nouns));
  process.stdout.write(`wrote ${rows.length} cue forms and ${nouns.length} speaker nouns to ${target}\n`);
}
