import type { S3EventRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { objectChange, s3Records, sourceObject } from '../../../functions/ingest/notifications.ts';
import { QUEUE_AGE_LIMIT_MS } from '../../../shared/queue-age.ts';
import { reconcile, sequencerAfter, type ListedObject } from '../../../shared/reconcile/reconcile.ts';
import type { IngestionRecord, Page, PageQuery } from '../../../shared/store/port.ts';
import { compareSequencers } from '../../../shared/store/sequencer.ts';

const record = (key: string, fields: Partial<IngestionRecord> = {}): IngestionRecord => ({
  bucket: 'articles', key, status: 'accepted', reason: null, articleIds: [key], sequencer: '0055AED6DCD90281E5', versionId: null, eTag: `etag-${key}`,
  parserVersion: 1, receivedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...fields,
});
const NOW = new Date('2026-02-01T00:00:00.000Z');
const object = (key: string, eTag = `etag-${key}`, lastModified = new Date('2026-01-01T00:00:00.000Z')): ListedObject => ({ key, eTag, size: 100, lastModified });
const before = (ms: number) => new Date(NOW.getTime() - ms);

function world(objects: ListedObject[], records: IngestionRecord[], pageSize = 2) {
  const sent: S3EventRecord[] = [];
  const reads: string[][] = [];
  const byKey = new Map(records.map((r) => [r.key, r]));
  const deps = {
    bucket: 'articles',
    region: 'us-east-1',
    now: () => NOW,
    listObjects: async (token: string | undefined) => {
      const start = Number(token ?? 0);
      const end = start + pageSize;
      return { objects: objects.slice(start, end), nextToken: end < objects.length ? String(end) : undefined };
    },
    store: {
      getIngestions: async (keys: readonly string[]) => {
        reads.push([...keys]);
        return new Map(keys.flatMap((key) => (byKey.has(key) ? [[key, byKey.get(key)!] as const] : [])));
      },
      listIngestions: async (query: PageQuery): Promise<Page<IngestionRecord>> => {
        const start = Number(query.cursor ?? 0);
        const end = start + pageSize;
        return { items: records.slice(start, end), nextCursor: end < records.length ? String(end) : null };
      },
    },
    enqueue: async (batch: S3EventRecord[]) => {
      sent.push(...batch);
    },
  };
  return { deps, sent, reads };
}

/** What the ingest handler will make of each sent record. */
const understood = (sent: S3EventRecord[]) =>
  sent.flatMap((r) => s3Records(JSON.stringify({ Records: [r] }))).map((r) => ({ change: objectChange(r), ...sourceObject(r) }));

describe('reconciliation', () => {
  it('leaves objects whose record matches their eTag alone', async () => {
    const { deps, sent } = world([object('a'), object('b'), object('c')], [record('a'), record('b'), record('c')]);
    const report = await reconcile(deps);
    expect(sent).toEqual([]);
    expect(report).toMatchObject({ objectsChecked: 3, recordsChecked: 3, findings: { missing: [], stale: [], gone: [] } });
  });

  it('reads the records of each listing page in one batched read', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const { deps, reads } = world(keys.map((key) => object(key)), keys.map((key) => record(key)));
    await reconcile(deps);
    expect(reads).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('enqueues an object without a record, or whose record says deleted, as a creation', async () => {
    const { deps, sent } = world([object('lost'), object('back')], [record('back', { status: 'deleted', sequencer: '0A' })]);
    const report = await reconcile(deps);
    expect(report.findings.missing).toEqual(['lost', 'back']);
    expect(understood(sent)).toEqual([
      expect.objectContaining({ change: 'created', key: 'lost', eTag: 'etag-lost', size: 100, versionId: null }),
      expect.objectContaining({ change: 'created', key: 'back', sequencer: '0A1' }),
    ]);
  });

  it('enqueues an object whose record is of another upload (eTag differs), just above the stored event', async () => {
    const { deps, sent } = world([object('edited', 'etag-new')], [record('edited')]);
    const report = await reconcile(deps);
    expect(report.findings.stale).toEqual(['edited']);
    const [event] = understood(sent);
    expect(event).toMatchObject({ change: 'created', key: 'edited', eTag: 'etag-new' });
    expect(compareSequencers(event!.sequencer, '0055AED6DCD90281E5')).toBeGreaterThan(0);
    // A later real event of the key still wins over the reconciliation.
    expect(compareSequencers(event!.sequencer, '0055AED6DCD90281E6')).toBeLessThan(0);
  });

  it('withdraws records whose object is gone, but not deleted ones nor ones written during the run', async () => {
    const { deps, sent } = world(
      [object('kept')],
      [record('kept'), record('vanished'), record('old', { status: 'deleted' }), record('new', { updatedAt: '2026-02-01T00:00:00.000Z' })],
    );
    const report = await reconcile(deps);
    expect(report.findings.gone).toEqual(['vanished']);
    expect(understood(sent)).toEqual([expect.objectContaining({ change: 'removed', key: 'vanished', sequencer: sequencerAfter('0055AED6DCD90281E5') })]);
  });

  it('is idempotent: a second run over the same state, an hour later, sends the very same events', async () => {
    const state = () => world([object('lost'), object('edited', 'x')], [record('edited'), record('vanished')]);
    const first = state();
    const second = state();
    await reconcile(first.deps);
    await reconcile({ ...second.deps, now: () => new Date(NOW.getTime() + 3_600_000) });
    expect(first.sent.length).toBe(3);
    // A creation carries the object's own time, as S3's event would: an undated article sorts by it, in
    // keys that must be the same for every message of one upload.
    const created = understood(first.sent).filter(({ change }) => change === 'created');
    expect(created.map(({ eventTime }) => eventTime)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    const events = (sent: S3EventRecord[]) =>
      understood(sent).map(({ key, sequencer, change, eventTime }) => ({ key, sequencer, change, eventTime: change === 'created' ? eventTime : null }));
    expect(events(second.sent)).toEqual(events(first.sent));
  });
});

describe('objects in flight', () => {
  it(`are those modified less than the queue age limit (${QUEUE_AGE_LIMIT_MS / 60_000} min) ago: neither findings nor re-sent`, async () => {
    const { deps, sent, reads } = world(
      [
        object('limit-old', 'x', before(QUEUE_AGE_LIMIT_MS)),
        object('just-younger', 'x', before(QUEUE_AGE_LIMIT_MS - 1)),
        object('just-now', 'x', NOW),
        object('clock-ahead', 'x', new Date(NOW.getTime() + 1_000)),
      ],
      [],
    );
    const report = await reconcile(deps);
    expect(report.findings.missing).toEqual(['limit-old']);
    expect(report.inFlight).toBe(3);
    expect(report.objectsChecked).toBe(1);
    expect(understood(sent).map((event) => event.key)).toEqual(['limit-old']);
    // Their records are not read either.
    expect(reads.flat()).toEqual(['limit-old']);
  });

  it('are not stale while the record is of an earlier upload, and their records are not gone', async () => {
    const { deps, sent } = world([object('edited', 'etag-new', before(60_000))], [record('edited')]);
    const report = await reconcile(deps);
    expect(report).toMatchObject({ inFlight: 1, findings: { missing: [], stale: [], gone: [] } });
    expect(sent).toEqual([]);
  });

  it('start after the instant a caller gives: at a local start-up, nothing from before the start is in flight', async () => {
    const start = before(60_000);
    const { deps, sent } = world([object('before-start', 'x', start), object('since-start', 'x', new Date(start.getTime() + 1))], []);
    const report = await reconcile({ ...deps, inFlightAfter: start });
    expect(report.findings.missing).toEqual(['before-start']);
    expect(report.inFlight).toBe(1);
    expect(understood(sent).map((event) => event.key)).toEqual(['before-start']);
  });
});
