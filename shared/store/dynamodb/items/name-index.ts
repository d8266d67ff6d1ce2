/**
 * Name-prefix search items: one per word-suffix of a folded name, so a prefix of any word finds the whole
 * name ("erdo" → "recep tayyip erdogan", "tayy" → the same). They are written before the aggregate they
 * point to exists and never change (names are fixed by the id), so writing them again is harmless.
 */
import type { EntityType } from '../../../model/article.ts';
import { indexKeys, keys } from '../keys.ts';

export interface NameMatch {
  id: string;
  /** The whole folded name. */
  folded: string;
  /** Which word the indexed suffix starts at. */
  word: number;
}

/** Index sort keys are capped at 1,024 bytes: no searchable name needs more than its first 150 characters. */
const MAX_INDEXED_CHARS = 150;

function suffixes(folded: string): string[] {
  const words = [...folded].slice(0, MAX_INDEXED_CHARS).join('').trim().split(' ');
  return words.map((_, index) => words.slice(index).join(' '));
}

export function speakerNameItems(id: string, folded: string): Record<string, unknown>[] {
  return suffixes(folded).map((suffix, word) => ({
    ...keys.speakerName(id, suffix),
    ...indexKeys.speakerNames(suffix, id),
    itemType: 'speaker-name',
    id,
    folded,
    word,
  }));
}

export function entityNameItems(id: string, folded: string, type: EntityType): Record<string, unknown>[] {
  return suffixes(folded).map((suffix, word) => ({
    ...keys.entityName(id, suffix),
    ...indexKeys.entityNames(suffix, id, type),
    itemType: 'entity-name',
    id,
    folded,
    word,
  }));
}

export function fromItem(item: Record<string, unknown>): NameMatch {
  return { id: item.id as string, folded: item.folded as string, word: item.word as number };
}

/**
 * A name has one index item per word, so "t" would find "tom tate" twice. Only the first word at which the
 * prefix matches counts, which makes every name appear once however the results are paged.
 */
export function isFirstMatch(match: NameMatch, prefix: string): boolean {
  const words = [...match.folded].slice(0, MAX_INDEXED_CHARS).join('').trim().split(' ');
  for (let word = 0; word < match.word; word++) {
    if (words.slice(word).join(' ').startsWith(prefix)) return false;
  }
  return true;
}
