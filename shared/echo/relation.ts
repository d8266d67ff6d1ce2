import type { StatementKind } from '../model/statement.ts';
import { normalizeForEcho } from './normalize.ts';
import { jaccard, overlapOfSmaller, sharedCount, shingles } from './shingles.ts';

export type EchoRelation = 'copy' | 'near-copy' | 'paraphrase';

export interface EchoSide {
  kind: StatementKind;
  text: string;
}

/*
 * Thresholds, measured on the cross-article pairs of statements by the same speaker in the BBC corpus.
 * Near-copy: the LSH is tuned to find pairs from Jaccard 0.5; the pairs it finds there were echoes in a
 * sample of 25 (a dropped "However", "tyres"/"tires", a quote with its last sentence cut). Containment (the
 * share of the shorter text's word pairs the longer one has: overlapOfSmaller) catches the cut copy whose
 * Jaccard falls lower ("the pair had mutual animosity and contempt" in a longer report): 4 word pairs at
 * least, since "to play his part" is in too many sentences to mean one.
 */
export const NEAR_COPY_JACCARD = 0.5;
export const NEAR_COPY_CONTAINMENT = 0.8;
export const MIN_CONTAINED_SHINGLES = 4;
/*
 * Paraphrase: an indirect statement changes pronouns and tenses, so word pairs break; what stays is the
 * content words. Counting every word, 207 pairs passed at 0.6, most of them unrelated ("its record on the NHS"
 * inside a long quote, through "its", "on", "the"); counting content words, with at least 4 shared, 78 pass,
 * 12 or 13 of a sample of 15 the same report ("90% of PCs are infested…" / "90% of Windows machines have…").
 */
export const PARAPHRASE_CONTENT_WORDS = 0.6;
export const MIN_SHARED_CONTENT_WORDS = 4;

const FUNCTION_WORDS = new Set(
  ('a an the and or but if of to in on at by for with from as into about than that this these those it its s t is are ' +
    'was were be been being has have had do does did will would shall should can could may might must not no so too ' +
    'very he she they we i you his her their our my your him them us me who which what when where there here then also just').split(' '),
);

/**
 * How two statements' words relate: 'copy' (the same words once normalized), 'near-copy' (most word pairs
 * shared, or one a cut copy of the other), 'paraphrase' (one side indirect, most content words of the shorter
 * in the longer), or null. Which speaker said them is the caller's to compare.
 */
export function echoRelation(a: EchoSide, b: EchoSide): EchoRelation | null {
  const normalizedA = normalizeForEcho(a.text);
  const normalizedB = normalizeForEcho(b.text);
  if (normalizedA === normalizedB) return normalizedA === '' ? null : 'copy';
  const pairsA = shingles(normalizedA);
  const pairsB = shingles(normalizedB);
  if (jaccard(pairsA, pairsB) >= NEAR_COPY_JACCARD) return 'near-copy';
  if (Math.min(pairsA.size, pairsB.size) >= MIN_CONTAINED_SHINGLES && overlapOfSmaller(pairsA, pairsB) >= NEAR_COPY_CONTAINMENT) return 'near-copy';
  if (a.kind === 'direct' && b.kind === 'direct') return null;
  const wordsA = contentWords(normalizedA);
  const wordsB = contentWords(normalizedB);
  const paraphrased = sharedCount(wordsA, wordsB) >= MIN_SHARED_CONTENT_WORDS && overlapOfSmaller(wordsA, wordsB) >= PARAPHRASE_CONTENT_WORDS;
  return paraphrased ? 'paraphrase' : null;
}

/** The words that carry a statement's content: what a paraphrase keeps when pronouns and tenses change. */
export function contentWords(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((word) => !FUNCTION_WORDS.has(word)));
}
