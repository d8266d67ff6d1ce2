/**
 * Name-prefix search items: one per word-suffix of a folded name, so a prefix of any word finds the whole
 * name ("erdo" → "recep tayyip erdogan", "tayy" → the same). Entities get one set per type any article
 * gave them, each item saying its type, so that a search for one type (a filter on that attribute) finds
 * them under each; a reader keeps a match only when its name and type are the aggregate's current ones. Items
 * are written before the aggregate write that makes their name or type possible, are never changed, and
 * writing them again is harmless. They are the name lists' own items (keys.ts, lists.speakerNames), not
 * index entries: one write unit each.
 */
import type { EntityType } from '../../../model/article.ts';
import { keys } from '../keys.ts';

export interface NameMatch {
  id: string;
  /** Entities only: the type this item indexes the name under. */
  type: string | null;
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
    itemType: 'speaker-name',
    id,
    folded,
    word,
  }));
}

export function entityNameItems(id: string, folded: string, type: EntityType): Record<string, unknown>[] {
  return suffixes(folded).map((suffix, word) => ({
    ...keys.entityName(id, type, suffix),
    itemType: 'entity-name',
    id,
    type,
    folded,
    word,
  }));
}

export function fromItem(item: Record<string, unknown>): NameMatch {
  return { id: item.id as string, type: (item.type as string | undefined) ?? null, folded: item.folded as string, word: item.word as number };
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
