/**
 * The summary item of a speaker or entity (sk `SPEAKER` / `ENTITY`): what readers get, kept up to date
 * from the aggregate's share items without ever holding them. Its size does not depend on how many
 * articles name the aggregate:
 *   - totals (statement or mention count, article count);
 *   - ranked counts (ranked-counts.ts) of the names, types, titles and aliases the live shares give, each
 *     at most RANKED_BOUND values: the display name and type are the most frequent (a fixed preference
 *     between equals), the titles and aliases shown the 25 most frequent;
 *   - first and last seen from two windows of dates: the DATE_WINDOW earliest and latest distinct dates of
 *     live shares with their counts (see `addDate`); a withdrawal that empties a window while articles
 *     remain makes the writer refill it from the share items (the rare, costly path);
 *   - the folded names and types the name index has items for (bounded by MAX_INDEXED_NAMES);
 *   - `pending`: the journal of share changes announced and not yet folded in (at most MAX_PENDING
 *     entries, ../aggregates.ts), and `revision`, bumped on every write, the optimistic-lock check.
 * The counts and the `total` and `articleCount` attributes are those of the folded shares; what readers get
 * (`describe`: name, type, titles, aliases, first and last seen, and the totals under `shown`) is written
 * with the pending entries folded in too (`settled`; but for a date window they empty, `shownState`), so a
 * summary at rest may keep its last writer's entries, their shares put, for the next write to fold.
 * (`total` and `articleCount` stay the folded ones: what the code before `shown` reads back, so a rollback
 * folds those entries once, not twice; it shows them one article behind until the next write.)
 * The item is a few hundred bytes to a few KB; the worst case (every ranked count full of 300-character
 * values and a full journal) stays well under DynamoDB's 400 KB.
 *
 * A publication day's summary (kind `day`, sk `DAY`) is the same state with other counts: its shares carry
 * a tally (the article's statements per speaker and mentions per entity, its top TALLY_BOUND of each) and
 * no name, and the summary keeps the weighted sums per speaker and per entity (DAY_BOUND ids each, ids
 * only: a few KB at most), with the article count, the same journal and revision.
 */
import type { TableKey } from '../keys.ts';
import { preferredName, preferredType, type AggregateKind, type Share, type Tally } from './aggregate.ts';
import * as Ranked from './ranked-counts.ts';
import type { RankedCounts } from './ranked-counts.ts';

/** Titles and aliases shown per speaker or entity: enough to recognise it. */
const SHOWN_NAMES = 25;
/** Distinct dates kept at each end: a withdrawal has to take this many dates away to need a refill. */
const DATE_WINDOW = 16;
/** Folded names whose name-index items are recorded as written; past it they are rewritten when seen again (harmless). */
export const MAX_INDEXED_NAMES = 256;
/** Share changes announced at once; a writer with more folds them in rounds. */
export const MAX_PENDING = 16;

/**
 * Speakers and entities a day summary ranks, each: a day's few busiest stay exact below it (and the home
 * page shows ten over thirty days). 40 ids of ~25 bytes with their counts, twice, keep the item near 2 KB.
 */
export const DAY_BOUND = 40;

/** A share change announced in the summary and not yet folded in: the share it replaces and the one it puts. */
export interface PendingShare {
  old: Share | null;
  new: Share;
  /** The revision of the write that announced it: the share item put for it carries the same. */
  token: number;
}

export interface SummaryState {
  id: string;
  total: number;
  articleCount: number;
  names: RankedCounts;
  types: RankedCounts;
  titles: RankedCounts;
  aliases: RankedCounts;
  earliest: RankedCounts;
  latest: RankedCounts;
  /** Day summaries only: statements per speaker and mentions per entity of the day's live shares. */
  speakers: RankedCounts;
  entities: RankedCounts;
  indexedNames: string[];
  indexedTypes: string[];
  pending: Record<string, PendingShare>;
  revision: number;
}

export const emptySummary = (id: string): SummaryState => ({
  id,
  total: 0,
  articleCount: 0,
  names: {},
  types: {},
  titles: {},
  aliases: {},
  earliest: {},
  latest: {},
  speakers: {},
  entities: {},
  indexedNames: [],
  indexedTypes: [],
  pending: {},
  revision: 0,
});

const sum = (counts: RankedCounts) => Object.values(counts).reduce((total, count) => total + count, 0);
const sortedDates = (counts: RankedCounts) => Object.keys(counts).sort();

/**
 * A date window holds a run of the live shares' distinct dates from one end, with exact counts: the
 * earliest window the first ones in order, the latest the last ones. A date beyond the run is left out
 * unless the window holds every live share (then it is the whole run), and the window keeps at most
 * DATE_WINDOW dates, dropping the one farthest from its end. So its end (first or last seen) is always
 * exact; when withdrawals empty it, the writer refills it from the share items. While articles are only
 * added the window is the DATE_WINDOW first (or last) dates whatever the order; after withdrawals, how
 * many it holds can depend on the history, never what it shows.
 */
