/**
 * A speaker or entity summary as it would be once its pending entries are folded. A writer leaves its
 * completed entries for the next write to fold (shared/store/dynamodb/aggregates.ts), so which entries a
 * summary holds at rest depends on which article came last; what it shows and counts does not. Tests that
 * compare aggregates stored in different orders compare them settled.
 */
import * as Summary from '../../shared/store/dynamodb/items/aggregate-summary.ts';

type Item = Record<string, unknown>;

export function settledAggregate(item: Item): Item {
  const kind = item.itemType;
  if ((kind !== 'speaker' && kind !== 'entity') || !item.pending || Object.keys(item.pending).length === 0) return item;
  const key = { pk: String(item.pk), sk: String(item.sk) };
  const { revision: _revision, ...settled } = Summary.toItem(kind, key, Summary.settled(Summary.fromItem(item)));
  return 'revision' in item ? { ...settled, revision: item.revision } : settled;
}
