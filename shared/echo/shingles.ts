/**
 * Word pairs, measured against triples and single words on the 13,744 statements the parser finds in the BBC
 * corpus: dropping one word of a statement leaves a Jaccard similarity of 0.84 on average with pairs (0.75
 * with triples: 4.6% of such copies fall under 0.5), and random pairs of statements from different
 * articles still share nothing (none reaches 0.1; with single words 8.8% do, through "the", "we", "is").
 * Among the 139,217 cross-article pairs of statements by the same speaker, pairs find 9 more at Jaccard ≥
 * 0.5 than triples (8 of them true echoes: "Mr Brown ofsquabbling"), and triples find none that pairs miss.
 */
export const SHINGLE_WORDS = 2;

/** The word pairs of normalized text; a one-word text is its own shingle, so that it still has a fingerprint. */
export function shingles(normalized: string): Set<string> {
  const words = normalized === '' ? [] : normalized.split(' ');
  const set = new Set<string>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) set.add(normalized);
    return set;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) set.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return set;
}

/** Shared shingles over all shingles: 1 for the same words, 0 for none in common. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = sharedCount(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Shared items over the smaller set's size (the overlap coefficient): how much of the smaller set the larger
 * holds, whichever is which; 1 when one text is a cut copy of the other. Not a containment of one given set
 * in another (clean-text's `containment`): it is symmetric.
 */
export function overlapOfSmaller(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}

/** How many items the two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared;
}
