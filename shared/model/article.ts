import * as z from 'zod';

export const EntityType = z.enum(['person', 'organization', 'location']);
export type EntityType = z.infer<typeof EntityType>;

export const Span = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
export type Span = z.infer<typeof Span>;

/** A person, organisation or place named in the article, all surface forms merged under one name. */
export const Entity = z.object({
  id: z.string(),
  name: z.string(),
  type: EntityType,
  aliases: z.array(z.string()),
  count: z.number().int().nonnegative(),
  mentions: z.array(Span),
});
export type Entity = z.infer<typeof Entity>;

export const MentionedDate = z.object({
  text: z.string(),
  /** ISO date (YYYY-MM-DD) resolved against the publication date when there is one. */
  date: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});
export type MentionedDate = z.infer<typeof MentionedDate>;

export const ArticleFormat = z.enum(['header-text', 'plain-text', 'markdown', 'json', 'html']);
export type ArticleFormat = z.infer<typeof ArticleFormat>;

/** Normalized metadata. Every field is null when the source does not give it: nothing is invented. */
export const ArticleMetadata = z.object({
  title: z.string().nullable(),
  /** ISO 8601; keeps time and zone when the source gives them, else a plain date. */
  publishedAt: z.string().nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  siteName: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  language: z.string().nullable(),
  wordCount: z.number().int().nonnegative(),
  headings: z.array(z.string()),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  /** sha256 of the body text, hex. */
  contentHash: z.string(),
  format: ArticleFormat,
  /** Where each metadata value came from, e.g. { title: "og:title", publishedAt: "json-ld" }. */
  provenance: z.record(z.string(), z.string()),
  /** Things worth knowing that did not stop the parse ("decoded as windows-1252"). */
  warnings: z.array(z.string()),
  entities: z.array(Entity),
  mentionedDates: z.array(MentionedDate),
});
export type ArticleMetadata = z.infer<typeof ArticleMetadata>;
