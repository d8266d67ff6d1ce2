/**
 * S3 delivers notifications at least once and in any order. 1,000 deliveries (200 distinct create/delete
 * events over 20 keys, each duplicated a random number of times, shuffled) go through the real ingest
 * handler and the real DynamoDB store on dynalite, several batches at a time, so that events of one key
 * race each other. Each key must end in exactly the state of its last event (highest sequencer): the
 * article of that very version with only its statements, or nothing after a delete; and speaker totals
 * must count only the surviving versions, on the home page's busiest lists too (each version is dated by its
 * number, so a key's versions move its article between publication days).
 *
 * The bucket is versioned in production and each create event names its object version, which the
 * handler reads. s3rver keeps no versions, so objects are served here by a versioned in-memory reader
 * (the ObjectReader port): that way a late, older event really carries older content.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { S3EventRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngest } from '../../functions/ingest/ingest.ts';
import { encodeKey } from '../../functions/ingest/notifications.ts';
import { LocalQueue } from '../../local/queue.ts';
import { articleId, slugId } from '../../shared/model/ids.ts';
import { ObjectMissing, type ObjectReader } from '../../shared/objects/index.ts';
import { parseDocument } from '../../shared/parse/index.ts';
import { readerAndWriter } from '../support/store.ts';
import type { Page, PageQuery } from '../../shared/store/port.ts';
import { startDynalite, type DynamoInstance } from '../support/dynamo.ts';

const SEED = Number(process.env.ORDERING_SEED ?? 7_2026);
const KEYS = 20;
const EVENTS_PER_KEY = 10;
const DELIVERIES = 1_000;
const BUCKET = 'articles';
const COMMON_SPEAKER = { id: 'patricia-hewitt', name: 'Patricia Hewitt' };
const FIRST_NAMES = ['Maria', 'John', 'Aisha', 'Tomas', 'Ingrid', 'Kwame', 'Sofia', 'Daniel', 'Leila', 'Oscar'];
const LAST_NAMES = ['Lopez', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Brennan', 'Haddad', 'Novak', 'Fischer', 'Quinn', 'Adeyemi', 'Costa', 'Walsh', 'Petrov', 'Sato', 'Duarte', 'Keller', 'Romano', 'Byrne', 'Mensah'];

/** mulberry32: a small seeded PRNG, so a failing scenario can be replayed with its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface KeyEvent {
  key: string;
  kind: 'create' | 'delete';
  /** Content version of a create (its S3 version id is derived from it). */
  version: number;
  sequencer: string;
}

const keyName = (index: number) => `district ${String(index).padStart(2, '0')}/plan.txt`;
const speakerOf = (keyIndex: number, version: number) => `${FIRST_NAMES[version % FIRST_NAMES.length]} ${LAST_NAMES[keyIndex % LAST_NAMES.length]}`;
const commonQuotes = (version: number) => 1 + (version % 3);

/** Versions are published on one of five days, so re-uploads move between publication days. */
const publishedOn = (version: number) => `2023-09-${10 + (version % 5)}`;

function articleText(keyIndex: number, version: number): string {
  const common = Array.from({ length: commonQuotes(version) }, (_, n) => `"Point ${n + 1} of version ${version} for district ${keyIndex} stands," said ${COMMON_SPEAKER.name}.`);
  return [
    `title Harbour plan for district ${keyIndex} reaches version ${version}\ndate ${publishedOn(version)}`,
    `The council published version ${version} of the harbour plan for district ${keyIndex} on Tuesday.`,
    `"Version ${version} of the plan for district ${keyIndex} is the one we will build," said ${speakerOf(keyIndex, version)}.`,
    ...common,
  ].join('\n\n');
}

/**
 * Per key, events with increasing sequencers. Sequencers are hex of varying length: trailing zeros are
 * sometimes dropped, as S3's may be shorter or longer (compared after right-padding with zeros).
 */
