import { describe, expect, it } from 'vitest';
import { KARABAKH_ID, TRICKY_KEY, articles } from './support/records.ts';
import { apiClient } from './support/client.ts';

// Every response below is also checked against the OpenAPI document by the client.
const call = apiClient();

type Page = { items: Record<string, unknown>[]; nextCursor: string | null };

describe('GET /health', () => {
  it('answers ok without caching', async () => {
    const response = await call('/health');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /articles', () => {
  it('lists newest first, 20 by default, with a cursor to the rest', async () => {
    const response = await call('/articles');
    const page = response.json as Page;
    expect(response.status).toBe(200);
    expect(page.items).toHaveLength(20);
    const dates = page.items.map((item) => (item.metadata as { publishedAt: string }).publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
  });

  it('lists summaries: what grows with an article is left to GET /articles/{id}', async () => {
    const page = (await call('/articles?limit=100')).json as Page;
    const listed = page.items.find((item) => item.id === KARABAKH_ID)!;
    expect(listed.metadata).toMatchObject({ title: 'Turkey backs Azerbaijan offensive', publishedAt: '2023-09-20' });
    expect(listed.metadata).not.toHaveProperty('entities');
    const whole = (await call(`/articles/${KARABAKH_ID}`)).json as { metadata: { entities: unknown[] } };
    expect(whole.metadata.entities).toHaveLength(1);
  });

  it('pages through every article exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const target: string = `/articles?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await call(target)).json as Page;
      seen.push(...page.items.map((item) => item.id as string));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(articles.map((article) => article.id).sort());
  });

  it('filters by publication date, a date-only `to` covering its day', async () => {
    const page = (await call('/articles?from=2023-09-01&to=2023-09-20')).json as Page;
    expect(page.items.map((item) => item.id)).toEqual([KARABAKH_ID]);
  });

  it('treats empty parameters as absent, as an HTML form sends them', async () => {
    const response = await call('/articles?from=&to=&limit=&cursor=');
    expect(response.status).toBe(200);
    expect((response.json as Page).items).toHaveLength(20);
  });
});

describe('GET /articles/{id}', () => {
  it('answers the article with all its statements', async () => {
    const response = await call(`/articles/${KARABAKH_ID}`);
    const article = response.json as { id: string; metadata: { publishedAt: string }; statements: { speaker: { name: string } }[] };
    expect(response.status).toBe(200);
    expect(article.id).toBe(KARABAKH_ID);
    expect(article.metadata.publishedAt).toBe('2023-09-20');
    expect(article.statements).toHaveLength(4);
    expect(new Set(article.statements.map((statement) => statement.speaker.name))).toEqual(new Set(['Recep Tayyip Erdoğan']));
  });

  it('answers 404 problem for an unknown id', async () => {
    const response = await call('/articles/no-such-article');
    expect(response.status).toBe(404);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.json).toMatchObject({ status: 404, detail: expect.stringContaining('no-such-article') });
  });
});

describe('GET /articles/{id}/statements', () => {
  it('pages through the statements of one article', async () => {
    const first = (await call(`/articles/${KARABAKH_ID}/statements?limit=3`)).json as Page;
    expect(first.items).toHaveLength(3);
    const rest = (await call(`/articles/${KARABAKH_ID}/statements?limit=3&cursor=${first.nextCursor}`)).json as Page;
    expect(rest).toMatchObject({ items: [expect.objectContaining({ kind: 'indirect' })], nextCursor: null });
  });

  it('answers 404 for an unknown article', async () => {
    expect((await call('/articles/nope/statements')).status).toBe(404);
  });
});

describe('GET /statements', () => {
  it("answers a speaker's timeline, filtered by kind", async () => {
    const all = (await call('/statements?speaker=recep-tayyip-erdogan')).json as Page;
    const direct = (await call('/statements?speaker=recep-tayyip-erdogan&kind=direct')).json as Page;
    expect(all.items).toHaveLength(4);
    expect(direct.items).toHaveLength(3);
  });

  it('keeps the statements whose words name an entity, with any other filter', async () => {
    const about = (await call('/statements?speaker=recep-tayyip-erdogan&about=armenia')).json as Page;
    expect(about.items.map((item) => item.text)).toEqual([
      'We supported the negotiation process between Azerbaijan and Armenia from the beginning.',
      'Armenia has violated the cease-fire',
    ]);
    const direct = (await call('/statements?speaker=recep-tayyip-erdogan&about=armenia&kind=direct&limit=1')).json as Page;
    expect(direct).toMatchObject({ items: [{ kind: 'direct', entities: [{ id: 'armenia' }] }], nextCursor: null });
    // A known entity the speaker's words never name: an empty page, not a 404.
    expect((await call('/statements?speaker=recep-tayyip-erdogan&about=lachin-corridor')).json).toEqual({ items: [], nextCursor: null });
  });

  it('answers 404 naming an unknown entity, and 400 for an id over the bound', async () => {
    const response = await call('/statements?speaker=recep-tayyip-erdogan&about=atlantis');
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ detail: 'no entity with id atlantis' });
    const long = await call(`/statements?speaker=recep-tayyip-erdogan&about=${'a'.repeat(257)}`);
    expect(long.status).toBe(400);
    expect(long.json).toMatchObject({ errors: [{ parameter: 'about' }] });
  });

  it('requires the speaker, naming the parameter', async () => {
    const response = await call('/statements');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ parameter: 'speaker', message: 'is required' }] });
  });

  it('answers 404 for an unknown speaker, and an empty page for a known one with nothing in the window', async () => {
    expect((await call('/statements?speaker=nobody')).status).toBe(404);
    const none = await call('/statements?speaker=recep-tayyip-erdogan&from=1990-01-01&to=1990-12-31');
    expect({ status: none.status, json: none.json }).toEqual({ status: 200, json: { items: [], nextCursor: null } });
  });
});

