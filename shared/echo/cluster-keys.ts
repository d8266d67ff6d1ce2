import { hashString } from './hash.ts';
import { bandKeys } from './lsh.ts';
import { minHash } from './minhash.ts';
import { normalizeForEcho } from './normalize.ts';
import { shingles } from './shingles.ts';
import { MAX_KEYED_SENTENCES, MIN_SENTENCE_WORDS, SENTENCE_END } from './fingerprint.ts';
import { contentWords, MIN_SHARED_CONTENT_WORDS } from './relation.ts';

/**
 * Band keys of the whole text a statement is filed under. Each stored key is an item (a write unit), so the
 * store files 8 of echoFingerprint's 32: alone they find a pair with probability 1 − (1 − J⁴)⁸, 0.996 at
 * Jaccard 0.84 (the mean similarity of a copy with one word dropped), but a copy also meets on its sentences'
 * keys and its content words' (below), and every member of a cluster files its keys, so an echo meets the
 * cluster through whichever member it is closest to. Measured on the BBC corpus (scripts/echo-keys.ts: 13,917
 * statements), with all the keys of clusterKeys:
 *
 *   word-pair bands   keys a statement   echoes of the full fingerprint's 1,460 found   echoes found in all
 *        16                20.9                        1,456                               1,489
 *         8                12.9                        1,449                               1,482
 *
 * 8 bands give up 7 echoes in 1,489 for 38% fewer keys (about 50 write units an article on that corpus).
 */
export const STORED_BANDS = 8;

/**
 * Bands of 2 rows over the content words alone (single words, not pairs): reported speech changes pronouns and
 * tenses, which breaks most word pairs, but keeps the content words a paraphrase is told by (relation.ts). A
 * pair meets with probability 1 − (1 − J²)⁴: 0.99 at a content-word Jaccard of 0.8, 0.68 at 0.5, 0.32 at 0.3;
 * what meets by chance costs a comparison, not a write.
 */
export const CONTENT_BANDS = 4;
const CONTENT_ROWS = 2;

/**
 * The keys a statement is looked up and filed under: STORED_BANDS band keys of its whole text, CONTENT_BANDS
 * of its content words (when it has as many as a paraphrase must share), and one key per opening sentence of
 * MIN_SENTENCE_WORDS or more (a one-sentence statement's too), its normalized words' hash. A copy that cut a
 * sentence keeps its other sentences whole, so their keys are the same; two sentences equal once normalized
 * are the same words, where band keys would only find them likely similar. A text with no words has no keys.
 */
export function clusterKeys(text: string): string[] {
  const normalized = normalizeForEcho(text);
  if (normalized === '') return [];
  const keys = bandKeys(minHash(shingles(normalized))).slice(0, STORED_BANDS);
  const content = contentWords(normalized);
  if (content.size >= MIN_SHARED_CONTENT_WORDS) {
    const signature = minHash(content);
    for (let band = 0; band < CONTENT_BANDS; band++) {
      const rows = signature.subarray(band * CONTENT_ROWS, (band + 1) * CONTENT_ROWS);
      keys.push(`w${band}.${hashString(rows.join(',')).toString(36)}`);
    }
  }
  for (const sentence of text.split(SENTENCE_END).slice(0, MAX_KEYED_SENTENCES)) {
    const words = normalizeForEcho(sentence);
    if (words.split(' ').length >= MIN_SENTENCE_WORDS) keys.push(`s.${hashString(words).toString(36)}`);
  }
  return [...new Set(keys)];
}
