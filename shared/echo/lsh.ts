import { mix32 } from './hash.ts';
import { SIGNATURE_SIZE } from './minhash.ts';

/**
 * 32 bands of 4 rows: two statements share a band key with probability 1 − (1 − J⁴)³², for Jaccard J:
 *
 *   J     0.1    0.2    0.3    0.4    0.5    0.6    0.7    0.8
 *   P     0.003  0.050  0.229  0.564  0.873  0.988  1.000  1.000
 *
 * so an echo (J ≥ 0.5) is found nearly always and unrelated statements (J < 0.2) rarely meet. 16 × 8 would
 * find a quarter of the pairs at 0.6 (P = 0.24); 42 × 3 would let 29% of the pairs at 0.2 through.
 */
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;

const PREFIXES = Array.from({ length: BANDS }, (_, band) => `${band.toString(36)}.`);

/** One key per band, "band.hash" in base 36: two signatures that agree on a whole band share its key. */
export function bandKeys(signature: Int32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let hash = band;
    for (let row = band * ROWS; row < (band + 1) * ROWS; row++) hash = mix32(hash ^ signature[row]!);
    keys.push(PREFIXES[band]! + hash.toString(36));
  }
  return keys;
}
