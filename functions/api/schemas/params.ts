import * as z from 'zod';
import { EntityType } from '../../../shared/model/article.ts';
import { foldName } from '../../../shared/model/ids.ts';
import { StatementKind } from '../../../shared/model/statement.ts';

/**
 * The schemas that validate path and query parameters. The OpenAPI document is generated from these same
 * objects (openapi.ts), so what is documented is what is enforced. Messages read after the parameter's
 * name in a problem's `errors` ("limit: must be at most 100").
 */

const requiredMessage = (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : undefined);

export const Limit = z.coerce
  .number({ error: 'must be an integer' })
  .int({ error: 'must be an integer' })
  .min(1, { error: 'must be at least 1' })
  .max(100, { error: 'must be at most 100' })
  .default(20)
  .meta({ description: 'Page size, 1 to 100.' });

export const Cursor = z
  .string()
  .max(2048, { error: 'is not a cursor this API made' })
  .optional()
  .meta({ description: "Opaque: the `nextCursor` of the previous page of the same query. Absent for the first page." });

const isoDateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO 8601 date (2023-09-20) or date-time (2023-09-20T12:00:00Z)',
});

export const From = isoDateOrDateTime
  .optional()
  .meta({ description: 'Earliest publication date, inclusive; not after `to`.', examples: ['2023-09-01'] });
export const To = isoDateOrDateTime.optional().meta({
  description: 'Latest publication date, inclusive (a date means the whole day); not before `from`, else 400 naming `to`.',
  examples: ['2023-09-30', '2023-09-30T18:00:00Z'],
});

/** A name prefix that, once case and accents are folded, still has something to search for. */
export const Prefix = z
  .string({ error: requiredMessage })
  .max(100, { error: 'must be at most 100 characters' })
  // The pattern is what the document shows; the fold is what the search needs (a letter keeps a letter).
  .regex(/[\p{L}\p{N}]/u, { error: 'must contain a letter or digit', abort: true })
  .refine((prefix) => foldName(prefix) !== '', { error: 'must contain a letter or digit' })
  .meta({ description: 'Start of a name, with at least one letter or digit; case and accents are ignored ("erdo" finds "Erdoğan").', examples: ['erdo'] });

const ID_MAX_BYTES = 256;

/** Ids are short slugs or digests; the bound (in bytes, as DynamoDB limits keys) keeps nonsense out of the key space. */
export const Id = z
  .string({ error: requiredMessage })
  .min(1, { error: 'is required' })
  // JSON Schema counts characters, so the document states the byte bound in words and a character bound
  // that it implies (a character is at least one byte).
  .max(ID_MAX_BYTES, { error: `must be at most ${ID_MAX_BYTES} bytes`, abort: true })
  .refine((id) => Buffer.byteLength(id) <= ID_MAX_BYTES, { error: `must be at most ${ID_MAX_BYTES} bytes` });

/** An id parameter, documented with its bound. */
export const idParameter = (what: string) => Id.meta({ description: `${what}; at most ${ID_MAX_BYTES} bytes of UTF-8.` });

const S3_KEY_MAX_BYTES = 1024;

export const ObjectKey = z
  .string({ error: requiredMessage })
  .min(1, { error: 'is required' })
  .max(S3_KEY_MAX_BYTES, { error: `must be at most ${S3_KEY_MAX_BYTES} bytes`, abort: true })
  .refine((key) => Buffer.byteLength(key) <= S3_KEY_MAX_BYTES, { error: `must be at most ${S3_KEY_MAX_BYTES} bytes` })
  .meta({ description: `The S3 object key as uploaded, at most ${S3_KEY_MAX_BYTES} bytes of UTF-8; it may contain slashes.` });

export const About = Id.optional().meta({
  description: `Entity id (see /entities; at most ${ID_MAX_BYTES} bytes of UTF-8): only statements whose own words name it (their \`entities\`). Statements stored before this filter existed match none until reprocessed.`,
  examples: ['armenia'],
});
export const Order = z
  .enum(['oldest', 'newest'])
  .default('oldest')
  .meta({ description: 'Members by first appearance (publication date, then ingestion time): oldest first (the default) or newest first.' });
export const Kind = StatementKind.optional().meta({ description: 'Only direct quotations or only reported speech.' });
export const EntityTypeFilter = EntityType.optional().meta({ description: 'Only entities of this type.' });

/** A publication-date window whose ends are in order; a date-only `to` covers its whole day. */
export function dateWindowInOrder(range: { from?: string | undefined; to?: string | undefined }): boolean {
  if (range.from === undefined || range.to === undefined) return true;
  const DAY_MS = 86_400_000;
  const toEnd = /^\d{4}-\d{2}-\d{2}$/.test(range.to) ? Date.parse(range.to) + DAY_MS - 1 : Date.parse(range.to);
  return Date.parse(range.from) <= toEnd;
}

export const dateWindowOrder = { error: 'must not be before from', path: ['to'] };

export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor });
export const DatedPageQuery = z
  .strictObject({ from: From, to: To, limit: Limit, cursor: Cursor })
  .refine(dateWindowInOrder, dateWindowOrder);

export const NoParams = z.strictObject({});
