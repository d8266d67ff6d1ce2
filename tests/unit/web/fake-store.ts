import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import type { ObjectReader } from '../../../shared/objects/index.ts';
import { ObjectMissing } from '../../../shared/objects/index.ts';
import type { ArticleRecord } from '../../../shared/store/port.ts';

/** Objects by key; a key not given reads as deleted. */
export function fakeObjects(objects: Record<string, string>): ObjectReader {
  return {
    getObjectBytes: async (_bucket, key) => {
      const text = objects[key];
      if (text === undefined) throw new ObjectMissing(key);
      return { bytes: new TextEncoder().encode(text), contentType: 'text/plain' };
    },
  };
}

export const BUCKET = 'articles';

export function articleRecord(parsed: ParsedArticle, key: string, statementCount: number): ArticleRecord {
  return {
    id: parsed.id,
    source: { bucket: BUCKET, key, versionId: null, eTag: null },
    metadata: parsed.metadata,
    statementCount,
    parserVersion: 1,
    ingestedAt: '2026-11-27T10:00:00.000Z',
  };
}
