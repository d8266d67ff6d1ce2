/** Parsed-article fixtures and store wiring for the storage integration suite. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Entity, EntityType } from '../../../shared/model/article.ts';
import { articleId, foldName, slugId } from '../../../shared/model/ids.ts';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import type { SpeakerType, Statement, StatementKind } from '../../../shared/model/statement.ts';
import { readerAndWriter, type TestStore } from '../../support/store.ts';
import type { Page, SourceObject } from '../../../shared/store/port.ts';
import type { DynamoInstance } from '../../support/dynamo.ts';

export const BUCKET = 'articles';
export const SECRET = 'test-cursor-secret';

export function storeFor(dynamo: DynamoInstance, client = dynamo.documentClient): TestStore {
  return readerAndWriter({ client, tableName: dynamo.tableName, cursorSecret: SECRET });
}

export interface StatementSpec {
  speaker: string;
  text: string;
  kind?: StatementKind;
  title?: string | null;
  aliases?: string[];
  type?: SpeakerType;
}

export interface ArticleSpec {
  key: string;
  index?: number;
  title?: string | null;
  publishedAt?: string | null;
  statements?: StatementSpec[];
  entities?: { name: string; type: EntityType; count?: number }[];
  body?: string;
}

function statementOf(spec: StatementSpec, offset: number): Statement {
  return {
    kind: spec.kind ?? 'direct',
    text: spec.text,
    cue: 'said',
    speaker: {
      id: slugId(spec.speaker),
      name: spec.speaker,
      type: spec.type ?? 'person',
      title: spec.title ?? null,
      aliases: spec.aliases ?? [],
    },
    start: offset,
    end: offset + spec.text.length,
    paragraph: 0,
    sentence: `${spec.speaker} said "${spec.text}"`,
    entities: [],
  };
}

function entityOf(spec: { name: string; type: EntityType; count?: number }): Entity {
  const count = spec.count ?? 1;
  return {
    id: slugId(spec.name),
    name: spec.name,
    type: spec.type,
    aliases: [],
    count,
    mentions: Array.from({ length: Math.min(count, 5) }, (_, i) => ({ start: i * 10, end: i * 10 + spec.name.length, text: spec.name })),
  };
}

export function article(spec: ArticleSpec): ParsedArticle {
  const statements = (spec.statements ?? []).map((statement, index) => statementOf(statement, index * 100));
  const body = spec.body ?? statements.map((statement) => statement.sentence).join('\n\n');
  return {
    id: articleId(spec.key, spec.index ?? 0),
    body,
    statements,
    metadata: {
      title: spec.title === undefined ? `Article ${spec.key}` : spec.title,
      publishedAt: spec.publishedAt === undefined ? '2023-09-20' : spec.publishedAt,
      byline: null,
      authors: [],
      siteName: 'Test Wire',
      canonicalUrl: null,
      language: 'en',
      wordCount: body.split(/\s+/).length,
      headings: [],
      summary: null,
      tags: [],
      contentHash: foldName(body).slice(0, 16),
      format: 'plain-text',
      provenance: { title: 'header' },
      warnings: [],
      entities: (spec.entities ?? []).map(entityOf),
      mentionedDates: [],
    },
  };
}

/** An S3 event's view of an object; sequencers are hex like S3's. */
export function source(key: string, sequencer: string, eventTime = '2023-09-21T08:00:00.000Z'): SourceObject {
  return { bucket: BUCKET, key, versionId: null, eTag: `etag-${sequencer}`, size: 1000, sequencer, eventTime };
}

/** Follows every cursor to the end. */
export async function all<T>(fetch: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await fetch(cursor);
    items.push(...page.items);
    if (!page.nextCursor) return items;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

/** Every item in the table, sorted, minus the given attributes: for comparing whole states in tests. */
export async function tableSnapshot(dynamo: DynamoInstance, ignore: string[] = []): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.documentClient.send(new ScanCommand({ TableName: dynamo.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([name]) => !ignore.includes(name)).map(([name, inner]) => [name, strip(inner)]));
    }
    if (typeof value === 'string') {
      // Ingestion times also appear inside index keys ("<updatedAt>#<key>").
      return ignore.length > 0 ? value.replace(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z#/, '<time>#') : value;
    }
    return value;
  };
  return items
    .map((item) => strip(item) as Record<string, unknown>)
    .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
}

/** Statements' texts and the entities each names, as the parser gives them: for the reads by entity. */
export const SAID: [string, string[]][] = [
  ['Yerevan will not sign', ['yerevan']],
  ['nothing about the corridor', []],
  ['Yerevan and Baku must talk, Yerevan first', ['yerevan', 'baku']],
  ['Baku closed the road', ['baku']],
];

/** The statement entities of `text`: each mention of an id's capitalised word, offsets into the text. */
export const named = (text: string, ids: string[]) =>
  ids.flatMap((id) => {
    const word = id[0]!.toUpperCase() + id.slice(1);
    return [...text.matchAll(new RegExp(word, 'g'))].map((match) => ({ id, start: match.index, end: match.index + word.length }));
  });
