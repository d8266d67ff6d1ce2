import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../../shared/store/port.ts';
import { byteSize } from '../../../shared/store/dynamodb/fit.ts';
import { aboutItems, fromItem, toItem } from '../../../shared/store/dynamodb/items/statement.ts';
import { statementRecord } from './statement-record.ts';

const PLACEMENT = { sourceKey: 'news/a.txt', version: 'v1', index: 3, sortDate: '2023-09-20', ingestedAt: '2023-09-21T08:00:00.000Z' };

const record = (text: string, sentence: string): StatementRecord =>
  statementRecord(text, { kind: 'indirect', sentence, articleSite: null, entities: [{ id: 'armenia', start: 0, end: 1 }] });

const words = fc.string({ unit: fc.constantFrom('a', 'b', ' ', 'é', '语', '😀', '"', '“', '.'), maxLength: 300 });

describe('a statement item', () => {
  it('gives back exactly the record it stores, and its about items too, whatever the sentence around the words', () => {
    fc.assert(
      fc.property(words, words, words, fc.boolean(), (text, before, after, around) => {
        const statement = record(text, around ? `${before}${text}${after}` : before);
        expect(fromItem(toItem(statement, PLACEMENT))).toEqual(statement);
        for (const about of aboutItems(statement, PLACEMENT)) expect(fromItem(about)).toEqual(statement);
      }),
      { numRuns: 300 },
    );
  });

  it('stores a sentence that holds the words as the words around them, so the item does not repeat them', () => {
    const text = 'the corridor must open within the month, whatever Baku decides about the border';
    const statement = record(text, `Ana Pérez, the foreign minister, said on Tuesday that ${text}.`);
    const stored = toItem(statement, PLACEMENT).statement as Record<string, unknown>;
    expect(stored.sentence).toBe('');
    expect(stored.sentenceAround).toEqual(['Ana Pérez, the foreign minister, said on Tuesday that ', '.']);
    expect(JSON.stringify(stored).split(text).length - 1).toBe(1);
    expect(byteSize(stored)).toBeLessThan(byteSize(statement));
  });

  it('keeps a sentence that does not hold the words as they are (quotes joined across a cue) whole', () => {
    const statement = record('It is still looking good, We have seen good data.', '"It is still looking good," he told Reuters. "We have seen good data."');
    expect((toItem(statement, PLACEMENT).statement as Record<string, unknown>).sentence).toBe(statement.sentence);
  });

  it('reads an item stored with the whole sentence, as items were before', () => {
    const statement = record('the corridor must open', 'She said the corridor must open.');
    expect(fromItem({ ...toItem(statement, PLACEMENT), statement })).toEqual(statement);
  });
});
