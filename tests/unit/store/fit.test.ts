/** What a statement keeps when its text is clipped to fit an item. */
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../shared/model/statement.ts';
import { clipStatement, keySafeId } from '../../../shared/store/dynamodb/fit.ts';

const statement = (text: string, entities: Statement['entities']): Statement => ({
  kind: 'direct',
  text,
  cue: 'said',
  speaker: { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdogan', type: 'person', title: null, aliases: [] },
  start: 0,
  end: text.length,
  paragraph: 0,
  sentence: text,
  entities,
});

describe('clipStatement', () => {
  it('keeps a short statement and its entities as they are', () => {
    const short = statement('Armenia must talk.', [{ id: 'armenia', start: 0, end: 7 }]);
    expect(clipStatement(short)).toEqual(short);
  });

  it('drops the entities a clipped text no longer holds, and keeps the offsets of the rest true', () => {
    const text = `Armenia ${'and so on '.repeat(1_200)}Azerbaijan`;
    const tail = text.length - 'Azerbaijan'.length;
    const clipped = clipStatement(statement(text, [{ id: 'armenia', start: 0, end: 7 }, { id: 'azerbaijan', start: tail, end: text.length }]));
    expect(clipped.text.length).toBeLessThan(text.length);
    expect(clipped.entities).toEqual([{ id: 'armenia', start: 0, end: 7 }]);
    for (const entity of clipped.entities) expect(clipped.text.slice(entity.start, entity.end)).toBe('Armenia');
  });

  it('gives entity ids the same key-safe form as the article’s entities', () => {
    const long = 'x'.repeat(500);
    const clipped = clipStatement(statement('Xx said so.', [{ id: long, start: 0, end: 2 }]));
    expect(clipped.entities[0]?.id).toBe(keySafeId(long));
    expect(Buffer.byteLength(clipped.entities[0]?.id ?? '')).toBeLessThanOrEqual(200);
  });
});