describe('GET /statements/{id}', () => {
  it('answers one statement with its article, speaker and the entities its words name', async () => {
    const response = await call(`/statements/${KARABAKH_ID}-2`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(response.json).toMatchObject({
      id: `${KARABAKH_ID}-2`,
      text: 'We supported the negotiation process between Azerbaijan and Armenia from the beginning.',
      speaker: { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan' },
      article: {
        id: KARABAKH_ID,
        title: 'Turkey backs Azerbaijan offensive',
        lead: null,
        publishedAt: '2023-09-20',
        source: { bucket: 'articles', key: `news/${KARABAKH_ID}.txt` },
      },
      entities: [{ id: 'armenia' }],
      // Armenia is not among this article's entities in the fixture: named by its mention as written.
      about: [{ id: 'armenia', name: 'Armenia', type: null }],
    });
    const plain = (await call(`/statements/${KARABAKH_ID}-0`)).json as { about: unknown[] };
    expect(plain.about).toEqual([]);
  });

  it('answers 404 problem for an unknown or malformed id, naming it', async () => {
    for (const id of [`${KARABAKH_ID}-99`, 'no-such-article-0', 'not-a-statement-id', `${KARABAKH_ID}-01`]) {
      const response = await call(`/statements/${encodeURIComponent(id)}`);
      expect(response.status, id).toBe(404);
      expect(response.contentType).toBe('application/problem+json');
      expect(response.json, id).toMatchObject({ status: 404, detail: `no statement with id ${id}` });
    }
  });
});

describe('GET /clusters/{id}', () => {
  it('answers the first appearance and a page of members, in the order asked', async () => {
    const response = await call('/clusters/cluster-1?order=newest&limit=1');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      id: 'cluster-1',
      first: { id: `${KARABAKH_ID}-1`, cluster: { id: 'cluster-1', relation: 'reference' } },
      members: { items: [{ id: `${KARABAKH_ID}-1` }], nextCursor: null },
    });
  });

  it('refuses an order it does not know, and answers 404 for a cluster with no statement', async () => {
    expect((await call('/clusters/cluster-1?order=random')).status).toBe(400);
    const missing = await call('/clusters/no-such-cluster');
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({ detail: 'no cluster with id no-such-cluster has a statement stored' });
  });
});

describe('GET /speakers and /speakers/{id}', () => {
  it('finds a speaker by a prefix, ignoring case and accents', async () => {
    for (const prefix of ['erdo', 'ERDO', 'Erdoğ', 'recep%20t']) {
      const page = (await call(`/speakers?prefix=${prefix}`)).json as Page;
      expect(page.items.map((item) => item.id), prefix).toEqual(['recep-tayyip-erdogan']);
    }
  });

  it('needs a prefix with a letter or digit in it', async () => {
    for (const target of ['/speakers', '/speakers?prefix=%20!!']) {
      const response = await call(target);
      expect(response.status, target).toBe(400);
      expect(response.json, target).toMatchObject({ errors: [{ parameter: 'prefix' }] });
    }
  });

  it('answers one speaker with counts, or 404', async () => {
    expect((await call('/speakers/recep-tayyip-erdogan')).json).toMatchObject({ statementCount: 4, aliases: ['Erdogan'] });
    expect((await call('/speakers/nobody')).status).toBe(404);
  });
});

