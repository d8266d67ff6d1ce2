/** That an article version mentions an entity (how often), indexed on the entity's article list. */
import type { EntityArticle } from '../../port.ts';
import { keys, lists } from '../keys.ts';

export interface MentionPlacement {
  entityId: string;
  sourceKey: string;
  version: string;
  sortDate: string;
}

export function toItem(mention: EntityArticle, placement: MentionPlacement): Record<string, unknown> {
  return {
    ...keys.mention(mention.articleId, placement.version, placement.entityId),
    ...lists.entityArticles.entry([placement.entityId], [placement.sortDate, mention.articleId]),
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
