import * as z from 'zod';
import { ArticleMetadata, Entity, EntityType, MentionedDate, Span } from '../../../shared/model/article.ts';
import { IngestionRecord } from '../../../shared/model/ingestion.ts';
import { Page } from '../../../shared/model/page.ts';
import { ArticleRecord, EntityArticle, EntityRecord, SpeakerRecord, StatementRecord } from '../../../shared/model/records.ts';
import { Speaker } from '../../../shared/model/statement.ts';

/**
 * What the API answers, as zod schemas: the records of shared/model (the store's own types), named here as
 * the OpenAPI document's components, and the few shapes only the API answers. They are not run on
 * responses (the store's types already fix the shape at compile time: each endpoint must return `z.input`
 * of its response schema); they are the source of the document, which the contract tests check every
 * response against. Every schema here is named in `responseSchemas`, so the document refers to it by that name.
 */
export const responseSchemas = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(schema: T, id: string, description?: string): T {
  responseSchemas.add(schema, description === undefined ? { id } : { id, description });
  return schema;
}

named(Span, 'Span');
named(Entity, 'Entity', 'A person, organisation or place named in the article, all surface forms merged.');
named(MentionedDate, 'MentionedDate');
named(ArticleMetadata, 'ArticleMetadata', 'Normalized metadata; a field is null when the source does not give it.');
named(Speaker, 'Speaker');

// ArticleRecord is not a component of its own: no operation answers it bare.

/** Lists leave out what grows with the article's length, so a page of 100 stays small; GET /articles/{id} has it all. */
export const ArticleSummary = named(
  ArticleRecord.extend({ metadata: ArticleMetadata.omit({ entities: true, mentionedDates: true, headings: true }) }),
  'ArticleSummary',
  'An article as lists show it: its metadata without entities, mentioned dates and headings.',
);

named(StatementRecord, 'StatementRecord', 'Who said what, in which article.');

export const ArticleWithStatements = named(
  ArticleRecord.extend({ statements: z.array(StatementRecord) }),
  'ArticleWithStatements',
  'An article with all its statements, in text order.',
);

export const StatementWithArticle = named(
  StatementRecord.extend({
    article: z
      .object({
        id: z.string(),
        title: z.string().nullable(),
        lead: z.string().nullable().meta({ description: 'The first words of its summary, ending with …, when it has no title; else null.' }),
        publishedAt: z.string().nullable().meta({ description: 'Its publication date as the source gives it; null when it gives none.' }),
        siteName: z.string().nullable(),
        canonicalUrl: z.string().nullable(),
        source: ArticleRecord.shape.source,
      })
      .meta({ description: 'The article the statement comes from (its current version).' }),
    about: z
      .array(z.object({ id: z.string(), name: z.string(), type: EntityType.nullable() }))
      .meta({
        description:
          "Each entity the statement's words name (its `entities`), once, in text order, with the name and type the article gives it; an entity the stored article no longer lists (trimmed to fit) keeps its mention as written for a name and a null type.",
      }),
  }),
  'StatementWithArticle',
  'One statement with its article and the entities its words name.',
);

named(SpeakerRecord, 'SpeakerRecord');
named(EntityRecord, 'EntityRecord');
named(EntityArticle, 'EntityArticle', 'An article that mentions the entity, and how often.');
named(IngestionRecord, 'IngestionRecord', 'What became of one uploaded object.');
/** The records an endpoint answers bare. */
export { EntityRecord, IngestionRecord, SpeakerRecord };

export const ArticlePage = named(Page(ArticleSummary), 'ArticlePage');
export const StatementPage = named(Page(StatementRecord), 'StatementPage');
export const Cluster = named(
  z.object({
    id: z.string(),
    first: StatementRecord.meta({
      description: 'The first appearance: the member with the earliest publication date, then ingestion time. When its article is deleted, the next member is first.',
    }),
    members: StatementPage,
  }),
  'Cluster',
  'An echo cluster: statements by one speaker, in any article, with the same or nearly the same words.',
);
export const SpeakerPage = named(Page(SpeakerRecord), 'SpeakerPage');
export const EntityPage = named(Page(EntityRecord), 'EntityPage');
export const EntityArticlePage = named(Page(EntityArticle), 'EntityArticlePage');
export const IngestionPage = named(Page(IngestionRecord), 'IngestionPage');

export const Health = named(z.object({ status: z.literal('ok') }), 'Health');

export const OpenApiDocument = named(
  z.looseObject({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).loose(), paths: z.record(z.string(), z.unknown()) }),
  'OpenApiDocument',
);

export const Problem = named(
  z.object({
    type: z.string().meta({ description: 'URI naming the kind of problem; "about:blank" when the status says it all.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional().meta({ description: 'For invalid parameters: each one named, with what is wrong.' }),
  }),
  'Problem',
  'RFC 9457 problem details.',
);
