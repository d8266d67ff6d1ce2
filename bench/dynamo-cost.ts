/**
 * DynamoDB cost: what storing each article sends (requests by operation, items, bytes, write units),
 * and how many read requests each API call makes, counted by an SDK middleware on the store's client.
 */
import { TABLE_INDEXES } from '../shared/store/table.ts';
import { countOf, READ_OPERATIONS, snapshot, usageDelta, WRITE_OPERATIONS, type Usage } from './dynamo-meter.ts';
import { loadedStore } from './loaded-store.ts';
import type { Measure, Row } from './measure.ts';
import { serveApi } from './served-api.ts';
import { summarize } from './stats.ts';

/** Calls per endpoint when counting its reads (the first page of each). */
const CALLS = 5;

const single = (value: number) => ({ median: value, min: value, max: value });
const SINGLE_WRITES = ['PutItem', 'UpdateItem', 'DeleteItem'];

/** Where an article's write units go, largest first: what to cut next. */
const unitsByType = (total: Usage, articles: number): string =>
  Object.entries(total.writeUnitsByType)
    .sort((a, b) => b[1] - a[1])
    .map(([itemType, units]) => `${itemType} ${(units / articles).toFixed(1)} (${((total.itemsByType[itemType] ?? 0) / articles).toFixed(1)} items)`)
    .join(', ');

/**
 * What each item type is written for: the article with its statements (what GET /articles/{id} and a
 * statement's page read, and the statements' speaker and echo index entries, which live on their items), and
 * each cross-article record, which one article's writes keep up to date. Other types (a delete's key, the
 * store's format marker) count as `other`.
 */
const TYPES_BY_FEATURE: Record<string, string[]> = {
  'the article and its statements': ['article', 'article-body', 'article-listing', 'source', 'statement', 'statement-text'],
  'speakers (summaries, shares, name index)': ['speaker', 'speaker-share', 'speaker-name'],
  'entities (summaries, shares, name index, mentions, statements about)': ['entity', 'entity-share', 'entity-name', 'mention', 'statement-about'],
  'echo clusters (keys, references)': ['echo-key', 'cluster'],
  'publication days (tallies)': ['day', 'day-share'],
};
const FEATURE_OF_TYPE = new Map(Object.entries(TYPES_BY_FEATURE).flatMap(([feature, itemTypes]) => itemTypes.map((itemType) => [itemType, feature] as const)));
const FEATURES = [...Object.keys(TYPES_BY_FEATURE), 'other'];
const unitsFor = (usage: Usage, feature: string): number =>
  Object.entries(usage.writeUnitsByType).reduce((sum, [itemType, units]) => sum + ((FEATURE_OF_TYPE.get(itemType) ?? 'other') === feature ? units : 0), 0);

