import { fixedSeeds, hashString } from './hash.ts';

/**
 * 128 minimum hashes: the estimate's standard error is √(J(1−J)/128), at most 0.044, small beside the gap
 * between an echo (Jaccard ≥ 0.5) and unrelated statements (≈ 0); 128 splits into lsh.ts's 32 bands of 4.
 */
export const SIGNATURE_SIZE = 128;

// Signed: V8 keeps int32 values unboxed, where uint32 values past 2³¹ become heap numbers (3× slower here).
const SEEDS = Int32Array.from(fixedSeeds(SIGNATURE_SIZE));

/**
 * The MinHash signature of a shingle set: each shingle is hashed once, and MurmurHash3's finalizer (a
 * bijection) of `hash ^ seed` is the i-th of 128 independent permutations, of which the signature keeps
 * each minimum (as signed 32-bit integers: any fixed order of the values serves).
 */
export function minHash(shingles: ReadonlySet<string>): Int32Array {
  const signature = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  for (const shingle of shingles) {
    const hash = hashString(shingle);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      // mix32 written out: a call per value costs more than the mixing
      let h = hash ^ SEEDS[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The share of equal minimums: an unbiased estimate of the two shingle sets' Jaccard similarity. */
export function estimateSimilarity(a: Int32Array, b: Int32Array): number {
  let equal = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) equal++;
  return equal / SIGNATURE_SIZE;
}
