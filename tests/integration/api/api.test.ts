import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstWords } from '../../../shared/model/first-words.ts';
import type { ParsedArticle } from '../../../shared/model/parsed.ts';
import { readerAndWriter } from '../../support/store.ts';
import { startDynalite, type DynamoInstance } from '../../support/dynamo.ts';
import { contractClient, type Client } from '../../unit/api/support/client.ts';
import { request, type ApiHandler } from '../../unit/api/support/http.ts';
import { EXAMPLE_KEY, LACHIN, REJECTED_KEY, seed, type SeededArticle } from './seed.ts';

/**
 * Every access pattern through the real handler (functions/api/handler.ts, configured by env as on AWS)
 * over the real DynamoDB store on dynalite, seeded with real parser output. Every response is also
 * checked against the OpenAPI document.
 */

const NEWS_COUNT = 20;
const CURSOR_SECRET = 'integration-cursor-secret';

let dynamo: DynamoInstance;
let call: Client;
let handler: ApiHandler;
let seeded: SeededArticle[];
let example: ParsedArticle;

type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

async function allPages(target: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const response = await call(`${target}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status, target).toBe(200);
    const page = response.json as Page;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  dynamo = await startDynalite();
  Object.assign(process.env, { TABLE_NAME: dynamo.tableName, DYNAMODB_ENDPOINT: dynamo.endpoint, CURSOR_SECRET, AWS_REGION: 'us-east-1', POWERTOOLS_LOG_LEVEL: 'ERROR' });
  const store = readerAndWriter({ client: dynamo.documentClient, tableName: dynamo.tableName, cursorSecret: CURSOR_SECRET });
  seeded = await seed(store, NEWS_COUNT);
  example = seeded.find((article) => article.key === EXAMPLE_KEY)!.parsed;
  // Imported only now: the handler reads its configuration once, at module load, as on a Lambda cold start.
  handler = (await import('../../../functions/api/handler.ts')).handler;
  call = contractClient(handler);
});

afterAll(async () => {
  await dynamo?.stop();
});

const erdoganId = () => example.statements.find((statement) => /Erdo[gğ]an/.test(statement.speaker.name))!.speaker.id;

describe('articles', () => {
  it('pages through every article exactly once, newest first', async () => {
    const items = await allPages('/articles?limit=5');
    expect(items.map((item) => item.id).sort()).toEqual(seeded.map((article) => article.parsed.id).sort());
    const dates = items.map((item) => (item.metadata as { publishedAt: string }).publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('keeps to a publication-date window', async () => {
    const items = await allPages('/articles?from=2023-09-01&to=2023-09-30&limit=100');
    const expected = seeded.filter((article) => article.parsed.metadata.publishedAt?.startsWith('2023-09')).map((article) => article.parsed.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(items.map((item) => item.id).sort()).toEqual(expected.sort());
  });

  it('answers the example with its date and Erdogan’s direct quotations', async () => {
    const response = await call(`/articles/${example.id}`);
    expect(response.status).toBe(200);
    const article = response.json as { metadata: { publishedAt: string }; statements: { kind: string; speaker: { name: string } }[] };
    expect(article.metadata.publishedAt).toBe('2023-09-20');
    const direct = article.statements.filter((statement) => statement.kind === 'direct' && /Erdo[gğ]an/.test(statement.speaker.name));
    expect(direct.length).toBeGreaterThanOrEqual(3);
    expect(article.statements).toHaveLength(example.statements.length);
  });

  it('pages the statements of an article in the same order as the whole article lists them', async () => {
    const whole = (await call(`/articles/${example.id}`)).json as { statements: { id: string }[] };
    const paged = await allPages(`/articles/${example.id}/statements?limit=2`);
    expect(paged.map((statement) => statement.id)).toEqual(whole.statements.map((statement) => statement.id));
  });

  it('answers 404 for an unknown article', async () => {
    expect((await call('/articles/AAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await call('/articles/AAAAAAAAAAAAAAAA/statements')).status).toBe(404);
  });
});

describe('speakers and statements', () => {
  it('finds Erdogan by "erdo", with as many statements as the example attributes to him', async () => {
    const page = (await call('/speakers?prefix=erdo')).json as Page;
    const speaker = page.items.find((item) => item.id === erdoganId());
    const his = example.statements.filter((statement) => statement.speaker.id === erdoganId());
    expect(speaker).toMatchObject({ statementCount: his.length, articleCount: 1 });
    expect((await call('/speakers?prefix=ERDOĞ')).json).toMatchObject({ items: [expect.objectContaining({ id: erdoganId() })] });
  });

  it('answers one speaker, or 404', async () => {
    expect((await call(`/speakers/${erdoganId()}`)).json).toMatchObject({ id: erdoganId(), firstSeen: expect.stringContaining('2023-09-20') });
    expect((await call('/speakers/no-such-speaker')).status).toBe(404);
  });

  it("answers a speaker's timeline, filtered by kind and date", async () => {
    const his = example.statements.filter((statement) => statement.speaker.id === erdoganId());
    const all = await allPages(`/statements?speaker=${erdoganId()}&limit=1`);
    expect(all).toHaveLength(his.length);
    const direct = await allPages(`/statements?speaker=${erdoganId()}&kind=direct`);
    expect(direct).toHaveLength(his.filter((statement) => statement.kind === 'direct').length);
    expect(await allPages(`/statements?speaker=${erdoganId()}&from=2023-09-21`)).toEqual([]);
    expect(await allPages(`/statements?speaker=${erdoganId()}&to=2023-09-20`)).toHaveLength(his.length);
  });

  it("narrows a speaker's timeline to the statements whose words name an entity", async () => {
    const his = example.statements.filter((statement) => statement.speaker.id === erdoganId());
    const named = [...new Set(his.flatMap((statement) => statement.entities.map((entity) => entity.id)))];
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) {
      const listed = await allPages(`/statements?speaker=${erdoganId()}&about=${encodeURIComponent(id)}&limit=1`);
      const expected = his.filter((statement) => statement.entities.some((entity) => entity.id === id));
      expect(listed.map((statement) => statement.text), id).toEqual(expected.map((statement) => statement.text));
    }
    expect((await call(`/statements?speaker=${erdoganId()}&about=no-such-entity`)).status).toBe(404);
  });

  it('answers one statement by its id, with its article and the entities its words name', async () => {
    const whole = (await call(`/articles/${example.id}`)).json as { statements: { id: string; entities: { id: string }[] }[] };
    for (const [index, listed] of whole.statements.entries()) {
      const response = await call(`/statements/${encodeURIComponent(listed.id)}`);
      expect(response.status, listed.id).toBe(200);
      const one = response.json as { article: unknown; about: { id: string; name: string; type: string | null }[] };
      const { article: _article, about: _about, ...record } = one as Record<string, unknown>;
      expect(record).toEqual(listed);
      expect(one.article).toEqual({
        id: example.id,
        title: example.metadata.title,
        // The example has no title: its first words name it.
        lead: example.metadata.title === null ? firstWords(example.metadata.summary) : null,
        publishedAt: '2023-09-20',
        siteName: example.metadata.siteName,
        canonicalUrl: example.metadata.canonicalUrl,
        source: expect.objectContaining({ bucket: 'articles', key: EXAMPLE_KEY }),
      });
      const named = [...new Set(example.statements[index]!.entities.map((entity) => entity.id))];
      expect(one.about.map((entity) => entity.id)).toEqual(named);
      for (const entity of one.about) {
        const known = example.metadata.entities.find((candidate) => candidate.id === entity.id)!;
        expect(entity).toEqual({ id: known.id, name: known.name, type: known.type });
      }
    }
    expect((await call(`/statements/${example.id}-${whole.statements.length}`)).status).toBe(404);
    expect((await call('/statements/no-such-statement')).status).toBe(404);
  });

  it('answers 404 for the timeline of an unknown speaker', async () => {
    expect((await call('/statements?speaker=no-such-speaker')).status).toBe(404);
  });
});

describe('entities', () => {
  it('finds an entity by prefix and type, and the articles that mention it', async () => {
    // The parser may find the corridor in the seeded articles too: expect what was stored, whoever found it.
    const mentioning = seeded.flatMap(({ parsed }) => {
      const entity = parsed.metadata.entities.find((candidate) => candidate.id === LACHIN.id);
      return entity ? [{ articleId: parsed.id, count: entity.count }] : [];
    });
    const mentionCount = mentioning.reduce((sum, article) => sum + article.count, 0);
    expect((await allPages('/entities?prefix=lach&type=location')).map((item) => item.id)).toContain(LACHIN.id);
    expect((await allPages('/entities?prefix=lach&type=person')).map((item) => item.id)).not.toContain(LACHIN.id);
    expect((await call(`/entities/${LACHIN.id}`)).json).toMatchObject({ ...LACHIN, articleCount: mentioning.length, mentionCount });
    const articles = await allPages(`/entities/${LACHIN.id}/articles?limit=1`);
    expect(articles.map(({ articleId, count }) => ({ articleId, count }))).toEqual(expect.arrayContaining(mentioning));
    expect(articles).toHaveLength(mentioning.length);
  });

  it('answers 404 for an unknown entity', async () => {
    expect((await call('/entities/no-such-entity')).status).toBe(404);
    expect((await call('/entities/no-such-entity/articles')).status).toBe(404);
  });
});

describe('ingestions', () => {
  it('answers the record of a key with slashes and spaces', async () => {
    const response = await call(`/ingestions/${EXAMPLE_KEY.split('/').map(encodeURIComponent).join('/')}`);
    expect(response.json).toMatchObject({ key: EXAMPLE_KEY, status: 'accepted', articleIds: [example.id] });
  });

  it('answers a rejection with its reason', async () => {
    const response = await call(`/ingestions/${encodeURIComponent(REJECTED_KEY)}`);
    expect(response.json).toMatchObject({ status: 'rejected', reason: { code: 'empty' } });
  });

  it('lists every ingestion once', async () => {
    const items = await allPages('/ingestions?limit=7');
    expect(items.map((item) => item.key).sort()).toEqual([...new Set([...seeded.map((article) => article.key), REJECTED_KEY])].sort());
    expect((await call('/ingestions/never-uploaded.txt')).status).toBe(404);
  });
});

describe('web view on the same handler', () => {
  it('serves the HTML pages beside the JSON API', async () => {
    const home = await request(handler, '/');
    expect(home.status).toBe(200);
    expect(home.contentType).toMatch(/^text\/html/);
    expect(home.text).toContain(example.metadata.title ?? example.id);
  });

  it('shows an article page from the table alone: its stored text with every statement marked', async () => {
    const page = await request(handler, `/view/articles/${encodeURIComponent(example.id)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div class="text"');
    expect(page.text).not.toContain('class="notice"');
    // Each statement's first highlighted piece carries its anchor (the legend's marks carry none).
    expect(page.text.match(/<mark class="(direct|indirect)" id="st-/g)).toHaveLength(example.statements.length);
  });
});

describe('cursors from the real store', () => {
  it('a cursor edited or used for another query is a 400 naming the cursor', async () => {
    const { nextCursor } = (await call('/articles?limit=2')).json as Page;
    const flipped = nextCursor!.slice(0, -2) + (nextCursor!.endsWith('A') ? 'BB' : 'AA');
    for (const target of [`/articles?limit=2&cursor=${flipped}`, `/articles?limit=2&from=2023-01-01&cursor=${nextCursor}`, `/speakers?prefix=a&cursor=${nextCursor}`]) {
      const response = await call(target);
      expect(response.status, target).toBe(400);
      expect(response.json, target).toMatchObject({ errors: [{ parameter: 'cursor' }] });
    }
  });

  it('the longest ids and keys the API accepts are answered 404, not a store failure', async () => {
    const longestId = encodeURIComponent('𝔸'.repeat(64)); // 256 bytes of UTF-8
    const longestKey = encodeURIComponent('𝔸'.repeat(256)); // 1024 bytes, S3's limit
    for (const target of [`/articles/${longestId}`, `/statements/${longestId}`, `/statements/${encodeURIComponent('𝔸'.repeat(63))}-0`, `/speakers/${longestId}`, `/entities/${longestId}/articles`, `/statements?speaker=${longestId}`, `/ingestions/${longestKey}`]) {
      expect((await call(target)).status, target).toBe(404);
    }
    expect((await call(`/speakers/${longestId}x`)).status).toBe(400);
  });

  it('no query or cursor a client can send makes the real store fail', async () => {
    const { nextCursor } = (await call('/articles?limit=2')).json as Page;
    const cursor = fc.oneof(
      fc.string(),
      fc.base64String(),
      fc.tuple(fc.nat({ max: nextCursor!.length - 1 }), fc.string({ minLength: 1, maxLength: 2 })).map(([at, text]) => nextCursor!.slice(0, at) + text + nextCursor!.slice(at + 1)),
    );
    const prefix = fc.oneof(fc.string({ minLength: 1, maxLength: 100 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }));
    const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 });
    const target = fc.oneof(
      fc.tuple(cursor, fc.constantFrom('/articles?limit=2', '/ingestions?limit=3', `/statements?speaker=${erdoganId()}`)).map(([c, t]) => `${t}&cursor=${encodeURIComponent(c)}`),
      prefix.map((p) => `/speakers?prefix=${encodeURIComponent(p)}`),
      fc.tuple(prefix, fc.constantFrom('person', 'organization', 'location')).map(([p, t]) => `/entities?prefix=${encodeURIComponent(p)}&type=${t}`),
      fc.tuple(id, fc.constantFrom('/articles/', '/statements/', '/speakers/', '/entities/', '/ingestions/', '/statements?speaker=')).map(([i, t]) => `${t}${encodeURIComponent(i)}`),
      fc.tuple(fc.date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') }), fc.date({ noInvalidDate: true, min: new Date('0001-01-01'), max: new Date('9999-12-31') }))
        .map(([from, to]) => `/articles?from=${from.toISOString()}&to=${to.toISOString().slice(0, 10)}`),
    );
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        const response = await call(t);
        expect([200, 400, 404], `${t} → ${response.text.slice(0, 200)}`).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });
});
