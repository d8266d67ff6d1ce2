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
import { describe as show, emptySummary, fold, fromItem, needsDates, summaryFromItem, toItem, withDates, type SummaryState } from '../../../shared/store/dynamodb/items/aggregate-summary.ts';
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
  // Shares already folded in, and pending changes over them: some replaced, some withdrawn, some new.
  const folded = fc.array(share, { minLength: 1, maxLength: 10 });
  const change = fc.record({ replaces: fc.option(fc.nat(), { nil: null }), withdraw: fc.boolean(), next: share });

  it('shows them folded in, name, type, titles and dates included, and reads back the folded state and its journal', () => {
    fc.assert(
      fc.property(folded, fc.array(change, { minLength: 1, maxLength: 4 }), (shares, changes) => {
        let state: SummaryState = emptySummary('x');
        for (const one of shares) state = fold(state, null, one);
        const live = new Map(shares.map((one, n) => [`article-${n}`, one]));
        const pending: SummaryState['pending'] = {};
        changes.forEach(({ replaces, withdraw, next }, n) => {
          const articleId = replaces === null ? `new-${n}` : `article-${replaces % shares.length}`;
          if (pending[articleId]) return;
          const old = live.get(articleId) ?? null;
          const neu = withdraw && old ? { ...old, count: 0 } : next;
          pending[articleId] = { old, new: neu, token: 7 };
          if (neu.count > 0) live.set(articleId, neu);
          else live.delete(articleId);
        });
        state = { ...state, revision: 7, pending };
        const item = toItem('speaker', { pk: 'SPEAKER#x', sk: 'SPEAKER' }, state);
        expect(show(fromItem(item))).toEqual(show(state));
        expect(fromItem(item).pending).toEqual(pending);
        // What readers get: what the live shares give, pending changes included (no window can empty here: under 16 dates).
        const { total, articleCount, ...shown } = expected([...live.values()]);
        expect(summaryFromItem(item)).toEqual({ ...shown, total, articleCount });
      }),
    );
  });

  it('shows the same whatever order its pending entries are read back in', () => {
    const dated = (day: number, count = 1): Share => ({ count, date: `2023-03-${String(day).padStart(2, '0')}`, version: '1', info: { name: 'Erdoğan', type: 'person', titles: [], aliases: [] } });
    let state: SummaryState = emptySummary('x');
    for (let day = 1; day <= 20; day++) state = fold(state, null, dated(day));
    // The earliest window holds 16 of the 20 dates. Withdrawing those 16 before adding an earlier date empties
    // it (the new date cannot be placed), adding it first does not: the order of the changes matters.
    const withdrawals = Array.from({ length: 16 }, (_, n) => [`a${String(n + 1).padStart(2, '0')}`, { old: dated(n + 1), new: dated(n + 1, 0), token: 3 }] as const);
    const addition = ['z', { old: null, new: { ...dated(1), date: '2023-02-28' }, token: 3 }] as const;
    const key = { pk: 'SPEAKER#x', sk: 'SPEAKER' };
    const written = toItem('speaker', key, { ...state, revision: 3, pending: Object.fromEntries([...withdrawals, addition]) });
    const readBack = toItem('speaker', key, { ...state, revision: 3, pending: Object.fromEntries([addition, ...withdrawals]) });
    expect(summaryFromItem(readBack)).toEqual(summaryFromItem(written));
  });

  it('shows the folded first-seen date while pending withdrawals empty its window, until the writer refills it', () => {
    const dated = (day: number): Share => ({ count: 1, date: `2023-03-${String(day).padStart(2, '0')}`, version: '1', info: { name: 'Erdoğan', type: 'person', titles: [], aliases: [] } });
    let state: SummaryState = emptySummary('x');
    for (let day = 1; day <= 20; day++) state = fold(state, null, dated(day));
    const pending = Object.fromEntries(Array.from({ length: 16 }, (_, n) => [`article-${n + 1}`, { old: dated(n + 1), new: { ...dated(n + 1), count: 0 }, token: 3 }]));
    const item = toItem('speaker', { pk: 'SPEAKER#x', sk: 'SPEAKER' }, { ...state, revision: 3, pending });
    expect(summaryFromItem(item)).toMatchObject({ articleCount: 4, firstSeen: '2023-03-01', lastSeen: '2023-03-20' });
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