function addDate(window: RankedCounts, date: string, liveBefore: number, end: 'earliest' | 'latest'): RankedCounts {
  const dates = sortedDates(window);
  const inner = end === 'earliest' ? dates.at(-1) : dates[0];
  if (window[date] !== undefined) return { ...window, [date]: (window[date] ?? 0) + 1 };
  const complete = sum(window) === liveBefore;
  const within = inner !== undefined && (end === 'earliest' ? date < inner : date > inner);
  if (!complete && !within) return window;
  const next = { ...window, [date]: 1 };
  if (Object.keys(next).length <= DATE_WINDOW) return next;
  const all = sortedDates(next);
  delete next[(end === 'earliest' ? all.at(-1) : all[0]) as string];
  return next;
}

const isLive = (share: Share | null): share is Share => share !== null && share.count > 0;

/** A day share: its tally taken out or put in, the date windows kept as for other aggregates. */
function foldTally(state: SummaryState, tally: Tally, date: string, sign: 1 | -1): SummaryState {
  if (sign < 0) {
    return {
      ...state,
      total: state.total - 1,
      articleCount: state.articleCount - 1,
      speakers: Ranked.subtractWeighted(state.speakers, tally.speakers),
      entities: Ranked.subtractWeighted(state.entities, tally.entities),
      earliest: Ranked.subtract(state.earliest, [date]),
      latest: Ranked.subtract(state.latest, [date]),
    };
  }
  return {
    ...state,
    total: state.total + 1,
    articleCount: state.articleCount + 1,
    speakers: Ranked.addWeighted(state.speakers, tally.speakers, DAY_BOUND),
    entities: Ranked.addWeighted(state.entities, tally.entities, DAY_BOUND),
    earliest: addDate(state.earliest, date, state.articleCount, 'earliest'),
    latest: addDate(state.latest, date, state.articleCount, 'latest'),
  };
}

/** The summary with `old` taken out and `neu` put in: counts of live shares only. */
export function fold(state: SummaryState, old: Share | null, neu: Share | null): SummaryState {
  let next = { ...state };
  if (isLive(old) && old.tally) next = foldTally(next, old.tally, old.date, -1);
  else if (isLive(old)) {
    next = {
      ...next,
      total: next.total - old.count,
      articleCount: next.articleCount - 1,
      names: Ranked.subtract(next.names, [old.info.name]),
      types: Ranked.subtract(next.types, [old.info.type]),
      titles: Ranked.subtract(next.titles, old.info.titles),
      aliases: Ranked.subtract(next.aliases, old.info.aliases),
      earliest: Ranked.subtract(next.earliest, [old.date]),
      latest: Ranked.subtract(next.latest, [old.date]),
    };
  }
  if (isLive(neu) && neu.tally) next = foldTally(next, neu.tally, neu.date, 1);
  else if (isLive(neu)) {
    next = {
      ...next,
      total: next.total + neu.count,
      articleCount: next.articleCount + 1,
      names: Ranked.add(next.names, [neu.info.name]),
      types: Ranked.add(next.types, [neu.info.type]),
      titles: Ranked.add(next.titles, neu.info.titles),
      aliases: Ranked.add(next.aliases, neu.info.aliases),
      earliest: addDate(next.earliest, neu.date, next.articleCount, 'earliest'),
      latest: addDate(next.latest, neu.date, next.articleCount, 'latest'),
    };
  }
  return next;
}

/**
 * The summary with its pending entries folded in: what readers are shown. An entry carries the whole new
 * share, and whoever writes the summary next completes it before anything else (../aggregates.ts): puts its
 * share, or drops it when a newer share is in place (an entry announced over a stale read), and writes the
 * summary again then. So a speaker or entity summary is written showing its journal settled, and a writer
 * whose entries all have their shares put can leave folding them to the next write.
 */
export function settled(state: SummaryState): SummaryState {
  let next: SummaryState = { ...state, pending: {} };
  for (const [, entry] of pendingInOrder(state.pending)) next = fold(next, entry.old, entry.new);
  return next;
}

/**
 * Pending entries in the one order every writer folds them in (by article id): the date windows depend on
 * the order of changes, and a map read back from DynamoDB need not keep the order it was written in, so
 * what a summary shows and what its next writer folds must not depend on it.
 */
export const pendingInOrder = (pending: Record<string, PendingShare>): [string, PendingShare][] =>
  Object.entries(pending).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A window emptied by withdrawals while articles remain: the share items have to refill it. */
export const needsDates = (state: SummaryState): boolean =>
  state.articleCount > 0 && (Object.keys(state.earliest).length === 0 || Object.keys(state.latest).length === 0);

/** Both windows rebuilt from every share of the aggregate (those folded in: the share items' contents). */
export function withDates(state: SummaryState, shares: readonly Share[]): SummaryState {
  let earliest: RankedCounts = {};
  let latest: RankedCounts = {};
  let live = 0;
  for (const share of shares) {
    if (!isLive(share)) continue;
    earliest = addDate(earliest, share.date, live, 'earliest');
    latest = addDate(latest, share.date, live, 'latest');
    live++;
  }
  return { ...state, earliest, latest };
}

