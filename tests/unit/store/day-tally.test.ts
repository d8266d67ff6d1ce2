/**
 * Publication-day aggregates (items/day-tally.ts): what one article adds to its day, and the day summary
 * folded from those shares (items/aggregate-summary.ts, kind `day`). Within the bound the sums are exact
 * and independent of arrival order, and a withdrawal takes back exactly what its article added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Share } from '../../../shared/store/dynamodb/items/aggregate.ts';
import { DAY_BOUND, emptySummary, fold, toItem, type SummaryState } from '../../../shared/store/dynamodb/items/aggregate-summary.ts';
import type { ArticleHead } from '../../../shared/store/dynamodb/items/article.ts';
import { dayChanges, publicationDay, TALLY_BOUND, tallyOf } from '../../../shared/store/dynamodb/items/day-tally.ts';
import * as Ranked from '../../../shared/store/dynamodb/items/ranked-counts.ts';
import { DAY_SHARDS, days, keys } from '../../../shared/store/dynamodb/keys.ts';

function head(id: string, publishedAt: string | null, sortDate: string, speakers: [string, number][], entities: [string, number][]): ArticleHead {
  return {
    record: { id, metadata: { publishedAt } } as ArticleHead['record'],
    sourceKey: `${id}.txt`,
    version: 'v1',
    sortDate,
    speakers: speakers.map(([speakerId, statements]) => ({ id: speakerId, name: speakerId, type: 'person', titles: [], aliases: [], statements })),
    entities: entities.map(([entityId, count]) => ({ id: entityId, name: entityId, type: 'location', aliases: [], count })),
  };
}

const dayShare = (tally: Share['tally'], count = 1): Share => ({ count, date: '2023-09-20', version: '1', info: { name: '', type: '', titles: [], aliases: [] }, tally });
const sums = (state: SummaryState) => ({ articles: state.articleCount, speakers: state.speakers, entities: state.entities });

describe('an article’s day share', () => {
  it('tallies statements per speaker and mentions per entity, its TALLY_BOUND highest of each', () => {
    const many = Array.from({ length: TALLY_BOUND + 5 }, (_, n): [string, number] => [`s${String(n).padStart(2, '0')}`, n + 1]);
    const tally = tallyOf(head('a', '2023-09-20', '2023-09-20', many, [['baku', 3], ['yerevan', 0]]));
    expect(tally.speakers).toHaveLength(TALLY_BOUND);
    expect(tally.speakers[0]).toEqual(['s20', 21]);
    expect(tally.entities).toEqual([['baku', 3]]);
  });

  it('counts on the UTC day of the publication date, never for an undated article', () => {
    expect(publicationDay(head('a', '2023-09-20T23:30:00-02:00', '2023-09-21T01:30:00Z', [], []))).toBe('2023-09-21');
    expect(publicationDay(head('a', null, '2023-11-01T10:00:00Z', [], []))).toBeNull();
  });

  it('moves with a new date (a zero share on the old day) and is withdrawn with its article', () => {
    const before = head('a', '2023-09-20', '2023-09-20', [['x', 2]], []);
    const after = head('a', '2023-09-25', '2023-09-25', [['x', 1]], []);
    const moved = dayChanges('v2', after, [before]);
    expect(moved.map((change) => [change.id, change.share.count])).toEqual([
      [days.idOf('2023-09-20', 'a'), 0],
      [days.idOf('2023-09-25', 'a'), 1],
    ]);
    expect(moved.every((change) => change.kind === 'day' && change.share.version === 'v2')).toBe(true);
    // Same day: one change, the current one.
    expect(dayChanges('v2', before, [before]).map((change) => change.share.count)).toEqual([1]);
    expect(dayChanges('v3', undefined, [after]).map((change) => [change.id, change.share.count, change.share.tally])).toEqual([
      [days.idOf('2023-09-25', 'a'), 0, { speakers: [], entities: [] }],
    ]);
  });

  it('keeps its shard whatever its date, one of DAY_SHARDS per day', () => {
    const shard = (id: string) => id.split('#')[1];
    expect(shard(days.idOf('2023-09-20', 'a'))).toBe(shard(days.idOf('2024-01-01', 'a')));
    expect(days.idsOf('2023-09-20')).toHaveLength(DAY_SHARDS);
    expect(days.idsOf('2023-09-20')).toContain(days.idOf('2023-09-20', 'a'));
    expect(keys.day(days.idOf('2023-09-20', 'a')).pk).toMatch(/^DAY#2023-09-20#0\d$/);
  });
});

describe('a day summary folded from day shares', () => {
  const tally = fc.record({
    speakers: fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 1, max: 9 })), { selector: ([id]) => id, maxLength: 5 }),
    entities: fc.uniqueArray(fc.tuple(fc.constantFrom('p', 'q', 'r'), fc.integer({ min: 1, max: 9 })), { selector: ([id]) => id, maxLength: 3 }),
  });

  it('sums the tallies exactly, in any order, and a withdrawal takes back what its article added', () => {
    fc.assert(
      fc.property(fc.array(tally, { maxLength: 30 }), fc.func(fc.integer()), fc.func(fc.boolean()), (tallies, order, withdrawn) => {
        const shares = tallies.map((one) => dayShare(one));
        const shuffled = [...shares].sort((a, b) => order(a) - order(b));
        let state: SummaryState = emptySummary('2023-09-20#00');
        for (const one of shuffled) state = fold(state, null, one);
        const kept = shares.filter((one) => !withdrawn(one));
        for (const one of shares) if (withdrawn(one)) state = fold(state, one, { ...one, count: 0, tally: { speakers: [], entities: [] } });
        let fresh: SummaryState = emptySummary('2023-09-20#00');
        for (const one of kept) fresh = fold(fresh, null, one);
        expect(sums(state)).toEqual(sums(fresh));
        const expected = (list: 'speakers' | 'entities') => {
          const out: Record<string, number> = {};
          for (const one of kept) for (const [id, count] of one.tally?.[list] ?? []) out[id] = (out[id] ?? 0) + count;
          return out;
        };
        expect(state.speakers).toEqual(expected('speakers'));
        expect(state.entities).toEqual(expected('entities'));
        expect(state.articleCount).toBe(kept.length);
      }),
    );
  });

  it('keeps DAY_BOUND ids of each, the busiest, and stays a small item without names, titles or a name index', () => {
    let state = emptySummary('2023-09-20#00');
    for (let n = 0; n < 200; n++) {
      const id = `speaker-with-a-fairly-long-id-${String(n).padStart(3, '0')}`;
      state = fold(state, null, dayShare({ speakers: [[id, 1 + (n % 7)]], entities: [[`entity-${id}`, 1 + (n % 5)]] }));
    }
    expect(Object.keys(state.speakers)).toHaveLength(DAY_BOUND);
    // Every speaker with 7 statements (28 of them) is kept, the rest of the 40 from those with 6.
    expect(Object.values(state.speakers).filter((count) => count === 7)).toHaveLength(28);
    expect(Math.min(...Object.values(state.speakers))).toBe(6);
    const item = toItem('day', keys.day('2023-09-20#00'), state);
    expect(Object.keys(item).sort()).toEqual(['articleCount', 'counts', 'id', 'itemType', 'pending', 'pk', 'revision', 'sk', 'total']);
    // 80 ids of ~35 characters with their counts: well under 4 KB (DynamoDB counts names and values in UTF-8).
    expect(Buffer.byteLength(JSON.stringify(item))).toBeLessThan(4096);
  });
});

describe('weighted ranked counts', () => {
  it('add and subtract weights, dropping the lowest past the bound and never going below zero', () => {
    let counts = Ranked.addWeighted({}, [['a', 3], ['b', 1], ['c', 2]], 2);
    expect(counts).toEqual({ a: 3, c: 2 });
    counts = Ranked.subtractWeighted(counts, [['a', 1], ['b', 1], ['c', 5]]);
    expect(counts).toEqual({ a: 2 });
    expect(Ranked.ranked({ a: 1, b: 3, c: 3 }, 2)).toEqual([['b', 3], ['c', 3]]);
  });
});
