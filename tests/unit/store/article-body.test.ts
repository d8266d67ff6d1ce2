import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteSize } from '../../../shared/store/dynamodb/fit.ts';
import { fromItems, toItems } from '../../../shared/store/dynamodb/items/article-body.ts';
import { keys } from '../../../shared/store/dynamodb/keys.ts';

const PLACE = { sourceKey: 'news/a.txt', version: 'v1' };
/** DynamoDB's item size: names and values, binary values at their length (JSON would inflate them). */
const itemBytes = (item: Record<string, unknown>) =>
  Object.entries(item).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + (value instanceof Uint8Array ? value.length : byteSize(value)), 0);

describe('article body items', () => {
  it('give back exactly the text, however long, every item under 4 KB and in key order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20_000 }), fc.integer({ min: 0, max: 40 }), (text, repeat) => {
        const body = text.repeat(repeat);
        const items = toItems('a', body, PLACE);
        expect(fromItems(items)).toBe(body);
        for (const item of items) expect(itemBytes(item)).toBeLessThan(4_000);
        const sortKeys = items.map((item) => String(item.sk));
        expect(sortKeys).toEqual([...sortKeys].sort());
        expect(sortKeys.every((sk) => sk.startsWith(keys.bodyPrefix(PLACE.version)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('store news text in under half its size', () => {
    const paragraph = 'The minister said on Monday that the bridge would reopen before winter, and that nobody would be left behind. ';
    const body = Array.from({ length: 30 }, (_, n) => `${paragraph}Paragraph ${n} adds its own words about the works.`).join('\n\n');
    const stored = toItems('a', body, PLACE).reduce((sum, item) => sum + (item.body as Uint8Array).length, 0);
    expect(stored).toBeLessThan(Buffer.byteLength(body) / 2);
  });

  it('sit between the article’s about items and its heads, outside the range the JSON reads take', () => {
    const [sk] = toItems('a', 'text', PLACE).map((item) => String(item.sk));
    const [from, to] = keys.articleRange(false);
    expect(sk! < from || sk! > to).toBe(true);
    const [withBodyFrom, withBodyTo] = keys.articleRange(true);
    expect(sk! >= withBodyFrom && sk! <= withBodyTo).toBe(true);
    expect(keys.about('a', 'v1', 'e', 0).sk < sk!).toBe(true);
  });
});