export interface AggregateTotals {
  total: number;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

/** What readers get. Once every article is withdrawn the aggregate is hidden (articleCount 0). */
export interface AggregateSummary extends AggregateTotals {
  id: string;
  name: string;
  type: string;
  titles: string[];
  aliases: string[];
}

export function describe(state: SummaryState): AggregateSummary {
  return {
    id: state.id,
    name: Ranked.best(state.names, preferredName) ?? '',
    type: Ranked.best(state.types, preferredType) ?? 'unknown',
    titles: Ranked.top(state.titles, SHOWN_NAMES),
    aliases: Ranked.top(state.aliases, SHOWN_NAMES),
    total: state.total,
    articleCount: state.articleCount,
    firstSeen: sortedDates(state.earliest)[0] ?? null,
    lastSeen: sortedDates(state.latest).at(-1) ?? null,
  };
}

/**
 * What a speaker's or entity's readers are shown: the settled summary, but for a date window that pending
 * withdrawals empty, which only the share items can refill (the writer does, when it folds them): until then
 * the folded window's ends are shown.
 */
function shownState(state: SummaryState): SummaryState {
  const shown = settled(state);
  return needsDates(shown) ? { ...shown, earliest: state.earliest, latest: state.latest } : shown;
}

export function toItem(kind: AggregateKind, key: TableKey, state: SummaryState): Record<string, unknown> {
  if (kind === 'day') {
    return {
      ...key,
      itemType: kind,
      id: state.id,
      total: state.total,
      articleCount: state.articleCount,
      counts: {
        speakers: Ranked.toPairs(state.speakers),
        entities: Ranked.toPairs(state.entities),
        earliest: Ranked.toPairs(state.earliest),
        latest: Ranked.toPairs(state.latest),
      },
      pending: state.pending,
      revision: state.revision,
    };
  }
  const shown = shownState(state);
  return {
    ...key,
    itemType: kind,
    ...describe(shown),
    total: state.total,
    articleCount: state.articleCount,
    shown: { total: shown.total, articleCount: shown.articleCount },
    counts: {
      names: Ranked.toPairs(state.names),
      types: Ranked.toPairs(state.types),
      titles: Ranked.toPairs(state.titles),
      aliases: Ranked.toPairs(state.aliases),
      earliest: Ranked.toPairs(state.earliest),
      latest: Ranked.toPairs(state.latest),
    },
    indexedNames: state.indexedNames,
    indexedTypes: state.indexedTypes,
    pending: state.pending,
    revision: state.revision,
  };
}

export function fromItem(item: Record<string, unknown>): SummaryState {
  const counts = (item.counts as Record<string, unknown> | undefined) ?? {};
  return {
    id: item.id as string,
    total: item.total as number,
    articleCount: item.articleCount as number,
    names: Ranked.fromPairs(counts.names),
    types: Ranked.fromPairs(counts.types),
    titles: Ranked.fromPairs(counts.titles),
    aliases: Ranked.fromPairs(counts.aliases),
    earliest: Ranked.fromPairs(counts.earliest),
    latest: Ranked.fromPairs(counts.latest),
    speakers: Ranked.fromPairs(counts.speakers),
    entities: Ranked.fromPairs(counts.entities),
    indexedNames: (item.indexedNames as string[]) ?? [],
    indexedTypes: (item.indexedTypes as string[]) ?? [],
    pending: (item.pending as Record<string, PendingShare>) ?? {},
    revision: item.revision as number,
  };
}

/**
 * The attributes a reader needs: the shown fields, which the summary item of store format 3 and the
 * aggregate item of format 2 (not migrated yet) both have; the counts and the journal stay behind.
 */
export const SUMMARY_ATTRIBUTES = ['id', 'name', 'type', 'titles', 'aliases', 'total', 'articleCount', 'shown', 'firstSeen', 'lastSeen'];

export function summaryFromItem(item: Record<string, unknown>): AggregateSummary {
  // `shown`: the totals with the pending entries; an item written before it existed had none at rest.
  const shown = item.shown as Pick<AggregateTotals, 'total' | 'articleCount'> | undefined;
  return {
    id: item.id as string,
    name: item.name as string,
    type: item.type as string,
    titles: (item.titles as string[]) ?? [],
    aliases: (item.aliases as string[]) ?? [],
    total: shown?.total ?? (item.total as number) ?? 0,
    articleCount: shown?.articleCount ?? (item.articleCount as number) ?? 0,
    firstSeen: (item.firstSeen as string | null) ?? null,
    lastSeen: (item.lastSeen as string | null) ?? null,
  };
}

/** What the home page reads of a day summary: its ranked sums, not its journal. */
export const DAY_ATTRIBUTES = ['id', 'articleCount', 'counts'];

export interface DayCounts {
  id: string;
  articleCount: number;
  speakers: RankedCounts;
  entities: RankedCounts;
}

export function dayCountsFromItem(item: Record<string, unknown>): DayCounts {
  const counts = (item.counts as Record<string, unknown> | undefined) ?? {};
  return {
    id: item.id as string,
    articleCount: (item.articleCount as number) ?? 0,
    speakers: Ranked.fromPairs(counts.speakers),
    entities: Ranked.fromPairs(counts.entities),
  };
}
