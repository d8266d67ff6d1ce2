/**
 * What an article adds to its publication day (a `day` aggregate, ../aggregates.ts): a share whose count
 * is 1 while the article is current with that date (0 once withdrawn or moved to another day) and whose
 * tally is its statements per speaker and mentions per entity, the TALLY_BOUND highest of each. The home
 * page's busiest speakers and entities are the sums over thirty days of these, kept in each day's summary.
 *
 * Only articles with a publication date count: an undated one is filed at its upload time, which says when
 * it was stored, not when anyone said anything.
 */
import type { ShareChange } from '../aggregates.ts';
import { days } from '../keys.ts';
import type { Share, Tally } from './aggregate.ts';
import type { ArticleHead } from './article.ts';

/** Speakers and entities one article adds to its day, each: real articles name fewer, and the rest count little. */
export const TALLY_BOUND = 16;

const NO_INFO = { name: '', type: '', titles: [], aliases: [] };

const top = (pairs: [string, number][]): [string, number][] =>
  pairs
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, TALLY_BOUND);

export function tallyOf(head: ArticleHead): Tally {
  return {
    speakers: top(head.speakers.map((speaker) => [speaker.id, speaker.statements])),
    entities: top(head.entities.map((entity) => [entity.id, entity.count])),
  };
}

/** The UTC day the article was published (its sort date's), or null for an undated article. */
export function publicationDay(head: ArticleHead): string | null {
  if (!head.record.metadata.publishedAt) return null;
  const day = head.sortDate.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
}

/**
 * The day share of the current head, plus a zero share for each day only older heads counted in (a
 * re-upload with another date moves the article; a withdrawal takes it away). `version` is the current
 * source version, as for speaker and entity shares: a share is replaced only by a newer one.
 */
export function dayChanges(version: string, current: ArticleHead | undefined, previous: ArticleHead[]): ShareChange[] {
  const changes = new Map<string, ShareChange>();
  const add = (head: ArticleHead, withdraw: boolean) => {
    const day = publicationDay(head);
    if (day === null) return;
    const articleId = head.record.id;
    const id = days.idOf(day, articleId);
    const tally = withdraw ? { speakers: [], entities: [] } : tallyOf(head);
    const share: Share = { count: withdraw ? 0 : 1, date: day, version, info: NO_INFO, tally };
    changes.set(id, { kind: 'day', id, articleId, share });
  };
  for (const head of previous) add(head, true);
  if (current) add(current, false);
  return [...changes.values()];
}
