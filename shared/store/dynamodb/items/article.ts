/**
 * The article head: one per article version, holding the metadata (not the body, which is stored beside it:
 * article-body.ts) and what the article contributes to speaker and entity aggregates, so that those can be
 * recomputed or withdrawn later from the head alone. The list of all articles is indexed on a smaller
 * item beside it (listing.ts).
 */
import type { EntityType } from '../../../model/article.ts';
import type { SpeakerType } from '../../../model/statement.ts';
import type { ArticleRecord } from '../../port.ts';
import { keys } from '../keys.ts';

/** Told apart from the partition's other items when an article is read whole. */
export const ITEM_TYPE = 'article';

export interface SpeakerShare {
  id: string;
  name: string;
  type: SpeakerType;
  titles: string[];
  aliases: string[];
  statements: number;
}

export interface EntityShare {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  count: number;
}

export interface ArticleHead {
  record: ArticleRecord;
  sourceKey: string;
  version: string;
  /** Publication date (or the upload's time) in sortable form: see sort-date.ts. */
  sortDate: string;
  speakers: SpeakerShare[];
  entities: EntityShare[];
}

export function toItem(head: ArticleHead): Record<string, unknown> {
  return {
    ...keys.articleHead(head.record.id, head.version),
    itemType: ITEM_TYPE,
    articleId: head.record.id,
    sourceKey: head.sourceKey,
    version: head.version,
    sortDate: head.sortDate,
    article: head.record,
    speakers: head.speakers,
    entities: head.entities,
  };
}

export function fromItem(item: Record<string, unknown>): ArticleHead {
  return {
    record: item.article as ArticleRecord,
    sourceKey: item.sourceKey as string,
    version: item.version as string,
    sortDate: item.sortDate as string,
    speakers: (item.speakers as SpeakerShare[]) ?? [],
    entities: (item.entities as EntityShare[]) ?? [],
  };
}
