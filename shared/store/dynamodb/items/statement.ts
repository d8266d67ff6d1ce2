/** One statement of one article version, indexed on its speaker's timeline. */
import type { StatementRecord } from '../../port.ts';
import { keys, lists } from '../keys.ts';

/** Told apart from the partition's other items when an article is read whole. */
export const ITEM_TYPE = 'statement';

export interface StatementPlacement {
  sourceKey: string;
  version: string;
  index: number;
  sortDate: string;
}

export function toItem(statement: StatementRecord, placement: StatementPlacement): Record<string, unknown> {
  return {
    ...keys.statement(statement.articleId, placement.version, placement.index),
    ...lists.speakerTimeline.entry([statement.speaker.id], [placement.sortDate, statement.articleId, placement.index]),
    itemType: ITEM_TYPE,
    articleId: statement.articleId,
    sourceKey: placement.sourceKey,
    version: placement.version,
    statement,
  };
}

/**
 * Statements stored by parser 5 or older have no `entities` until reprocessed: none known, not a broken
 * record. Statements stored before `articleLead` existed read null there, as a titled article's do.
 */
export function fromItem(item: Record<string, unknown>): StatementRecord {
  const statement = item.statement as StatementRecord;
  return { ...statement, articleLead: statement.articleLead ?? null, entities: statement.entities ?? [] };
}
