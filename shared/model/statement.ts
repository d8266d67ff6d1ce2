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
});
export type Statement = z.infer<typeof Statement>;
