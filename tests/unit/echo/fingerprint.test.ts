import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { echoFingerprint } from '../../../shared/echo/fingerprint.ts';
import { hashString } from '../../../shared/echo/hash.ts';
import { estimateSimilarity, minHash } from '../../../shared/echo/minhash.ts';
import { normalizeForEcho } from '../../../shared/echo/normalize.ts';
import { echoRelation } from '../../../shared/echo/relation.ts';
import { jaccard, shingles } from '../../../shared/echo/shingles.ts';

const RUNS = { seed: 18, numRuns: 200 };

/**
 * Made-up words, distinct within a sentence as in speech: two statements built from them share words only
 * by chance, as unrelated statements do.
 */
const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 3, maxLength: 9 });
const words = (minLength: number, maxLength: number) => fc.uniqueArray(word, { minLength, maxLength });
const sentence = words(6, 20);
const capitalize = (words: string[]) => { const text = words.join(' '); return `${text[0]!.toUpperCase()}${text.slice(1)}.`; };
const shared = (a: string, b: string) => {
  const keys = new Set(echoFingerprint(a).keys);
  return echoFingerprint(b).keys.some((key) => keys.has(key));
};
const direct = (text: string) => ({ kind: 'direct' as const, text });

describe('echo fingerprints', () => {
  it('a statement and its copy with a dropped word meet in a band and are near-copies', () => {
    fc.assert(
      fc.property(words(12, 40), fc.nat(), (spoken, at) => {
        const original = capitalize(spoken);
        const copy = capitalize(spoken.toSpliced(at % spoken.length, 1));
        expect(shared(original, copy)).toBe(true);
        expect(echoRelation(direct(original), direct(copy))).toBe('near-copy');
      }),
      RUNS,
    );
  });

  it('a statement and its copy with other quote marks and apostrophes are copies, with the same keys', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        const original = `${capitalize(a)} “${b.join(' ')}” isn’t it?`;
        const copy = `${capitalize(a)} "${b.join(' ')}" isn't it?`;
        expect(echoFingerprint(copy).keys).toEqual(echoFingerprint(original).keys);
        expect(echoRelation(direct(original), direct(copy))).toBe('copy');
      }),
      RUNS,
    );
  });

  it('a statement and its copy without its final sentence meet in a band and are near-copies', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 2, maxLength: 4 }), (sentences) => {
        const original = sentences.map(capitalize).join(' ');
        const copy = sentences.slice(0, -1).map(capitalize).join(' ');
        expect(shared(original, copy)).toBe(true);
        expect(echoRelation(direct(original), direct(copy))).toBe('near-copy');
      }),
      RUNS,
    );
  });

  it('unrelated statements do not meet and are not echoes', () => {
    fc.assert(
      fc.property(sentence, sentence, (a, b) => {
        fc.pre(jaccard(shingles(normalizeForEcho(a.join(' '))), shingles(normalizeForEcho(b.join(' ')))) === 0);
        expect(shared(capitalize(a), capitalize(b))).toBe(false);
        expect(echoRelation(direct(capitalize(a)), { kind: 'indirect', text: capitalize(b) })).toBeNull();
      }),
      RUNS,
    );
  });

  it('estimates the Jaccard similarity of the shingle sets', () => {
    fc.assert(
      fc.property(words(12, 40), fc.nat(), fc.nat(), (spoken, cut, drop) => {
        const a = shingles(normalizeForEcho(spoken.join(' ')));
        const b = shingles(normalizeForEcho(spoken.slice(cut % 6).toSpliced(drop % 6, 1).join(' ')));
        // four standard errors of a 128-hash estimate at its widest (J = 0.5): 4 × 0.044
        expect(Math.abs(estimateSimilarity(minHash(a), minHash(b)) - jaccard(a, b))).toBeLessThan(0.18);
      }),
      RUNS,
    );
  });

  it('a text with no words has no band keys, so such texts do not all meet; a one-word text has its own', () => {
    expect(shingles(normalizeForEcho('—'))).toEqual(new Set());
    expect(echoFingerprint('—').keys).toEqual([]);
    expect(echoFingerprint('“…”').keys).toEqual([]);
    expect(echoFingerprint('Yes.').keys).toHaveLength(32);
    expect(echoFingerprint('Yes.').keys).not.toEqual(echoFingerprint('No.').keys);
  });

  it('is deterministic: the same text gives the same fingerprint, here and in any other process', () => {
    const text = 'Armenia must withdraw its troops.';
    expect(echoFingerprint(text)).toEqual(echoFingerprint(text));
    // pinned: stored fingerprints are compared with new ones, so a change here needs every one recomputed
    expect(hashString('armenia must')).toBe(4252983371);
    expect(Array.from(echoFingerprint(text).signature.slice(0, 3))).toEqual([-375741932, 145632958, -1148492152]);
    expect(echoFingerprint(text).keys.slice(0, 3)).toEqual(['0.rq8ch', '1.1uh9v0p', '2.1wrn756']);
  });
});
