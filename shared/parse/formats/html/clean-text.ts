import { decodeHTML } from 'entities';

/**
 * A metadata value as people read it: entities decoded (JSON-LD and some meta tags carry `&#8222;` or a
 * double-escaped `&amp;quot;`), soft hyphens and zero-width characters removed (a headline hyphenated for
 * narrow screens), control characters and runs of spaces made one space.
 */
export function cleanText(value: string): string {
  const decoded = value.includes('&') ? decodeHTML(value) : value;
  return decoded
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim();
}

/** Lower-case words without accents: what two spellings of one title have in common. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** How far two texts have the same words (the harmonic mean of precision and recall over word counts). */
export function wordF1(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const common = commonCount(a, b);
  if (common === 0) return 0;
  const precision = common / a.length;
  const recall = common / b.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Share of `part`'s words that `whole` also has. */
export function containment(part: string[], whole: string[]): number {
  return part.length === 0 ? 0 : commonCount(part, whole) / part.length;
}

function commonCount(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const word of b) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of a) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return common;
}

/** Letters and digits only, lower case: "Point of Sail" and pointofsail-kiel.de compare as "pointofsail…". */
export function squeezed(text: string): string {
  return words(text).join('');
}
