import { hashString } from './hash.ts';
import { bandKeys } from './lsh.ts';
import { minHash } from './minhash.ts';
import { normalizeForEcho } from './normalize.ts';
import { shingles } from './shingles.ts';
import { MAX_KEYED_SENTENCES, MIN_SENTENCE_WORDS, SENTENCE_END } from './fingerprint.ts';

/**
 * Band keys of the whole text a statement is filed under. Each stored key is an item (a write unit), so the
 * store files fewer than echoFingerprint's 32: with 16 bands of 4
 * rows a pair meets with probability 1 − (1 − J⁴)¹⁶, 0.89 at Jaccard 0.6 and 0.9998 at 0.84 (the mean
 * similarity of a copy with one word dropped), and a copy that cut a sentence meets on that sentence's key.
 * Every member of a cluster files its keys, so an echo meets the cluster through whichever member it is closest to.
 * On the BBC corpus (scripts/echo-keys.ts: 13,917 statements) these are 17.2 keys a statement against 42.2,
 * and the pairs of one speaker's statements in different articles that share one hold 1,445 of the 1,460
 * echoes the full fingerprint's keys find (99%), and no echo the full keys miss.
 */
export const STORED_BANDS = 16;

/**
 * The keys a statement is looked up and filed under: STORED_BANDS band keys of its whole text, and one key
 * per opening sentence of MIN_SENTENCE_WORDS or more (a one-sentence statement's too), its normalized words'
 * hash. A copy that cut a sentence keeps its other sentences whole, so their keys are the same; two sentences
 * equal once normalized are the same words, where band keys would only find them likely similar. A text with no words
 * has no keys.
 */
export function clusterKeys(text: string): string[] {
  const normalized = normalizeForEcho(text);
  if (normalized === '') return [];
  const keys = bandKeys(minHash(shingles(normalized))).slice(0, STORED_BANDS);
  for (const sentence of text.split(SENTENCE_END).slice(0, MAX_KEYED_SENTENCES)) {
    const words = normalizeForEcho(sentence);
    if (words.split(' ').length >= MIN_SENTENCE_WORDS) keys.push(`s.${hashString(words).toString(36)}`);
  }
  return [...new Set(keys)];
}
