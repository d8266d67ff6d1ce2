/**
 * The summary of a speaker or entity is folded from share changes one at a time (items/aggregate-summary.ts).
 * Whatever the order, and whatever is withdrawn on the way, it shows what the live shares alone give:
 * exact totals, first and last seen, and (within the ranked counts' bound) the most frequent name and
 * type and the top titles. Withdrawals that empty a date window are reported, and the refill from the
 * shares gives the exact ends back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Share } from '../../../shared/store/dynamodb/items/aggregate.ts';
import { describe as show, emptySummary, fold, fromItem, needsDates, toItem, withDates, type SummaryState } from '../../../shared/store/dynamodb/items/aggregate-summary.ts';
import * as Ranked from '../../../shared/store/dynamodb/items/ranked-counts.ts';

const share = fc.record({
  count: fc.integer({ min: 1, max: 5 }),
  date: fc.integer({ min: 0, max: 60 }).map((day) => `2023-${String(1 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`),
  version: fc.constant('1'),
  info: fc.record({
    name: fc.constantFrom('Erdoğan', 'Erdogan', 'R. T. Erdogan'),
    type: fc.constantFrom('person', 'unknown'),
    titles: fc.subarray(['president', 'leader', 'head of state']),
    aliases: fc.subarray(['Tayyip', 'RTE']),
  }),
});

/** What the live shares alone show: computed from scratch. */
function expected(shares: Share[]) {
  let state = emptySummary('x');
  for (const one of [...shares].sort((a, b) => (a.date < b.date ? -1 : 1))) state = fold(state, null, one);
  return show(state);
}

describe('a summary folded from share changes', () => {
  it('is the same in any order of arrival', () => {
    fc.assert(
      fc.property(fc.array(share, { maxLength: 40 }), fc.func(fc.integer()), (shares, key) => {
        const shuffled = [...shares].sort((a, b) => key(a) - key(b));
        let state: SummaryState = emptySummary('x');
        for (const one of shuffled) state = fold(state, null, one);
        expect(show(state)).toEqual(expected(shares));
      }),
    );
  });

  it('shows exactly what the remaining shares give after withdrawals, refilling an emptied date window from them', () => {
    fc.assert(
      fc.property(fc.array(share, { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (shares, withdrawn) => {
        let state: SummaryState = emptySummary('x');
        for (const one of shares) state = fold(state, null, one);
        const remaining: Share[] = [];
        shares.forEach((one, index) => {
          if (withdrawn[index]) {
            state = fold(state, one, { ...one, count: 0 });
            // The writer refills from the share items: the live shares are those kept so far and all later ones.
            if (needsDates(state)) state = withDates(state, [...remaining, ...shares.slice(index + 1)]);
          } else remaining.push(one);
        });
        expect(show(state)).toEqual(expected(remaining));
      }),
    );
  });
});

describe('a summary item with pending changes', () => {
  it('shows them folded in, and reads back the folded state and its journal unchanged', () => {
    fc.assert(
      fc.property(fc.array(share, { maxLength: 10 }), fc.array(share, { minLength: 1, maxLength: 4 }), (folded, pending) => {
        let state: SummaryState = emptySummary('x');
        for (const one of folded) state = fold(state, null, one);
        state = { ...state, revision: 7, pending: Object.fromEntries(pending.map((one, n) => [`article-${n}`, { old: null, new: one, token: 7 }])) };
        const item = toItem('speaker', { pk: 'SPEAKER#x', sk: 'SPEAKER' }, state);
        expect(show(fromItem(item))).toEqual(show(state));
        expect(fromItem(item).pending).toEqual(state.pending);
        // What readers get: the totals, names and dates of every share, pending ones included.
        const shown = expected([...folded, ...pending]);
        expect(item).toMatchObject({ total: shown.total, articleCount: shown.articleCount, name: shown.name, firstSeen: shown.firstSeen, lastSeen: shown.lastSeen });
      }),
    );
  });
});

describe('a ranked count', () => {
  it('keeps at most its bound, dropping the rarest first', () => {
    let counts: Ranked.RankedCounts = {};
    for (const value of ['a', 'a', 'b', 'c', 'd']) counts = Ranked.add(counts, [value], 3);
    expect(counts).toEqual({ a: 2, b: 1, c: 1 });
    expect(Ranked.top(counts, 2)).toEqual(['a', 'b']);
    expect(Ranked.best(counts, (x, y) => (x < y ? x : y))).toBe('a');
    expect(Ranked.subtract(Ranked.subtract(counts, ['a', 'd']), ['a'])).toEqual({ b: 1, c: 1 });
  });
});
