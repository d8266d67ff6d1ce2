/**
 * The key condition of a Query on one partition of an index, or of the table for a list kept in the table
 * itself (`index: null`): both paged readers (paging.ts, sharded-paging.ts) build theirs here.
 */
import type { IndexName } from './keys.ts';

/** Inclusive bounds on the index sort key, or a prefix of it. */
export interface SortKeyBounds {
  lower?: string;
  upper?: string;
  prefix?: string;
}

export function indexQuery({ index }: { index: IndexName | null }, partition: string, sort: SortKeyBounds, newestFirst: boolean) {
  const names: Record<string, string> = { '#pk': `${index ?? ''}pk` };
  const values: Record<string, string> = { ':pk': partition };
  let condition = '#pk = :pk';
  if (Object.values(sort).some((bound) => bound !== undefined)) names['#sk'] = `${index ?? ''}sk`;
  if (sort.prefix !== undefined) {
    condition += ' AND begins_with(#sk, :prefix)';
    values[':prefix'] = sort.prefix;
  } else if (sort.lower !== undefined && sort.upper !== undefined) {
    condition += ' AND #sk BETWEEN :lower AND :upper';
    Object.assign(values, { ':lower': sort.lower, ':upper': sort.upper });
  } else if (sort.lower !== undefined) {
    condition += ' AND #sk >= :lower';
    values[':lower'] = sort.lower;
  } else if (sort.upper !== undefined) {
    condition += ' AND #sk <= :upper';
    values[':upper'] = sort.upper;
  }
  return {
    ...(index ? { IndexName: index } : {}),
    KeyConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: !newestFirst,
  };
}
