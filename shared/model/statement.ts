import * as z from 'zod';

export const SpeakerType = z.enum(['person', 'organization', 'location', 'group', 'unknown']);
export type SpeakerType = z.infer<typeof SpeakerType>;

/** Who a statement is attributed to, resolved to the most complete name the article gives. */
export const Speaker = z.object({
  /** Canonical id, stable across articles: derived from the normalized full name. */
  id: z.string(),
  name: z.string(),
  type: SpeakerType,
  /** Title or role when the article gives one ("Turkish President"). */
  title: z.string().nullable(),
  /** Other ways this article names the same speaker ("Erdogan", "He", "the Turkish President"). */
  aliases: z.array(z.string()),
});
export type Speaker = z.infer<typeof Speaker>;

export const StatementKind = z.enum(['direct', 'indirect']);
export type StatementKind = z.infer<typeof StatementKind>;

/** An entity of the article named inside a statement's words: offsets into the statement's `text`, not the body. */
export const StatementEntity = z.object({
  id: z.string().meta({ description: "The id of one of the article's entities (its metadata.entities)." }),
  start: z.number().int().nonnegative().meta({ description: 'Offset into the statement text, not the body: `text.slice(start, end)` is the mention as written.' }),
  end: z.number().int().nonnegative(),
});
export type StatementEntity = z.infer<typeof StatementEntity>;

export const Statement = z.object({
  kind: StatementKind,
  /** The reported words without the attribution (and without enclosing quote marks). */
  text: z.string(),
  /** Reporting verb or phrase, lower case: "said", "told", "according to". */
  cue: z.string(),
  speaker: Speaker,
  /** Character offsets into the article body: the whole span the statement covers. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Zero-based index of the paragraph the statement starts in. */
  paragraph: z.number().int().nonnegative(),
  /** The sentence(s) the statement comes from, as written. */
  sentence: z.string(),
  /**
   * What the statement is about: each mention of an article entity inside `text` (the attribution is not
   * the statement, so a name only there is not counted), once each, in text order.
   */
  entities: z.array(StatementEntity).meta({
    description:
      "The article's entities named inside `text`, one item per mention in text order; `start`/`end` are offsets into `text`, so `text.slice(start, end)` is the mention as written. A name only in the attribution is not counted.",
  }),
});
export type Statement = z.infer<typeof Statement>;