function scenario(random: () => number): { events: KeyEvent[]; deliveries: KeyEvent[] } {
  const events: KeyEvent[] = [];
  for (let keyIndex = 0; keyIndex < KEYS; keyIndex++) {
    let sequence = 0x5aed6dcd9028000n + BigInt(Math.floor(random() * 0xffff)) * 0x10000n;
    let version = 0;
    for (let n = 0; n < EVENTS_PER_KEY; n++) {
      sequence += BigInt(1 + Math.floor(random() * 0xff)) * 0x100n;
      const hex = sequence.toString(16).toUpperCase().padStart(18, '0');
      const sequencer = random() < 0.5 ? hex.replace(/0+$/, '') : hex;
      const kind = random() < 0.7 ? 'create' : 'delete';
      if (kind === 'create') version += 1;
      events.push({ key: keyName(keyIndex), kind, version, sequencer });
    }
  }
  const deliveries = [...events];
  while (deliveries.length < DELIVERIES) deliveries.push(events[Math.floor(random() * events.length)] as KeyEvent);
  for (let i = deliveries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [deliveries[i], deliveries[j]] = [deliveries[j] as KeyEvent, deliveries[i] as KeyEvent];
  }
  return { events, deliveries };
}

const versionId = (event: KeyEvent) => `v${event.version}`;

function notification(event: KeyEvent): S3EventRecord {
  const body = new TextEncoder().encode(articleText(keyIndexOf(event.key), event.version));
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: 'us-east-1',
    eventTime: '2026-01-01T00:00:00.000Z',
    eventName: event.kind === 'create' ? 'ObjectCreated:Put' : 'ObjectRemoved:DeleteMarkerCreated',
    userIdentity: { principalId: 'test' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'test', 'x-amz-id-2': 'test' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'ordering',
      bucket: { name: BUCKET, ownerIdentity: { principalId: 'test' }, arn: `arn:aws:s3:::${BUCKET}` },
      object: {
        key: encodeKey(event.key),
        sequencer: event.sequencer,
        ...(event.kind === 'create' ? { size: body.byteLength, eTag: `etag-${event.version}`, versionId: versionId(event) } : {}),
      } as S3EventRecord['s3']['object'],
    },
  };
}

const keyIndexOf = (key: string) => Number(/district (\d+)/.exec(key)?.[1]);

/** A versioned bucket: every created version stays readable by its version id. */
const versionedBucket: ObjectReader = {
  async getObjectBytes(bucket, key, version) {
    const match = /^v(\d+)$/.exec(version ?? '');
    if (bucket !== BUCKET || !match) throw new ObjectMissing(key);
    return { bytes: new TextEncoder().encode(articleText(keyIndexOf(key), Number(match[1]))), contentType: 'text/plain; charset=utf-8' };
  },
};

