import * as z from 'zod';
import { ArticleMetadata, EntityType } from './article.ts';
import { SpeakerType, Statement } from './statement.ts';

/**
 * What the store keeps and the API answers, as zod schemas: the store's types are inferred from them and the
 * API's response schemas name them, so a field is declared once. The ingest path imports these as types only
 * (classic zod is not in its bundle; notifications.ts validates with zod/mini).
 */

const nonNegativeInt = z.number().int().nonnegative();
export const Timestamp = z.string().meta({ description: 'ISO 8601 date-time.' });

export const ArticleRecord = z.object({
  id: z.string(),
  /** The S3 object version the article was read from. */
  source: z.object({ bucket: z.string(), key: z.string(), versionId: z.string().nullable(), eTag: z.string().nullable() }),
  metadata: ArticleMetadata,
  statementCount: nonNegativeInt,
  parserVersion: z.number().int(),
  ingestedAt: Timestamp,
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

/** How a statement's words relate to its cluster's reference, the first of them stored (shared/echo/relation.ts). */
export const EchoRelation = z.enum(['reference', 'copy', 'near-copy', 'paraphrase']);
export type EchoRelation = z.infer<typeof EchoRelation>;

export const StatementCluster = z.object({
  id: z.string().meta({ description: 'The echo cluster: GET /clusters/{id} lists every statement in it.' }),
  relation: EchoRelation.meta({
    description:
      "How this statement's words relate to the cluster's reference statement (the first of them the archive stored): the same words once normalized (copy), most word pairs shared or a cut copy (near-copy), or reported speech sharing most content words (paraphrase).",
  }),
});
export type StatementCluster = z.infer<typeof StatementCluster>;

export const StatementRecord = Statement.extend({
  id: z.string(),
  articleId: z.string(),
  articleTitle: z.string().nullable(),
  articleLead: z
    .string()
    .nullable()
    .meta({ description: "The first words of the article's summary (its lead sentence unless the source gave a description), ending with …, when the article has no title; else null. Statements stored before this field read null until reprocessed." }),
  articleSite: z
    .string()
    .nullable()
    .meta({ description: "The outlet: the article's site name as its source gives it; null when it gives none, and for statements stored before this field until reprocessed." }),
  // A timeline is ordered by it.
  publishedAt: z.string().meta({ description: "The article's publication date (its ingestion time when it has none)." }),
  clipped: z.boolean().meta({
    description:
      "True when the record carries only the first words of a long statement (more than a few hundred words): lists do, so that each stored item stays small. GET /statements/{id} answers the whole statement.",
  }),
  cluster: StatementCluster.nullable().meta({
    description:
      'The echo cluster of statements by the same speaker, in any article, with the same or nearly the same words; null for a statement with no words to compare, and for statements stored before clusters existed until reprocessed.',
  }),
});
export type StatementRecord = z.infer<typeof StatementRecord>;

/** A speaker across every article that quotes them. */
export const SpeakerRecord = z.object({
  id: z.string(),
  name: z.string(),
  type: SpeakerType,
  titles: z.array(z.string()),
  aliases: z.array(z.string()),
  statementCount: nonNegativeInt,
  articleCount: nonNegativeInt,
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type SpeakerRecord = z.infer<typeof SpeakerRecord>;

/** An entity across every article that names it. */
export const EntityRecord = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()),
  articleCount: nonNegativeInt,
  mentionCount: nonNegativeInt,
});
export type EntityRecord = z.infer<typeof EntityRecord>;

/** An article that mentions an entity, and how often. */
export const EntityArticle = z.object({
  articleId: z.string(),
  title: z.string().nullable(),
  lead: z
    .string()
    .nullable()
    .meta({ description: "The first words of the article's summary, ending with …, when it has no title; else null (also for mentions stored before this field, until reprocessed)." }),
  publishedAt: z.string(),
  count: nonNegativeInt,
});
export type EntityArticle = z.infer<typeof EntityArticle>;
