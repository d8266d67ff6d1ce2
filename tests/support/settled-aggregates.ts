/**
 * A speaker or entity summary with its pending entries folded into what it counts. A writer leaves its
 * completed entries for the next write to fold (shared/store/dynamodb/aggregates.ts), so which entries a
 * summary holds at rest, and so its counts and folded totals, depend on which article came last; what it
 * shows does not. Tests that compare aggregates stored in different orders compare them with the counting
 * part settled and what is shown as stored.
 */
import * as Summary from '../../shared/store/dynamodb/items/aggregate-summary.ts';

type Item = Record<string, unknown>;

/** The attributes that hold the folded state (the rest of the item is what readers are shown). */
const FOLDED_STATE = ['total', 'articleCount', 'counts', 'pending'] as const;

export function settledAggregate(item: Item): Item {
  const kind = item.itemType;
  if ((kind !== 'speaker' && kind !== 'entity') || !item.pending || Object.keys(item.pending).length === 0) return item;
  const settled = Summary.toItem(kind, { pk: String(item.pk), sk: String(item.sk) }, Summary.settled(Summary.fromItem(item)));
  return { ...item, ...Object.fromEntries(FOLDED_STATE.map((name) => [name, settled[name]])) };
}
