import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleId } from '../../../shared/model/ids.ts';
import { versionToken } from '../../../shared/store/sequencer.ts';
import { fromItems, toItems } from '../../../shared/store/dynamodb/items/article-body.ts';
import { keys } from '../../../shared/store/dynamodb/keys.ts';

/** Ids as the parser and the store make them, from the longest key S3 allows. */
const ID = articleId('k'.repeat(1_024));
const VERSION = versionToken('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF', 999_999);
/** DynamoDB's item size: attribute names and values in UTF-8, binary values at their length. */
const itemBytes = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((sum, [name, value]) => {
    const bytes = value instanceof Uint8Array ? value.length : typeof value === 'string' ? Buffer.byteLength(value) : 21;
    return sum + Buffer.byteLength(name) + bytes;
  }, 0);

describe('article body items', () => {
  it('give back exactly the text, however long, every item under 4 KB and in key order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20_000 }), fc.integer({ min: 0, max: 40 }), (text, repeat) => {
        const body = text.repeat(repeat);
        const items = toItems(ID, VERSION, body);
        expect(fromItems(items)).toBe(body);
        for (const item of items) expect(itemBytes(item)).toBeLessThan(4_096);
        const sortKeys = items.map((item) => String(item.sk));
        expect(sortKeys).toEqual([...sortKeys].sort());
        expect(sortKeys.every((sk) => sk.startsWith(keys.bodyPrefix(VERSION)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('read as no body when a part is missing, rather than as a broken text', () => {
    // Characters drawn at random hardly compress: a text of several parts.
    let seed = 7;
    const random = Array.from({ length: 6_000 }, () => String.fromCodePoint(0x4e00 + ((seed = (seed * 48_271) % 2_147_483_647) % 20_000))).join('');
    const items = toItems(ID, VERSION, random);
    expect(items.length).toBeGreaterThan(2);
    expect(fromItems(items)).toBe(random);
    expect(fromItems(items.slice(0, -1))).toBeNull();
    expect(fromItems(items.slice(1))).toBeNull();
    expect(fromItems([])).toBeNull();
  });

  it('store news text in under half its size', () => {
    const paragraph = 'The minister said on Monday that the bridge would reopen before winter, and that nobody would be left behind. ';
    const body = Array.from({ length: 30 }, (_, n) => `${paragraph}Paragraph ${n} adds its own words about the works.`).join('\n\n');
    const stored = toItems(ID, VERSION, body).reduce((sum, item) => sum + (item.body as Uint8Array).length, 0);
    expect(stored).toBeLessThan(Buffer.byteLength(body) / 2);
  });

  it('sit before the article’s heads, outside the range the JSON reads take', () => {
    const [sk] = toItems(ID, VERSION, 'text').map((item) => String(item.sk));
    const [from, to] = keys.articleRange(false);
    expect(sk! < from || sk! > to).toBe(true);
    const [withBodyFrom, withBodyTo] = keys.articleRange(true);
    expect(sk! >= withBodyFrom && sk! <= withBodyTo).toBe(true);
    expect(keys.articleHead(ID, VERSION).sk > sk!).toBe(true);
  });
});