async function all<T>(list: (query: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit: 100, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

let dynamo: DynamoInstance;

beforeAll(async () => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  dynamo = await startDynalite();
});

afterAll(async () => {
  await dynamo?.stop();
});

describe('out-of-order and duplicate S3 events', () => {
  it(`${DELIVERIES} shuffled, duplicated create/delete deliveries over ${KEYS} keys end in the state of each key's last event`, { timeout: 300_000 }, async () => {
    const { events, deliveries } = scenario(seededRandom(SEED));
    const store = readerAndWriter({ client: dynamo.documentClient, tableName: dynamo.tableName, cursorSecret: 'ordering-test' });
    const ingest = createIngest({
      objects: versionedBucket,
      store,
      ingestions: store,
      parse: parseDocument,
      logger: new Logger({ logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'onrecord-test' }),
    });
    let redelivered = 0;
    const queues = Array.from(
      { length: 4 },
      (_, index) =>
        new LocalQueue({
          name: `ordering-${index}`,
          handler: async (event, context) => {
            const response = await ingest(event, context);
            redelivered += response.batchItemFailures.length;
            return response;
          },
          batchSize: 10,
          batchWindowMs: 0,
          retryDelayMs: () => 20,
        }),
    );
    const started = performance.now();
    deliveries.forEach((event, index) => queues[index % queues.length]?.send(JSON.stringify({ Records: [notification(event)] })));
    await Promise.all(queues.map((queue) => queue.idle()));
    const seconds = (performance.now() - started) / 1000;
    const deadLettered = queues.reduce((sum, queue) => sum + queue.deadLetters.length, 0);
    await Promise.all(queues.map((queue) => queue.close()));

    const lastByKey = new Map<string, KeyEvent>();
    for (const event of events) lastByKey.set(event.key, event);
    const finals = [...lastByKey.values()];
    const created = finals.filter((event) => event.kind === 'create');

    const wrong: string[] = [];
    for (const last of finals) {
      const id = articleId(last.key);
      const ingestion = await store.getIngestion(last.key);
      const article = await store.getArticle(id);
      const statements = await all((query) => store.listArticleStatements(id, query));
      if (ingestion?.sequencer !== last.sequencer) wrong.push(`${last.key}: ingestion at ${ingestion?.sequencer}, last event ${last.sequencer}`);
      if (last.kind === 'delete') {
        if (ingestion?.status !== 'deleted' || article || statements.length > 0) wrong.push(`${last.key}: deleted last, but ${ingestion?.status} with ${statements.length} statements`);
        continue;
      }
      const [expected] = parseDocument(new TextEncoder().encode(articleText(keyIndexOf(last.key), last.version)), { key: last.key });
      if (ingestion?.status !== 'accepted' || ingestion.versionId !== versionId(last)) wrong.push(`${last.key}: ${ingestion?.status} ${ingestion?.versionId}, expected accepted v${last.version}`);
      if (article?.metadata.title !== expected?.metadata.title) wrong.push(`${last.key}: title ${article?.metadata.title}, expected ${expected?.metadata.title}`);
      const texts = statements.map((statement) => `${statement.speaker.id}: ${statement.text}`);
      const expectedTexts = (expected?.statements ?? []).map((statement) => `${statement.speaker.id}: ${statement.text}`);
      if (JSON.stringify(texts) !== JSON.stringify(expectedTexts)) wrong.push(`${last.key}: statements ${JSON.stringify(texts)}, expected ${JSON.stringify(expectedTexts)}`);
    }

    // Aggregates count surviving versions only: each key's own speaker, and the one every version quotes.
    for (let keyIndex = 0; keyIndex < KEYS; keyIndex++) {
      const last = lastByKey.get(keyName(keyIndex)) as KeyEvent;
      for (let version = 1; version <= last.version; version++) {
        const speaker = await store.getSpeaker(slugId(speakerOf(keyIndex, version)));
        const expected = last.kind === 'create' && last.version === version ? 1 : 0;
        if ((speaker?.statementCount ?? 0) !== expected) wrong.push(`${speakerOf(keyIndex, version)}: ${speaker?.statementCount} statements, expected ${expected}`);
      }
    }
    const common = await store.getSpeaker(COMMON_SPEAKER.id);
    const commonExpected = created.reduce((sum, event) => sum + commonQuotes(event.version), 0);
    const timeline = await all((query) => store.listStatements({ ...query, speaker: COMMON_SPEAKER.id }));
    if (common?.statementCount !== commonExpected) wrong.push(`${COMMON_SPEAKER.name}: count ${common?.statementCount}, expected ${commonExpected}`);
    if (common?.articleCount !== created.length) wrong.push(`${COMMON_SPEAKER.name}: ${common?.articleCount} articles, expected ${created.length}`);
    if (timeline.length !== commonExpected) wrong.push(`${COMMON_SPEAKER.name}: timeline lists ${timeline.length} statements, expected ${commonExpected}`);
    // The busiest lists (per-day aggregates) count the same: the surviving versions, each once, on its own day.
    const busiest = await store.busiest({ to: '2023-09-30', days: 30, limit: KEYS + 1 });
    const busy = new Map(busiest.speakers.map(({ record, count }) => [record.id, count]));
    if ((busy.get(COMMON_SPEAKER.id) ?? 0) !== commonExpected) wrong.push(`busiest: ${COMMON_SPEAKER.name} ${busy.get(COMMON_SPEAKER.id)}, expected ${commonExpected}`);
    for (const event of created) {
      const id = slugId(speakerOf(keyIndexOf(event.key), event.version));
      if (busy.get(id) !== 1) wrong.push(`busiest: ${id} ${busy.get(id)}, expected 1`);
    }
    if (busy.size !== created.length + (commonExpected > 0 ? 1 : 0)) wrong.push(`busiest: ${busy.size} speakers, expected ${created.length + 1}`);

    console.log(
      `ordering (seed ${SEED}): ${deliveries.length} deliveries of ${events.length} distinct events over ${KEYS} keys in ${seconds.toFixed(1)} s; ` +
        `${redelivered} redelivered, ${deadLettered} dead-lettered; final states: ${created.length} created, ${finals.length - created.length} deleted; ` +
        `keys or speakers in the wrong state: ${wrong.length}`,
    );
    for (const line of wrong.slice(0, 10)) console.log(`  wrong: ${line}`);
    expect(deadLettered).toBe(0);
    expect(wrong).toEqual([]);
  });
});
