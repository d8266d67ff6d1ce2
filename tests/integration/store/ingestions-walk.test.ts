/**
 * What a walk through GET /ingestions guarantees while uploads go on, as the README states it: the log
 * is most recent change first, so a record that changes during the walk moves to the head, behind the
 * walker; every record that does not change is listed exactly once, and none is listed twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import { all, source, storeFor } from './helpers.ts';

const KEYS = Array.from({ length: 12 }, (_, i) => `walk/${String(i).padStart(2, '0')}.txt`);
const REASON = { code: 'binary', message: 'not text' } as const;
let dynamo: DynamoInstance;

beforeAll(async () => {
  dynamo = await startDynalite();
  const store = storeFor(dynamo);
  for (const key of KEYS) await store.recordRejection(source(key, '01'), REASON, 1);
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('a walk through /ingestions during ingestion', () => {
  it('lists every record that does not change exactly once, and no record twice', async () => {
    const store = storeFor(dynamo);
    const seen: string[] = [];
    let page = await store.listIngestions({ limit: 3 });
    seen.push(...page.items.map((record) => record.key));
    // Mid-walk, one record already listed and one not yet listed change.
    const [changedSeen, changedUnseen] = [seen[0]!, KEYS.find((key) => !seen.includes(key))!];
    for (const key of [changedSeen, changedUnseen]) await store.recordRejection(source(key, '02'), REASON, 1);
    while (page.nextCursor) {
      page = await store.listIngestions({ limit: 3, cursor: page.nextCursor });
      seen.push(...page.items.map((record) => record.key));
    }

    expect(new Set(seen).size).toBe(seen.length);
    const unchanged = KEYS.filter((key) => key !== changedSeen && key !== changedUnseen);
    for (const key of unchanged) expect(seen.filter((listed) => listed === key), key).toHaveLength(1);

    // A new walk starts with what changed.
    const fresh = await all((cursor) => store.listIngestions({ limit: 5, cursor }));
    expect(fresh.slice(0, 2).map((record) => record.key).sort()).toEqual([changedSeen, changedUnseen].sort());
    expect(fresh.map((record) => record.key).sort()).toEqual(KEYS);
  });
});
