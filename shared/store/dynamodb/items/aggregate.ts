/**
 * Speakers and entities are aggregates over the articles that mention them. Each keeps, per article, the
 * share that article's current version contributes (a count, its date, and the version it came from).
 * Writing a share is idempotent and order-proof: a share is replaced only by one of a newer version, and a
 * withdrawn article leaves a zero share behind so that a late, older write cannot bring it back. Totals are
 * derived from the shares in the same item, so they can never drift from them.
 *
 * Limit: the shares map grows by ~50 bytes per article ever seen (stored as compact strings), so one
 * speaker or entity can be named in about 7,000 articles before the item nears DynamoDB's 400 KB (see
 * "Limits, stated" in README.md).
 */
import { compactVersion, expandVersion } from '../../sequencer.ts';
import type { TableKey } from '../keys.ts';

export interface Share {
  count: number;
  date: string;
  version: string;
}

export interface AggregateInfo {
  name: string;
  type: string;
  titles: string[];
  aliases: string[];
}

export interface AggregateState extends AggregateInfo {
  id: string;
  shares: Record<string, Share>;
  /** Bumped on every write: the optimistic-concurrency check of read-modify-write. */
  rev: number;
}

export interface AggregateTotals {
  total: number;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** Titles and aliases kept per speaker or entity: enough to recognise it, bounded in size. */
const MAX_NAMES = 25;

export function totals(shares: Record<string, Share>): AggregateTotals {
  const live = Object.values(shares).filter((share) => share.count > 0);
  const dates = live.map((share) => share.date).sort();
  return {
    total: live.reduce((sum, share) => sum + share.count, 0),
    articleCount: live.length,
    firstSeen: dates[0] ?? null,
    lastSeen: dates.at(-1) ?? null,
  };
}

/**
 * Articles can spell one id differently ("Erdoğan", "Erdogan") or type it differently. The display name
 * and type are chosen by a fixed preference, not by arrival order, and the name lists are kept sorted, so
 * the same articles give the same record whatever order (or retries) they came in.
 */
const TYPE_PREFERENCE = ['person', 'organization', 'location', 'group', 'unknown'];

function preferredName(a: string, b: string): string {
  const accents = (name: string) => (name.normalize('NFD').match(/[\u0300-\u036f]/g) ?? []).length;
  if (accents(a) !== accents(b)) return accents(a) > accents(b) ? a : b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a < b ? a : b;
}

function preferredType(a: string, b: string): string {
  const rank = (type: string) => (TYPE_PREFERENCE.includes(type) ? TYPE_PREFERENCE.indexOf(type) : TYPE_PREFERENCE.length);
  return rank(a) <= rank(b) ? a : b;
}

export function mergeInfo(current: AggregateInfo, seen: AggregateInfo): AggregateInfo {
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort().slice(0, MAX_NAMES);
  return {
    name: preferredName(current.name, seen.name),
    type: preferredType(current.type, seen.type),
    titles: union(current.titles, seen.titles),
    aliases: union(current.aliases, seen.aliases),
  };
}

/** "count|date|version": a third of the size of a nested map, which matters on items rewritten often. */
const encodeShare = (share: Share): string => `${share.count}|${share.date}|${compactVersion(share.version)}`;

function decodeShare(encoded: string): Share {
  const [count = '0', date = '', version = ''] = encoded.split('|');
  return { count: Number(count), date, version: expandVersion(version) };
}

export function toItem(itemType: 'speaker' | 'entity', key: TableKey, state: AggregateState): Record<string, unknown> {
  const shares = Object.fromEntries(Object.entries(state.shares).map(([articleId, share]) => [articleId, encodeShare(share)]));
  return { ...key, itemType, ...state, shares, ...totals(state.shares) };
}

/** Who the aggregate is: what both the full state and a reader's summary start from. */
function identityFromItem(item: Record<string, unknown>) {
  return {
    id: item.id as string,
    name: item.name as string,
    type: item.type as string,
    titles: (item.titles as string[]) ?? [],
    aliases: (item.aliases as string[]) ?? [],
  };
}

export function fromItem(item: Record<string, unknown>): AggregateState {
  return {
    ...identityFromItem(item),
    shares: Object.fromEntries(Object.entries((item.shares as Record<string, string>) ?? {}).map(([id, share]) => [id, decodeShare(share)])),
    rev: item.rev as number,
  };
}

/** The attributes a reader needs: everything but the shares map, which may be large. */
export const SUMMARY_ATTRIBUTES = ['id', 'name', 'type', 'titles', 'aliases', 'total', 'articleCount', 'firstSeen', 'lastSeen'];

export interface AggregateSummary extends AggregateTotals {
  id: string;
  name: string;
  type: string;
  titles: string[];
  aliases: string[];
}

export function summaryFromItem(item: Record<string, unknown>): AggregateSummary {
  return {
    ...identityFromItem(item),
    total: (item.total as number) ?? 0,
    articleCount: (item.articleCount as number) ?? 0,
    firstSeen: (item.firstSeen as string | null) ?? null,
    lastSeen: (item.lastSeen as string | null) ?? null,
  };
}