export const dynamoCostMeasure: Measure = {
  name: 'dynamo-cost',
  title: 'DynamoDB cost per article and per API call',
  async run({ every }) {
    const loaded = await loadedStore(every);
    const objects = loaded.perObject;
    const per = (value: (usage: Usage) => number) => summarize(objects.map(value));
    const mean = (value: (usage: Usage) => number) => single(objects.reduce((sum, usage) => sum + value(usage), 0) / objects.length);
    const total = loaded.usage;
    const batchRequests = total.requests.BatchWriteItem ?? 0;
    const batchItems = total.itemsWritten - countOf(total, SINGLE_WRITES);
    const rows: Row[] = [
      { metric: 'write requests / article', unit: 'requests', summary: per((u) => countOf(u, WRITE_OPERATIONS)) },
      { metric: '  of which BatchWriteItem', unit: 'requests', summary: per((u) => countOf(u, ['BatchWriteItem'])) },
      { metric: '  of which PutItem (conditional)', unit: 'requests', summary: per((u) => countOf(u, ['PutItem'])) },
      { metric: 'items written / article', unit: 'items', summary: per((u) => u.itemsWritten) },
      { metric: 'item bytes written / article', unit: 'KB', summary: per((u) => u.bytesWritten / 1024) },
      { metric: 'write units / article (base table)', unit: 'WRU', summary: per((u) => u.writeUnits) },
      ...TABLE_INDEXES.map((index) => ({ metric: `  and on ${index.name}`, unit: 'WRU', summary: per((u) => u.indexWriteUnits[index.name] ?? 0) })),
      { metric: 'write units / article (table and indexes)', unit: 'WRU', summary: per((u) => u.writeUnits + Object.values(u.indexWriteUnits).reduce((sum, units) => sum + units, 0)) },
      { metric: 'read requests / article write', unit: 'requests', summary: per((u) => countOf(u, READ_OPERATIONS)) },
      { metric: 'read units / article write', unit: 'RRU', summary: per((u) => u.readUnits) },
      // What a million articles cost is the mean times a million, not the median: the costs are skewed (long articles).
      { metric: 'mean write units / article (table and indexes)', unit: 'WRU', summary: mean((u) => u.writeUnits + Object.values(u.indexWriteUnits).reduce((sum, units) => sum + units, 0)) },
      ...FEATURES.map((feature) => ({ metric: `  of which ${feature}`, unit: 'WRU', summary: mean((u) => unitsFor(u, feature)) })),
      { metric: 'mean read units / article write', unit: 'RRU', summary: mean((u) => u.readUnits) },
      { metric: 'mean DynamoDB requests / article write', unit: 'requests', summary: mean((u) => countOf(u, WRITE_OPERATIONS) + countOf(u, READ_OPERATIONS)) },
      // Speakers and entities are the items every article naming them touches: they must not grow with the archive.
      ...['speaker', 'entity', 'day', 'day-share'].map((itemType) => ({
        metric: `largest ${itemType} item after the corpus`,
        unit: 'KB',
        summary: single((loaded.largestItems.get(itemType) ?? 0) / 1024),
        target: { op: '<=' as const, value: 4 },
      })),
      { metric: 'items per BatchWriteItem (mean)', unit: 'items', summary: single(batchRequests ? batchItems / batchRequests : 0), target: { op: '<=', value: 25 } },
    ];

    const { api, paths } = await serveApi(loaded);
    const readNotes: string[] = [];
    try {
      for (const [name, path] of Object.entries(paths)) {
        const reads: number[] = [];
        const received: number[] = [];
        const readUnits: number[] = [];
        let scans = 0;
        for (let i = 0; i < CALLS; i++) {
          const before = snapshot(loaded.usage);
          const response = await fetch(`${api.url}${path}`);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
          const delta = usageDelta(loaded.usage, before);
          reads.push(countOf(delta, READ_OPERATIONS));
          received.push(delta.bytesReceived / 1024);
          readUnits.push(delta.readUnits);
          scans += countOf(delta, ['Scan']);
        }
        rows.push(
          { metric: `read requests / GET ${name}`, unit: 'requests', summary: summarize(reads) },
          { metric: `  DynamoDB answer bytes / GET ${name}`, unit: 'KB', summary: summarize(received) },
          { metric: `  read units / GET ${name}`, unit: 'RRU', summary: summarize(readUnits) },
        );
        if (scans > 0) readNotes.push(`GET ${name} made ${scans} Scan request(s): no API request may Scan.`);
      }
    } finally {
      await api.close();
    }
    // The web home page's busiest lists: a store call of their own (the web view is not on the bench's API).
    const busiestReads: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const before = snapshot(loaded.usage);
      await loaded.store.busiest({ to: '2023-09-30', days: 30, limit: 10 });
      busiestReads.push(countOf(usageDelta(loaded.usage, before), READ_OPERATIONS));
    }
    rows.push({ metric: 'read requests / busiest speakers and entities (30 days)', unit: 'requests', summary: summarize(busiestReads), target: { op: '<=', value: 2 } });

    const half = Math.floor(objects.length / 2);
    const meanKb = (list: Usage[]) => list.reduce((sum, u) => sum + u.bytesWritten, 0) / list.length / 1024;
    return {
      rows,
      notes: [
        `${objects.length} objects (every ${every === 1 ? '' : `${every}th `}article of the corpus) saved one after another through \`TestStore\` on in-memory dynalite (${(loaded.loadMs / 1000).toFixed(0)} s, ${(objects.length / (loaded.loadMs / 1000)).toFixed(1)} objects/s); per-article figures are median/min/max over the articles.`,
        'Counted by an SDK middleware (bench/dynamo-meter.ts) on the store\'s client, once per command (SDK retries not counted again). Item bytes follow DynamoDB\'s size rules (attribute names + values); for UpdateItem only key + new values (a lower bound). Write units: one per started KB per item, as billed, on the base table; an item written with both key attributes of a GSI (projection ALL) costs the same again on that index (a lower bound: an overwrite that drops an item from an index, a delete and an update also write to an index without the request showing it).',
        // Speaker and entity summaries are bounded and each article puts its own small share items (store
        // format 3), so the bytes an article writes should not grow as the table fills: the two halves check it.
        `Mean item bytes written per article: ${meanKb(objects.slice(0, half)).toFixed(1)} KB over the first half of the articles, ${meanKb(objects.slice(half)).toFixed(1)} KB over the second.`,
        `Read requests per API call: ${CALLS} calls of each, first page, default limit; the busiest speaker is ${loaded.busiestSpeaker.name} (${loaded.busiestSpeaker.statements} statements). Answer bytes = content-length of DynamoDB's JSON answers to those requests (items with type tags: more than the billed item size, but proportional to it).`,
        `Largest item of each type after the corpus, bytes: ${JSON.stringify(Object.fromEntries(loaded.largestItems))} (an article head is bounded by the item budget, not by the archive).`,
        ...readNotes,
        `Write units per article by item type, base table and indexes, mean over the articles (and the items written): ${unitsByType(total, objects.length)}.`,
        `Totals: ${JSON.stringify(total.requests)}.`,
      ],
    };
  },
};
