/**
 * Keeps every item of an article under DynamoDB's 400 KB item limit whatever the input: statements are
 * clipped at lengths no real quote reaches, and the article head's metadata gives up detail in steps
 * (mention offsets first, the least-mentioned entities last) until it fits, saying so in its warnings.
 */
import { createHash } from 'node:crypto';
import type { ArticleMetadata } from '../../model/article.ts';
import type { Statement } from '../../model/statement.ts';

/** Of DynamoDB's 400 KB: head room for attribute names and the encoding's own overhead. */
export const ITEM_BUDGET_BYTES = 350_000;
export const TRIM_WARNING = 'stored metadata trimmed to fit the database item size limit';

const MAX_STATEMENT_TEXT = 10_000;
const MAX_NAME = 300;
const MAX_ALIASES = 10;

export const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** At most `max` UTF-16 units, ending in … when cut; never between the two halves of a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 2);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Speaker and entity ids end up in keys (2,048 bytes for a partition key, 1,024 for a sort key). Real ids
 * are short slugs; a pathological one is cut and given a hash of the whole, so it stays unique and stable.
 */
const MAX_ID_BYTES = 200;

export function keySafeId(id: string): string {
  if (Buffer.byteLength(id, 'utf8') <= MAX_ID_BYTES) return id;
  return `${clip([...id].slice(0, 100).join(''), 100)}-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`;
}

/**
 * A clipped statement keeps only the entities that still lie inside its text (offsets stay true, the
 * ellipsis is no part of a name), under the same key-safe ids the article's entities get.
 */
export function clipStatement(statement: Statement): Statement {
  const text = clip(statement.text, MAX_STATEMENT_TEXT);
  const kept = text === statement.text ? text.length : text.length - 1;
  return {
    ...statement,
    text,
    entities: statement.entities.filter((entity) => entity.end <= kept).map((entity) => ({ ...entity, id: keySafeId(entity.id) })),
    sentence: clip(statement.sentence, MAX_STATEMENT_TEXT),
    cue: clip(statement.cue, MAX_NAME),
    speaker: {
      ...statement.speaker,
      id: keySafeId(statement.speaker.id),
      name: clip(statement.speaker.name, MAX_NAME),
      title: statement.speaker.title === null ? null : clip(statement.speaker.title, MAX_NAME),
      aliases: statement.speaker.aliases.slice(0, MAX_ALIASES).map((alias) => clip(alias, MAX_NAME)),
    },
  };
}

type Step = (metadata: ArticleMetadata) => ArticleMetadata;

const steps: Step[] = [
  (m) => ({
    ...m,
    entities: m.entities.map((entity) => ({ ...entity, mentions: entity.mentions.slice(0, 20) })),
    mentionedDates: m.mentionedDates.slice(0, 200),
    headings: m.headings.slice(0, 100).map((heading) => clip(heading, 500)),
    tags: m.tags.slice(0, 100),
    authors: m.authors.slice(0, 50),
    warnings: m.warnings.slice(0, 50),
  }),
  (m) => ({ ...m, entities: m.entities.map((entity) => ({ ...entity, mentions: [] })), mentionedDates: m.mentionedDates.slice(0, 20) }),
  (m) => ({
    ...m,
    title: m.title === null ? null : clip(m.title, 1_000),
    summary: m.summary === null ? null : clip(m.summary, 2_000),
    byline: m.byline === null ? null : clip(m.byline, 1_000),
    headings: m.headings.slice(0, 20),
    entities: [...m.entities].sort((a, b) => b.count - a.count).slice(0, 100).map((entity) => ({ ...entity, aliases: entity.aliases.slice(0, MAX_ALIASES) })),
  }),
  (m) => ({ ...m, entities: [], mentionedDates: [], headings: [], tags: m.tags.slice(0, 10), provenance: {} }),
];

/** The metadata itself when it fits `budget` bytes, else a trimmed copy that does. */
export function fitMetadata(metadata: ArticleMetadata, budget: number): ArticleMetadata {
  if (byteSize(metadata) <= budget) return metadata;
  let trimmed = { ...metadata, warnings: [TRIM_WARNING, ...metadata.warnings] };
  for (const step of steps) {
    trimmed = step(trimmed);
    if (byteSize(trimmed) <= budget) return trimmed;
  }
  throw new Error(`article metadata does not fit in ${budget} bytes even trimmed`);
}
