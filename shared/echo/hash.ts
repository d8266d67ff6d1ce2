/**
 * 32-bit non-cryptographic hashing, the same in every process and every Node version: echo fingerprints are
 * stored and compared across runs, so nothing here may depend on Math.random or a runtime's own string hash.
 */

/** MurmurHash3's finalizer: a bijection on 32-bit integers that spreads every input bit over the output. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the string's UTF-16 code units, then mixed (FNV-1a alone leaves its low bits weak). */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** `count` seeds from a fixed splitmix32 sequence: written once, never drawn at run time. */
export function fixedSeeds(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = mix32(state);
  }
  return seeds;
}
