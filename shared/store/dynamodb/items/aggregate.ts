/**
 * Speakers and entities are aggregates over the articles that mention them. What one article contributes
 * (its share: a count, its date, the version it came from, and how that version names the speaker or
 * entity: name, type, titles, aliases) is an item of its own in the aggregate's partition, `SHARE#<articleId>`,
 * so no item grows with the number of articles; the summary shown to readers is a separate, bounded item
 * (aggregate-summary.ts) kept up to date from the shares as they change (../aggregates.ts says how).
 *
 * A share is replaced only by one of a newer version, and a withdrawn article leaves a zero share with the
 * withdrawing version behind, so that a late, older write cannot bring it back: writing a share is
 * idempotent and order-proof.
 *
 * Store format 2 kept every share in the aggregate item itself (a `shares` map, ~60 bytes per article,
 * overflowing DynamoDB's 400 KB at a few thousand articles). `legacyShares` reads that layout, only to
 * convert it (../store-format.ts).
 */
import { expandVersion } from '../../sequencer.ts';
import type { TableKey } from '../keys.ts';

/** `day`: a publication day's aggregate (day-tally.ts), whose shares carry a tally instead of a name. */
export type AggregateKind = 'speaker' | 'entity' | 'day';

/** What one article adds to its publication day: its most quoted speakers and most mentioned entities, [id, count]. */
export interface Tally {
  speakers: [string, number][];
  entities: [string, number][];
}

export interface AggregateInfo {
  name: string;
  type: string;
  titles: string[];
  aliases: string[];
}

export interface Share {
  count: number;
  date: string;
  version: string;
  /** How this article version names the aggregate (for a withdrawal: the version it withdraws). */
  info: AggregateInfo;
  /** Day aggregates only. */
  tally?: Tally;
}

/**
 * Articles can spell one id differently ("Erdoğan", "Erdogan") or type it differently. The display name
 * and type are the ones most articles give; between equally frequent ones, a fixed preference picks, so
 * the choice depends only on which articles name the aggregate.
 */
const TYPE_PREFERENCE = ['person', 'organization', 'location', 'group', 'unknown'];

export function preferredName(a: string, b: string): string {
  const accents = (name: string) => (name.normalize('NFD').match(/[\u0300-\u036f]/g) ?? []).length;
  if (accents(a) !== accents(b)) return accents(a) > accents(b) ? a : b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a < b ? a : b;
}

export function preferredType(a: string, b: string): string {
  const rank = (type: string) => (TYPE_PREFERENCE.includes(type) ? TYPE_PREFERENCE.indexOf(type) : TYPE_PREFERENCE.length);
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b;
  return a < b ? a : b;
}

/**
 * A share item. `revision` is the summary revision of the write that announced it (the pending entry's
 * token): a writer finding its conditional put refused tells by it whether an earlier attempt of the same
 * entry already put the share (../aggregates.ts). Shares converted from format 2 carry 0.
 */
export function shareToItem(kind: AggregateKind, key: TableKey, id: string, articleId: string, share: Share, revision: number): Record<string, unknown> {
  if (share.tally) {
    const { count, date, version, tally } = share;
    return { ...key, itemType: `${kind}-share`, id, articleId, count, date, version, tally, revision };
  }
  return {
    ...key,
    itemType: `${kind}-share`,
    id,
    articleId,
    count: share.count,
    date: share.date,
    version: share.version,
    name: share.info.name,
    type: share.info.type,
    titles: share.info.titles,
    aliases: share.info.aliases,
    revision,
  };
}

export function shareFromItem(item: Record<string, unknown>): Share {
  return {
    count: item.count as number,
    date: item.date as string,
    version: item.version as string,
    info: {
      name: (item.name as string) ?? '',
      type: (item.type as string) ?? '',
      titles: (item.titles as string[]) ?? [],
      aliases: (item.aliases as string[]) ?? [],
    },
    ...(item.tally ? { tally: item.tally as Tally } : {}),
  };
}

/** An aggregate item of store format 2: it has the optimistic-lock counter `rev` and the shares map. */
export const isLegacy = (item: Record<string, unknown>): boolean => item.rev !== undefined && item.revision === undefined;

export interface LegacyAggregate {
  shares: Record<string, Share>;
  indexedNames: string[];
  indexedTypes: string[];
  rev: number;
}

function decodeInfo(encoded: string | undefined): AggregateInfo {
  const [name = '', type = 'unknown', titles = [], aliases = []] = encoded ? (JSON.parse(encoded) as [string, string, string[], string[]]) : [];
  return { name, type, titles, aliases };
}

/** Format 2 stored each share as "count|date|compact version|info hash", the infos once each under their hash. */
export function legacyShares(item: Record<string, unknown>): LegacyAggregate {
  const infos = (item.infos as Record<string, string>) ?? {};
  const decode = (encoded: string): Share => {
    const [count = '0', date = '', version = '', key = ''] = encoded.split('|');
    return { count: Number(count), date, version: expandVersion(version), info: decodeInfo(infos[key]) };
  };
  return {
    shares: Object.fromEntries(Object.entries((item.shares as Record<string, string>) ?? {}).map(([id, share]) => [id, decode(share)])),
    indexedNames: (item.indexedNames as string[]) ?? [],
    indexedTypes: (item.indexedTypes as string[]) ?? [],
    rev: item.rev as number,
  };
}
