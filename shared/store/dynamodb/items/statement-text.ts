/**
 * A long statement's words, kept whole but out of the items that list it. The statement item and its about
 * items carry a record of at most STATEMENT_BUDGET_BYTES; when the record is larger (a statement of some
 * hundred words or more), they carry its first words (`clipped`) and the whole text, sentence and entities go
 * into parts items of at most PART_CHARS characters each, read back by GET /statements/{id}. So every item
 * stays under 4 KB however long the statement, and a list of 100 statements stays small.
 */
import type { StatementRecord } from '../../port.ts';
import { byteSize, clip } from '../fit.ts';
import { keys } from '../keys.ts';

export const ITEM_TYPE = 'statement-text';

/** A statement record larger than this is listed by its first words; real quotes nearly all fit whole. */
export const STATEMENT_BUDGET_BYTES = 3_000;
/** The words a clipped record keeps: a paragraph's worth, enough to recognise the statement in a list. */
export const LISTED_CHARS = 600;
/** At most 3 bytes of UTF-8 a UTF-16 unit: 3,600 bytes a part at worst, under 4 KB with its keys. */
const PART_CHARS = 1_200;

type Words = Pick<StatementRecord, 'text' | 'sentence' | 'entities'>;

export interface StoredStatement {
  /** The record the statement item and its about items carry. */
  listed: StatementRecord;
  /** The parts items of a clipped record's whole words; none when the record fits. */
  parts: Record<string, unknown>[];
}

export function storeWords(statement: StatementRecord, place: { version: string; index: number; sourceKey: string }): StoredStatement {
  if (byteSize(statement) <= STATEMENT_BUDGET_BYTES) return { listed: statement, parts: [] };
  const text = clip(statement.text, LISTED_CHARS);
  const kept = text.length - 1;
  const listed: StatementRecord = {
    ...statement,
    text,
    sentence: clip(statement.sentence, LISTED_CHARS),
    entities: statement.entities.filter((entity) => entity.end <= kept),
    clipped: true,
  };
  const words: Words = { text: statement.text, sentence: statement.sentence, entities: statement.entities };
  const parts = pieces(JSON.stringify(words)).map((piece, part) => ({
    ...keys.statementText(statement.articleId, place.version, place.index, part),
    itemType: ITEM_TYPE,
    articleId: statement.articleId,
    sourceKey: place.sourceKey,
    version: place.version,
    words: piece,
  }));
  return { listed, parts };
}

/** PART_CHARS at a time, never between the two halves of a surrogate pair (a lone half is not UTF-8). */
function pieces(text: string): string[] {
  const found: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + PART_CHARS, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    found.push(text.slice(start, end));
    start = end;
  }
  return found;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The whole statement from its clipped record and its parts items (in key order, as a Query returns them). */
export function wholeStatement(listed: StatementRecord, parts: readonly Record<string, unknown>[]): StatementRecord {
  const words = JSON.parse(parts.map((part) => part.words as string).join('')) as Words;
  return { ...listed, ...words, clipped: false };
}
