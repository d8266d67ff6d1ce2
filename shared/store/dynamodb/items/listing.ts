/**
 * The listing item: one per article version, beside its head, indexed on the list of all articles by
 * date. It holds the article as lists show it, without what grows with the article's length (entities,
 * mentioned dates, headings), so a page of the list reads a tenth of what the heads would cost. It
 * carries the version like every other item of the version, so a replace stays atomic for list readers.
 */
import type { ArticleMetadata } from '../../../model/article.ts';
import type { ArticleRecord } from '../../port.ts';
import type { ArticleHead } from './article.ts';
import { keys, lists } from '../keys.ts';

type ListedMetadata = Omit<ArticleMetadata, 'entities' | 'mentionedDates' | 'headings'>;

export function toItem(head: ArticleHead): Record<string, unknown> {
  const { entities: _entities, mentionedDates: _dates, headings: _headings, ...metadata } = head.record.metadata;
  const listed: Omit<ArticleRecord, 'metadata'> & { metadata: ListedMetadata } = { ...head.record, metadata };
  return {
    ...keys.articleListing(head.record.id, head.version),
    ...lists.articlesByDate.entry(head.record.id, [head.sortDate, head.record.id]),
    itemType: 'article-listing',
    articleId: head.record.id,
    sourceKey: head.sourceKey,
    version: head.version,
    article: listed,
  };
}

/** The listed article, its long lists left empty (see `ArticleReader.listArticles`). */
export function fromItem(item: Record<string, unknown>): ArticleRecord {
  const listed = item.article as Omit<ArticleRecord, 'metadata'> & { metadata: ListedMetadata };
  return { ...listed, metadata: { ...listed.metadata, entities: [], mentionedDates: [], headings: [] } };
}