describe('GET /entities, /entities/{id}, /entities/{id}/articles', () => {
  it('searches by prefix and type', async () => {
    const places = (await call('/entities?prefix=lach&type=location')).json as Page;
    const organizations = (await call('/entities?prefix=lach&type=organization')).json as Page;
    expect(places.items.map((item) => item.id)).toEqual(['lachin-corridor']);
    expect(organizations.items).toEqual([]);
  });

  it('rejects an unknown type, naming the parameter', async () => {
    const response = await call('/entities?prefix=a&type=planet');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ parameter: 'type' }] });
  });

  it('answers one entity and the articles that mention it, or 404', async () => {
    expect((await call('/entities/lachin-corridor')).json).toMatchObject({ name: 'Lachin Corridor', mentionCount: 2 });
    expect((await call('/entities/lachin-corridor/articles')).json).toMatchObject({ items: [{ articleId: KARABAKH_ID, count: 2 }] });
    expect((await call('/entities/atlantis')).status).toBe(404);
    expect((await call('/entities/atlantis/articles')).status).toBe(404);
  });
});

describe('GET /entities/{id}/statements', () => {
  it('answers what was said about the entity: the statements whose words name it, with their speakers, paged', async () => {
    const response = await call('/entities/armenia/statements?limit=1');
    const first = response.json as Page;
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(first.items).toMatchObject([{ id: `${KARABAKH_ID}-2`, speaker: { id: 'recep-tayyip-erdogan' }, entities: [{ id: 'armenia' }] }]);
    const rest = (await call(`/entities/armenia/statements?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)).json as Page;
    expect(rest).toMatchObject({ items: [{ id: `${KARABAKH_ID}-3` }], nextCursor: null });
  });

  it('answers an empty page for a known entity no statement names, or none in the window', async () => {
    expect((await call('/entities/lachin-corridor/statements')).json).toEqual({ items: [], nextCursor: null });
    expect((await call('/entities/armenia/statements?from=1990-01-01&to=1990-12-31')).json).toEqual({ items: [], nextCursor: null });
  });

  it('answers 404 problem for an unknown entity, naming it', async () => {
    const response = await call('/entities/atlantis/statements');
    expect(response.status).toBe(404);
    expect(response.contentType).toBe('application/problem+json');
    expect(response.json).toMatchObject({ status: 404, detail: 'no entity with id atlantis' });
  });

  it('answers 400 problem for a cursor of another query, or dates out of order', async () => {
    const { nextCursor } = (await call('/articles?limit=1')).json as Page;
    const forged = await call(`/entities/armenia/statements?cursor=${encodeURIComponent(nextCursor!)}`);
    expect(forged.status).toBe(400);
    expect(forged.contentType).toBe('application/problem+json');
    expect((await call('/entities/armenia/statements?cursor=not-a-cursor')).status).toBe(400);
    const backwards = await call('/entities/armenia/statements?from=2023-09-20&to=2023-09-01');
    expect(backwards.status).toBe(400);
    expect(backwards.json).toMatchObject({ errors: [{ parameter: 'to' }] });
  });
});

describe('GET /ingestions and /ingestions/{key}', () => {
  it('answers the record of a key with slashes, spaces, plus and percent signs', async () => {
    const encoded = TRICKY_KEY.split('/').map(encodeURIComponent).join('/');
    const response = await call(`/ingestions/${encoded}`);
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ key: TRICKY_KEY, status: 'accepted' });
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('accepts the key with its slashes encoded too', async () => {
    const response = await call(`/ingestions/${encodeURIComponent(TRICKY_KEY)}`);
    expect(response.json).toMatchObject({ key: TRICKY_KEY });
  });

  it('answers a rejection with its reason', async () => {
    expect((await call('/ingestions/empty.txt')).json).toMatchObject({ status: 'rejected', reason: { code: 'empty' } });
  });

  it('answers 404 for a key never uploaded', async () => {
    expect((await call('/ingestions/never/uploaded.txt')).status).toBe(404);
  });

  it('lists ingestions, most recent first', async () => {
    const page = (await call('/ingestions')).json as Page;
    expect(page.items.map((item) => item.key)).toEqual(['empty.txt', TRICKY_KEY]);
  });
});
