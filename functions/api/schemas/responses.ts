import * as z from 'zod';
import { ArticleMetadata, Entity, EntityType, MentionedDate, Span } from '../../../shared/model/article.ts';
import { Speaker, SpeakerType, Statement } from '../../../shared/model/statement.ts';
import type { RejectionCode as RejectionCodeType } from '../../../shared/parse/errors.ts';

/**
 * What the API answers, as zod schemas. They are not run on responses (the store's types already fix the
 * shape at compile time: each endpoint must return `z.input` of its response schema); they are the
 * source of the OpenAPI document's components, which the contract tests check every response against.
 * Every schema here is named in `responseSchemas`, so the document refers to it by that name.
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

const nonNegativeInt = z.number().int().nonnegative();
const timestamp = z.string().meta({ description: 'ISO 8601 date-time.' });

/** What every article answer has; not a component of its own, since no operation answers it bare. */
const ArticleFields = z.object({
  id: z.string(),
  source: z.object({ bucket: z.string(), key: z.string(), versionId: z.string().nullable(), eTag: z.string().nullable() }),
  metadata: ArticleMetadata,
  statementCount: nonNegativeInt,
  parserVersion: z.number().int(),
  ingestedAt: timestamp,
});

/** Lists leave out what grows with the article's length, so a page of 100 stays small; GET /articles/{id} has it all. */
export const ArticleSummary = named(
  ArticleFields.extend({ metadata: ArticleMetadata.omit({ entities: true, mentionedDates: true, headings: true }) }),
  'ArticleSummary',
  'An article as lists show it: its metadata without entities, mentioned dates and headings.',
);

export const StatementRecord = named(
  Statement.extend({
    id: z.string(),
    articleId: z.string(),
    articleTitle: z.string().nullable(),
    publishedAt: z.string().meta({ description: "The article's publication date (its ingestion time when it has none)." }),
  }),
  'StatementRecord',
  'Who said what, in which article.',
);

export const ArticleWithStatements = named(
  ArticleFields.extend({ statements: z.array(StatementRecord) }),
  'ArticleWithStatements',
  'An article with all its statements, in text order.',
);

export const SpeakerRecord = named(
  z.object({
    id: z.string(),
    name: z.string(),
    type: SpeakerType,
    titles: z.array(z.string()),
    aliases: z.array(z.string()),
    statementCount: nonNegativeInt,
    articleCount: nonNegativeInt,
    firstSeen: z.string(),
    lastSeen: z.string(),
  }),
  'SpeakerRecord',
);

export const EntityRecord = named(
  z.object({
    id: z.string(),
    name: z.string(),
    type: EntityType,
    aliases: z.array(z.string()),
    articleCount: nonNegativeInt,
    mentionCount: nonNegativeInt,
  }),
  'EntityRecord',
);

export const EntityArticle = named(
  z.object({ articleId: z.string(), title: z.string().nullable(), publishedAt: z.string(), count: nonNegativeInt }),
  'EntityArticle',
  'An article that mentions the entity, and how often.',
);

/** Listing every code here makes the compiler flag a code added to (or dropped from) RejectionCode. */
const rejectionCodes = {
  empty: true,
  binary: true,
  'too-large': true,
  'bad-encoding': true,
  unparseable: true,
  'no-body': true,
} satisfies Record<RejectionCodeType, true>;
const RejectionCode = z.enum(Object.keys(rejectionCodes) as [RejectionCodeType, ...RejectionCodeType[]]);

export const IngestionRecord = named(
  z.object({
    bucket: z.string(),
    key: z.string(),
    status: z.enum(['accepted', 'rejected', 'deleted']),
    reason: z.object({ code: RejectionCode, message: z.string() }).nullable(),
    articleIds: z.array(z.string()),
    sequencer: z.string(),
    versionId: z.string().nullable(),
    eTag: z.string().nullable(),
    parserVersion: z.number().int(),
    receivedAt: timestamp,
    updatedAt: timestamp,
  }),
  'IngestionRecord',
  'What became of one uploaded object.',
);

function page<T extends z.ZodType>(item: T, id: string) {
  return named(
    z.object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    }),
    id,
  );
}

export const ArticlePage = page(ArticleSummary, 'ArticlePage');
export const StatementPage = page(StatementRecord, 'StatementPage');
export const SpeakerPage = page(SpeakerRecord, 'SpeakerPage');
export const EntityPage = page(EntityRecord, 'EntityPage');
export const EntityArticlePage = page(EntityArticle, 'EntityArticlePage');
export const IngestionPage = page(IngestionRecord, 'IngestionPage');

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
