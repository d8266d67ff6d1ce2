import * as z from 'zod';

/** One page of a list, of whichever record `item` describes. */
export function Page<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    // Opaque and tamper-proof: the store signs it, and refuses it for any other query.
    nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
  });
}
export type Page<T> = z.infer<ReturnType<typeof Page<z.ZodType<T>>>>;
