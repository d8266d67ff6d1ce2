/**
 * Speakers and entities are aggregates over the articles that mention them. Each keeps, per article, the
 * share that article's current version contributes: a count, its date, the version it came from, and how
 * that version names the speaker or entity (name, type, titles, aliases). Writing a share is idempotent
 * and order-proof: a share is replaced only by one of a newer version, and a withdrawn article leaves a
 * zero share behind so that a late, older write cannot bring it back. Everything shown (totals, and the
 * name, type, titles and aliases) is derived from the shares in the same item whenever it is written, so
 * it is a function of the articles currently stored, whatever order they came in: it never drifts from
 * them, and a withdrawn article takes its spelling, type and titles away with it.
 *
 * Limit: the shares map grows by ~60 bytes per article ever seen (stored as compact strings; the ways an
 * article names the aggregate are stored once each and referred to by a short hash), so one speaker or
 * entity can be named in about 6,000 articles before the item nears DynamoDB's 400 KB (see "Limits,
 * stated" in README.md).
 */
import { createHash } from 'node:crypto';
import { compactVersion, expandVersion } from '../../sequencer.ts';
import type { TableKey } from '../keys.ts';

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
}

export interface AggregateState {
  id: string;
  shares: Record<string, Share>;
  /** Folded names and types that name-index items were written for: every one any live share ever had. */
  indexedNames: string[];
  indexedTypes: string[];
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

const liveShares = (shares: Record<string, Share>) => Object.values(shares).filter((share) => share.count > 0);

export function totals(shares: Record<string, Share>): AggregateTotals {
  const live = liveShares(shares);
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
 * and type are chosen by a fixed preference and the name lists are kept sorted: every choice is a
 * commutative, associative merge, so the result depends only on which articles name the aggregate.
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
  if (rank(a) !== rank(b)) return rank(a) < rank(b) ? a : b;
  return a < b ? a : b;
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort().slice(0, MAX_NAMES);

function mergeInfo(current: AggregateInfo, seen: AggregateInfo): AggregateInfo {
  return {
    name: preferredName(current.name, seen.name),
    type: preferredType(current.type, seen.type),
    titles: union(current.titles, seen.titles),
    aliases: union(current.aliases, seen.aliases),
  };
}

/**
 * What the aggregate shows: merged over the articles that name it now; once all are withdrawn (the
 * aggregate is then hidden from readers), over the withdrawn ones, so the item still depends only on its shares.
 */
export function describe(shares: Record<string, Share>): AggregateInfo {
  const live = liveShares(shares);
  const infos = (live.length > 0 ? live : Object.values(shares)).map((share) => share.info);
  const [first, ...rest] = infos;
  if (!first) return { name: '', type: 'unknown', titles: [], aliases: [] };
  return rest.reduce(mergeInfo, { ...first, titles: union(first.titles, []), aliases: union(first.aliases, []) });
}

/** The ways articles name an aggregate repeat a lot: each is stored once, under a short hash of itself. */
const encodeInfo = (info: AggregateInfo): string => JSON.stringify([info.name, info.type, info.titles, info.aliases]);
const infoKey = (encoded: string): string => createHash('sha256').update(encoded).digest('base64url').slice(0, 10);

function decodeInfo(encoded: string | undefined): AggregateInfo {
  const [name = '', type = 'unknown', titles = [], aliases = []] = encoded ? (JSON.parse(encoded) as [string, string, string[], string[]]) : [];
  return { name, type, titles, aliases };
}

/** "count|date|version|info": a third of the size of a nested map, which matters on items rewritten often. */
function encodeShares(shares: Record<string, Share>): { shares: Record<string, string>; infos: Record<string, string> } {
  const encodedShares: Record<string, string> = {};
  const infos: Record<string, string> = {};
  for (const [articleId, share] of Object.entries(shares)) {
    const info = encodeInfo(share.info);
    const key = infoKey(info);
    infos[key] = info;
    encodedShares[articleId] = `${share.count}|${share.date}|${compactVersion(share.version)}|${key}`;
  }
  return { shares: encodedShares, infos };
}

function decodeShare(encoded: string, infos: Record<string, string>): Share {
  const [count = '0', date = '', version = '', key = ''] = encoded.split('|');
  return { count: Number(count), date, version: expandVersion(version), info: decodeInfo(infos[key]) };
}

export function toItem(itemType: 'speaker' | 'entity', key: TableKey, state: AggregateState): Record<string, unknown> {
  return {
    ...key,
    itemType,
    id: state.id,
    ...describe(state.shares),
    ...encodeShares(state.shares),
    indexedNames: state.indexedNames,
    indexedTypes: state.indexedTypes,
    rev: state.rev,
    ...totals(state.shares),
  };
}

/** Who the aggregate is: what a reader's summary starts from. */
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
  const infos = (item.infos as Record<string, string>) ?? {};
  return {
    id: item.id as string,
    shares: Object.fromEntries(Object.entries((item.shares as Record<string, string>) ?? {}).map(([id, share]) => [id, decodeShare(share, infos)])),
    indexedNames: (item.indexedNames as string[]) ?? [],
    indexedTypes: (item.indexedTypes as string[]) ?? [],
    rev: item.rev as number,
  };
}

/** The attributes a reader needs: everything but the shares, which may be large. */
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
