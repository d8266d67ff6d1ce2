import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatementRecord } from '../../../shared/store/port.ts';
import { byteSize } from '../../../shared/store/dynamodb/fit.ts';
import { LISTED_CHARS, STATEMENT_BUDGET_BYTES, storeWords, wholeStatement } from '../../../shared/store/dynamodb/items/statement-text.ts';
import { statementRecord } from './statement-record.ts';

/** Half a surrogate pair: no UTF-8 encoding exists for it, so DynamoDB would store a replacement character. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

const PLACE = { version: 'v1', index: 3, sourceKey: 'news/a.txt' };

function record(text: string): StatementRecord {
  const word = text.indexOf('Armenia');
  return statementRecord(text, { entities: word < 0 ? [] : [{ id: 'armenia', start: word, end: word + 'Armenia'.length }] });
}

describe('a long statement stored in parts', () => {
  it('stores a statement that fits whole, with no parts', () => {
    const short = record('Armenia must open the corridor.');
    expect(storeWords(short, PLACE)).toEqual({ listed: short, parts: [] });
  });

  it('lists its first words, and gives back exactly the whole from the parts, every item under 4 KB', () => {
    // Any text, with characters of every UTF-8 length (astral ones take 4 bytes for 2 UTF-16 units).
    const long = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '—', '语', '😀', '"', '\\'), minLength: 1_000, maxLength: 12_000 });
    fc.assert(
      fc.property(long, (text) => {
        const statement = record(`${text} Armenia`);
        const { listed, parts } = storeWords(statement, PLACE);
        if (byteSize(statement) <= STATEMENT_BUDGET_BYTES) return;
        expect(listed.clipped).toBe(true);
        expect(listed.text.length).toBeLessThanOrEqual(LISTED_CHARS);
        expect(byteSize(listed)).toBeLessThan(4_096);
        for (const part of parts) {
          expect(byteSize(part)).toBeLessThan(4_096);
          expect(String(part.words)).not.toMatch(LONE_SURROGATE);
        }
        expect(listed.text).not.toMatch(LONE_SURROGATE);
        expect(wholeStatement(listed, parts)).toEqual(statement);
      }),
      { numRuns: 50 },
    );
  });

  it('keeps in the listed record only the entities inside its first words', () => {
    const statement = record(`${'word '.repeat(1_000)}Armenia`);
    const { listed } = storeWords(statement, PLACE);
    expect(statement.entities).toHaveLength(1);
    expect(listed.entities).toEqual([]);
  });
});
