/**
 * One statement of one article version, indexed on its speaker's timeline and its echo cluster's members, and
 * (through about items) on each entity its words name.
 */
import type { StatementRecord } from '../../port.ts';
import { keys, lists, type TableKey } from '../keys.ts';

/** Told apart from the partition's other items when an article is read whole. */
export const ITEM_TYPE = 'statement';

/**
 * The ids of the entities the statement's text names, each once, as a flat list beside the record: a
 * FilterExpression can test a list for an element (`contains(about, :id)`) but not a list of maps
 * (`statement.entities`) for a map's field. It duplicates `entities`, so it stays out of the record the
 * API answers. Absent when the text names none, and on statements stored before it existed (those match
 * no entity until reprocessed).
 */
export const ABOUT = 'about';

/** The record's entity ids are key-safe already (clipStatement), as the entities' own items are keyed. */
const aboutOf = (statement: StatementRecord): string[] => [...new Set(statement.entities.map((entity) => entity.id))];

/**
 * The record as the statement and about items store it. Its `sentence` (the sentence or sentences the statement
 * was found in) repeats the statement's own words, which are most of it: stored as the words around `text`
 * instead (`sentenceAround`), it costs the items that were just over 1 KB a write unit less on the table and
 * on each index that copies them. `sentence` is then left empty, not dropped, so that a reader from before this
 * (a rollback, or the API in the minutes a deploy updates the ingest first) still reads a whole record, with a
 * blank sentence. A sentence that does not hold the text as it is (quotes joined across a cue, a clipped
 * record's) is stored whole.
 */
type StoredRecord = StatementRecord & { sentenceAround?: [string, string] };

function storedRecord(statement: StatementRecord): StoredRecord {
  const { sentence, text } = statement;
  const at = text ? sentence.indexOf(text) : -1;
  return at < 0 ? statement : { ...statement, sentence: '', sentenceAround: [sentence.slice(0, at), sentence.slice(at + text.length)] };
}

function sentenceOf({ sentence, sentenceAround, text }: StoredRecord): string {
  return sentenceAround ? `${sentenceAround[0]}${text}${sentenceAround[1]}` : sentence;
}

export interface StatementPlacement {
  sourceKey: string;
  version: string;
  index: number;
  sortDate: string;
  ingestedAt: string;
}

export function toItem(statement: StatementRecord, placement: StatementPlacement): Record<string, unknown> {
  return {
    ...keys.statement(statement.articleId, placement.version, placement.index),
    ...lists.speakerTimeline.entry([statement.speaker.id], [placement.sortDate, statement.articleId, placement.index]),
    ...(statement.cluster
      ? lists.clusterMembers.entry([statement.cluster.id], [placement.sortDate, placement.ingestedAt, statement.articleId, placement.index])
      : {}),
    itemType: ITEM_TYPE,
    articleId: statement.articleId,
    sourceKey: placement.sourceKey,
    version: placement.version,
    ...(statement.entities.length > 0 ? { [ABOUT]: aboutOf(statement) } : {}),
    statement: storedRecord(statement),
  };
}

/** Told apart from the partition's other items: the statement once more, filed under an entity it names. */
export const ABOUT_ITEM_TYPE = 'statement-about';

/**
 * One item per distinct entity the statement's text names, each holding the same record as the statement
 * item (read back with fromItem), on that entity's list of what was said about it (lists.entityStatements,
 * in the entity's partition). Like the statement item, it carries a long statement's first words only
 * (statement-text.ts), so it stays under 4 KB.
 */
export function aboutItems(statement: StatementRecord, placement: StatementPlacement): Record<string, unknown>[] {
  const stored = storedRecord(statement);
  return aboutOf(statement).map((entityId) => ({
    ...keys.about(entityId, placement.sortDate, statement.articleId, placement.index, placement.version),
    itemType: ABOUT_ITEM_TYPE,
    articleId: statement.articleId,
    entityId,
    sourceKey: placement.sourceKey,
    version: placement.version,
    statement: stored,
  }));
}

/**
 * The keys of the about items of a stored statement item (its key and `about`), on the date its version's
 * head sorts by: how a version's cleanup finds them, from the statements it reads in the article's
 * partition. A version's about items are written after its statements (writer.ts), so none lacks its statement.
 */
export function aboutKeys(statement: { sk: string; about?: string[] }, head: { record: { id: string }; sortDate: string; version: string }): TableKey[] {
  const index = Number(statement.sk.split('#').at(-1));
  return (statement.about ?? []).map((entityId) => keys.about(entityId, head.sortDate, head.record.id, index, head.version));
}

/**
 * Statements stored before `sentenceAround` carry their whole sentence. Statements stored by parser 5 or older
 * have no `entities` until reprocessed: none known, not a broken record. Statements stored before
 * `articleLead`, `articleSite` or `cluster` existed read null there, as a titled article's do, and were stored
 * whole (not `clipped`).
 */
export function fromItem(item: Record<string, unknown>): StatementRecord {
  const { sentenceAround: _around, ...statement } = item.statement as StoredRecord;
  return { ...statement, sentence: sentenceOf(item.statement as StoredRecord), articleLead: statement.articleLead ?? null, articleSite: statement.articleSite ?? null, entities: statement.entities ?? [], clipped: statement.clipped ?? false, cluster: statement.cluster ?? null };
}
