/** That an article version mentions an entity (how often): an item of the entity's article list (keys.ts). */
import type { EntityArticle } from '../../port.ts';
import { keys, type TableKey } from '../keys.ts';
import type { ArticleHead } from './article.ts';

export interface MentionPlacement {
  entityId: string;
  sourceKey: string;
  version: string;
  sortDate: string;
}

export function toItem(mention: EntityArticle, placement: MentionPlacement): Record<string, unknown> {
  return {
    ...keys.mention(placement.entityId, placement.sortDate, mention.articleId, placement.version),
    itemType: 'mention',
    articleId: mention.articleId,
    entityId: placement.entityId,
    sourceKey: placement.sourceKey,
    version: placement.version,
    mention,
  };
}

/** Mentions stored before `lead` existed read null there, as a titled article's do. */
export function fromItem(item: Record<string, unknown>): EntityArticle {
  const mention = item.mention as EntityArticle;
  return { ...mention, lead: mention.lead ?? null };
}

/** The keys of the mentions a version's items include: one per entity its head counts (article-version.ts). */
export function keysOf(head: ArticleHead): TableKey[] {
  return head.entities.map((entity) => keys.mention(entity.id, head.sortDate, head.record.id, head.version));
}
