import { hashString } from './hash.ts';
import { bandKeys } from './lsh.ts';
import { minHash } from './minhash.ts';
import { normalizeForEcho } from './normalize.ts';
import { shingles } from './shingles.ts';
import { MAX_KEYED_SENTENCES, MIN_SENTENCE_WORDS, SENTENCE_END } from './fingerprint.ts';
import { contentWords, MIN_SHARED_CONTENT_WORDS } from './relation.ts';

/**
 * Which keys a statement is filed under. Each stored key is an item (a write unit, and a consistent read unit
 * each time a statement looks its keys up), so the layout is chosen by what it finds per key.
 */
export interface KeyLayout {
  /** Bands of 4 rows over the whole text's word pairs (lsh.ts), as echoFingerprint keys it. */
  wordPairBands: number;
  /** Bands of 2 rows over the content words alone. */
  contentBands: number;
}

/**
 * Measured with scripts/echo-keys.ts, which stores each corpus's statements one article after another as the
 * store does (a statement joins the closest cluster its keys lead to) and counts the confirmed echo pairs
 * (same speaker, different articles, echoRelation) that end in one cluster:
 *
 *   word-pair   content   BBC (2,225 articles)            PolNeAR (840 articles)
 *     bands      bands    keys an article  pairs of 1,531  keys an article  pairs of 145
 *       8          4           72.8          1,478            153.3            126
 *       4          4           50.2          1,474            104.8            125
 *       0          4           27.7          1,470             57.1            124
 *       0          6           38.1          1,482             78.5            128
 *
 * Content-word bands find nearly all that word-pair bands find (a near-copy keeps its content words too; on
 * BBC the old layout puts 12 pairs together that this one misses, against 16 the other way) and the
 * paraphrases they miss, so six of them find more echoes than eight word-pair bands and four content bands
 * did, for half the keys.
 *
 * Keys w0–w3 and the sentence hashes are those the earlier layout filed (a test pins them), so a statement
 * stored under it is still found through them. Not through its word-pair bands: a short statement that had
 * no other key is met only by an exact copy (through the founding id), and an old cluster lacks w4–w5, until
 * its articles are stored again (a re-upload, or the reprocess that follows the next parser version).
 */
export const STORED_LAYOUT: KeyLayout = { wordPairBands: 0, contentBands: 6 };

/**
 * A content band of 2 rows: a pair meets on one with probability 1 − (1 − J²)⁶ at content-word Jaccard J:
 * 0.998 at 0.8, 0.82 at 0.5, 0.43 at 0.3. What meets by chance costs a comparison, not a write.
 */
const CONTENT_ROWS = 2;

/**
 * The keys a statement is looked up and filed under: the layout's band keys of its whole text, its content-word
 * bands (when it has as many content words as a paraphrase must share), and one key per opening sentence of
 * MIN_SENTENCE_WORDS or more (a one-sentence statement's too), its normalized words' hash: a copy that cut a
 * sentence keeps its other sentences whole. A statement with none of those (a short one: "We will win.") is
 * filed under its whole words' hash, so an exact copy still meets it. A text with no words has no keys.
 */
export function clusterKeys(text: string, layout: KeyLayout = STORED_LAYOUT): string[] {
  const normalized = normalizeForEcho(text);
  if (normalized === '') return [];
  const keys = layout.wordPairBands > 0 ? bandKeys(minHash(shingles(normalized))).slice(0, layout.wordPairBands) : [];
  const content = contentWords(normalized);
  if (content.size >= MIN_SHARED_CONTENT_WORDS) {
    const signature = minHash(content);
    for (let band = 0; band < layout.contentBands; band++) {
      const rows = signature.subarray(band * CONTENT_ROWS, (band + 1) * CONTENT_ROWS);
      keys.push(`w${band}.${hashString(rows.join(',')).toString(36)}`);
    }
  }
  for (const sentence of text.split(SENTENCE_END).slice(0, MAX_KEYED_SENTENCES)) {
    const words = normalizeForEcho(sentence);
    if (words.split(' ').length >= MIN_SENTENCE_WORDS) keys.push(`s.${hashString(words).toString(36)}`);
  }
  // `x`, not a base-36 band number (lsh.ts's prefixes), so the fallback cannot share a key with a band.
  if (keys.length === 0) keys.push(`x.${hashString(normalized).toString(36)}`);
  return [...new Set(keys)];
}
