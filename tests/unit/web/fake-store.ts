import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import type { ArticleRecord } from '../../../shared/store/port.ts';

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
