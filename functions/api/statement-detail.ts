import type * as z from 'zod';
import { firstWords } from '../../shared/model/first-words.ts';
import type { StatementWithArticle as StoredStatement } from '../../shared/store/port.ts';
import type { StatementWithArticle } from './schemas/responses.ts';

/**
 * One statement as GET /statements/{id} answers it and its web page shows it: the record, what its article
 * is (not the whole metadata), and each entity its words name, resolved against the article's entities.
 */
export function statementDetail({ statement, article }: StoredStatement): z.input<typeof StatementWithArticle> {
  const { metadata } = article;
  const entities = new Map(metadata.entities.map((entity) => [entity.id, entity]));
  const about = new Map<string, { id: string; name: string; type: (typeof metadata.entities)[number]['type'] | null }>();
  for (const { id, start, end } of statement.entities) {
    if (about.has(id)) continue;
    const entity = entities.get(id);
    about.set(id, entity ? { id, name: entity.name, type: entity.type } : { id, name: statement.text.slice(start, end) || id, type: null });
  }
  return {
    ...statement,
    article: {
      id: article.id,
      title: metadata.title,
      lead: metadata.title === null ? firstWords(metadata.summary) : null,
      publishedAt: metadata.publishedAt,
      siteName: metadata.siteName,
      canonicalUrl: metadata.canonicalUrl,
      source: article.source,
    },
    about: [...about.values()],
  };
}
