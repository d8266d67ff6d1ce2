import { Logger } from '@aws-lambda-powertools/logger';
import { describe, expect, it, vi } from 'vitest';
import { parseDocument } from '../../../shared/parse/index.ts';
import type { Speaker, StatementKind } from '../../../shared/model/statement.ts';
import type { ArticleRecord, SpeakerRecord, StatementRecord } from '../../../shared/store/port.ts';
import { webRoutes } from '../../../functions/api/web/routes.ts';
import { CONTENT_SECURITY_POLICY } from '../../../functions/api/web/layout.ts';
import { BUCKET, articleRecord } from './fake-store.ts';
import { memoryReader } from '../../support/memory-reader.ts';
import { get } from './request.ts';

const KEY = 'bridge.txt';
const TEXT = [
  'Bridge to reopen',
  'Minister Ana Pérez said on Monday that the bridge would reopen before winter.',
  '"We will finish the work by 1 October," Pérez said. "Nobody will be left behind."',
  'Critics were not convinced.',
].join('\n\n');

const parsed = parseDocument(new TextEncoder().encode(TEXT), { key: KEY })[0]!;
const body = parsed.body;

const perez: Speaker = { id: 'ana-perez', name: 'Ana Pérez', type: 'person', title: 'Minister', aliases: ['Pérez'] };

function statement(kind: StatementKind, span: string, text: string, publishedAt = '2026-10-05'): StatementRecord {
  const start = body.indexOf(span);
  if (start < 0) throw new Error(`"${span}" is not in the body`);
  const end = start + span.length;
  return {
    id: `${parsed.id}#${start}`,
    articleId: parsed.id,
    articleTitle: 'Bridge to reopen',
    articleSite: null,
    clipped: false,
    cluster: null,
    articleLead: null,
    publishedAt,
    kind,
    text,
    cue: 'said',
    speaker: perez,
    start,
    end,
    paragraph: 0,
    sentence: span,
    entities: [],
  };
}

const statements = [
  statement('indirect', 'Minister Ana Pérez said on Monday that the bridge would reopen before winter.', 'the bridge would reopen before winter'),
  statement('direct', '"We will finish the work by 1 October," Pérez said.', 'We will finish the work by 1 October'),
];

const article: ArticleRecord = {
  ...articleRecord(parsed, KEY, statements.length),
  metadata: {
    ...parsed.metadata,
    title: 'Bridge to reopen',
    publishedAt: '2026-10-05',
    siteName: 'Local News',
    entities: [{ id: 'ana-perez', name: 'Ana Pérez', type: 'person', aliases: ['Pérez'], count: 2, mentions: [] }],
    mentionedDates: [{ text: '1 October', date: '2026-10-01', start: 0, end: 9 }],
  },
};

const speaker: SpeakerRecord = {
  id: perez.id,
  name: perez.name,
  type: 'person',
  titles: ['Minister'],
  aliases: ['Pérez'],
  statementCount: 2,
  articleCount: 1,
  firstSeen: '2026-10-05',
  lastSeen: '2026-10-05',
};

const routes = webRoutes({ store: memoryReader({ articles: [article], statements, speakers: [speaker], bodies: { [parsed.id]: body } }) });
const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('every page', () => {
  it('is HTML under a strict Content-Security-Policy that allows exactly its own style sheet', async () => {
    const page = await get(routes, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
    const { createHash } = await import('node:crypto');
    const style = page.document.querySelector('style')?.textContent ?? '';
    expect(CONTENT_SECURITY_POLICY).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(page.document.querySelectorAll('script')).toHaveLength(0);
  });

  it('has landmarks, one h1 and a labelled search field', async () => {
    const { document } = await get(routes, '/');
    expect(document.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(document.querySelectorAll('header, main, footer, nav')).toHaveLength(4);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    const input = document.querySelector('form[role=search] input[name=q]');
    expect(document.querySelector(`label[for="${input?.getAttribute('id')}"]`)).not.toBeNull();
  });
});

describe('home page', () => {
  it('lists the newest articles with date, site and number of statements', async () => {
    const { document } = await get(routes, '/');
    const item = document.querySelector('main ul.items > li');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe(`/view/articles/${parsed.id}`);
    expect(text(item)).toBe('Bridge to reopen 5 Oct 2026 · Local News · 2 statements');
  });

  it('pages with cursor links until every article has been shown once', async () => {
    const many = Array.from({ length: 45 }, (_, n): ArticleRecord => ({
      ...article,
      id: `a${n}`,
      metadata: { ...article.metadata, title: `Article ${n}`, publishedAt: `2026-01-${String(n % 28 + 1).padStart(2, '0')}T${String(n % 24).padStart(2, '0')}:00:00Z` },
    }));
    const paged = webRoutes({ store: memoryReader({ articles: many }) });
    const seen: string[] = [];
    let url: string | null = '/';
    while (url) {
      const page: Awaited<ReturnType<typeof get>> = await get(paged, url);
      seen.push(...[...page.document.querySelectorAll('main li h2')].map((h) => text(h)));
      url = page.document.querySelector('a[rel=next]')?.getAttribute('href') ?? null;
    }
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
  });

  it('names an untitled article by its first words, never "Untitled"', async () => {
    const summary = 'Minister Ana Pérez said on Monday that the bridge would reopen before winter.';
    const untitled = { ...article, metadata: { ...article.metadata, title: null, summary } };
    const store = memoryReader({ articles: [untitled], statements: statements.map((s) => ({ ...s, articleTitle: null })), bodies: { [parsed.id]: body } });
    const untitledRoutes = webRoutes({ store });
    const home = await get(untitledRoutes, '/');
    expect(text(home.document.querySelector('main li h2'))).toBe('Minister Ana Pérez said on Monday that the bridge would…');
    const articlePage = await get(untitledRoutes, `/view/articles/${parsed.id}`);
    expect(text(articlePage.document.querySelector('h1'))).toBe('Minister Ana Pérez said on Monday that the bridge would…');
    expect(text(articlePage.document.querySelector('title'))).toContain('Minister Ana Pérez');
    // With no words at all (no summary), the object it came from names it.
    const wordless = { ...article, metadata: { ...article.metadata, title: null, summary: null } };
    const bare = await get(webRoutes({ store: memoryReader({ articles: [wordless] }) }), '/');
    expect(text(bare.document.querySelector('main li h2'))).toBe(KEY);
    for (const page of [home, articlePage, bare]) expect(page.body).not.toContain('Untitled');
  });

  it('says it sorts by publication date, and lists undated articles apart instead of above the dated ones', async () => {
    const dated = Array.from({ length: 3 }, (_, n): ArticleRecord => ({ ...article, id: `d${n}`, metadata: { ...article.metadata, title: `Dated ${n}`, publishedAt: `2026-10-0${n + 1}` } }));
    // Uploaded after every dated article was published: by upload time alone they would lead the list.
    const undated = Array.from({ length: 7 }, (_, n): ArticleRecord => ({
      ...article,
      id: `u${n}`,
      ingestedAt: `2026-11-2${n}T10:00:00.000Z`,
      metadata: { ...article.metadata, title: `Undated ${n}`, publishedAt: null },
    }));
    const mixed = webRoutes({ store: memoryReader({ articles: [...undated, ...dated] }) });
    const { document } = await get(mixed, '/');
    expect(text(document.querySelector('h1 + p'))).toContain('By publication date, newest first.');
    expect([...document.querySelectorAll('h1 ~ ul.items > li h2')].map((h) => text(h))).toEqual(['Dated 2', 'Dated 1', 'Dated 0']);
    const apart = [...document.querySelectorAll('#undated ~ ul > li')];
    expect(apart.map((li) => text(li.querySelector('h3')))).toEqual(['Undated 6', 'Undated 5', 'Undated 4', 'Undated 3', 'Undated 2']);
    expect(text(apart[0]?.querySelector('.meta'))).toBe('uploaded 26 Nov 2026, 10:00 UTC · Local News · 2 statements');
    // The rest of the undated ones are a link away, on pages of their own.
    const all = document.querySelector('#undated ~ p a')?.getAttribute('href') ?? '';
    expect(all).toBe('/?undated=1');
    const seen: string[] = [];
    let url: string | null = all;
    while (url) {
      const page: Awaited<ReturnType<typeof get>> = await get(mixed, url);
      expect(page.status).toBe(200);
      expect(page.document.querySelector('#undated')).toBeNull();
      seen.push(...[...page.document.querySelectorAll('main li h2')].map((h) => text(h)));
      url = page.document.querySelector('a[rel=next]')?.getAttribute('href') ?? null;
    }
    expect(seen).toEqual(undated.map((a) => a.metadata.title).reverse());
  });

  it('says what is missing when a list is empty: nothing at all, no dated article, or no more', async () => {
    const empty = await get(webRoutes({ store: memoryReader({}) }), '/');
    expect(text(empty.document.querySelector('h1 ~ p:not(.meta)'))).toBe('No articles yet. Upload one to the bucket and it appears here.');
    const undatedOnly = { ...article, metadata: { ...article.metadata, publishedAt: null } };
    const onlyUndated = webRoutes({ store: memoryReader({ articles: [undatedOnly] }) });
    const home = await get(onlyUndated, '/');
    expect(text(home.document.querySelector('h1 ~ p:not(.meta)'))).toBe('No article has a publication date yet.');
    expect(home.document.querySelectorAll('#undated ~ ul > li')).toHaveLength(1);
    expect(home.document.querySelector('#undated ~ p a')).toBeNull();
    const undatedPage = await get(onlyUndated, '/?undated=1');
    expect([...undatedPage.document.querySelectorAll('main li h2')].map((h) => text(h))).toEqual(['Bridge to reopen']);
    expect((await get(onlyUndated, '/?undated=1&cursor=forged')).status).toBe(400);
  });

  it('shows no undated section when every article is dated', async () => {
    const { document } = await get(routes, '/');
    expect(document.querySelector('#undated')).toBeNull();
    expect(text(document.querySelector('h1 + p'))).toBe('By publication date, newest first.');
  });

  it('answers an edited cursor with 400, not another page', async () => {
    const page = await get(routes, '/?cursor=forged');
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('article page', () => {
  it('highlights each statement exactly where its offsets point, with its kind and speaker', async () => {
    const { status, document } = await get(routes, `/view/articles/${parsed.id}`);
    expect(status).toBe(200);
    expect(text(document.querySelector('h1'))).toBe('Bridge to reopen');
    const marks = [...document.querySelectorAll('.text mark')];
    expect(marks.map((mark) => mark.textContent)).toEqual(statements.map((s) => body.slice(s.start, s.end)));
    expect(marks.map((mark) => mark.getAttribute('class'))).toEqual(['indirect', 'direct']);
    expect(marks.map((mark) => mark.getAttribute('id'))).toEqual(statements.map((s) => `st-${s.start}-${s.end}`));
    const labels = [...document.querySelectorAll('.text .who')];
    expect(labels.map((label) => text(label))).toEqual(['— Ana Pérez reported', '— Ana Pérez quoted']);
    expect(labels.map((label) => label.querySelector('a')?.getAttribute('href'))).toEqual(['/view/speakers/ana-perez', '/view/speakers/ana-perez']);
    // The rest of the text is there too, unhighlighted.
    expect(text(document.querySelector('.text'))).toContain('Critics were not convinced.');
  });

  it('lists the entities and the dates mentioned', async () => {
    const { document } = await get(routes, `/view/articles/${parsed.id}`);
    expect(document.querySelector('#entities + ul a')?.getAttribute('href')).toBe('/view/entities/ana-perez');
    expect(text(document.querySelector('#dates + ul'))).toBe('“1 October”: 1 Oct 2026');
  });

  it('shows the statements without the text for an article stored without it, and says why', async () => {
    const older = webRoutes({ store: memoryReader({ articles: [article], statements }) });
    const { status, document } = await get(older, `/view/articles/${parsed.id}`);
    expect(status).toBe(200);
    expect(text(document.querySelector('.notice'))).toContain('parsed again');
    expect(document.querySelector('.text')).toBeNull();
    const items = [...document.querySelectorAll('#statements ~ ul > li')];
    expect(items.map((item) => item.getAttribute('id'))).toEqual(statements.map((s) => `st-${s.start}-${s.end}`));
    expect(text(items[1]?.querySelector('blockquote'))).toBe('“We will finish the work by 1 October”');
  });

  it('answers a store failure with a 500 page that shows no internals, and logs it as a structured entry', async () => {
    const logger = new Logger({ serviceName: 'onrecord-api' });
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    const broken = { ...memoryReader({}), listArticles: () => Promise.reject(new Error('table is gone')) };
    const { status, document } = await get(webRoutes({ store: broken, logger }), '/');
    expect(status).toBe(500);
    expect(document.body.textContent).not.toContain('table is gone');
    expect(logged).toHaveBeenCalledExactlyOnceWith('web: page failed', expect.objectContaining({ path: '/' }));
  });

  it('answers an unknown id with a 404 page', async () => {
    const page = await get(routes, '/view/articles/nope');
    expect(page.status).toBe(404);
    expect(text(page.document.querySelector('h1'))).toBe('Not found');
  });
});

describe('speaker page', () => {
  it('shows who they are and their statements newest first, each linked to its place in the article', async () => {
    const older = { ...statements[0]!, articleId: 'older', articleTitle: 'Earlier story', publishedAt: '2025-01-02' };
    const store = memoryReader({ articles: [article], statements: [older, ...statements], speakers: [speaker] });
    const { document } = await get(webRoutes({ store }), '/view/speakers/ana-perez');
    expect(text(document.querySelector('h1'))).toBe('Ana Pérez');
    const facts = [...document.querySelectorAll('dl > dt')].map((dt) => `${text(dt)}: ${text(dt.nextElementSibling)}`);
    expect(facts).toEqual([
      'Type: person',
      'Role: Minister',
      'Also named: Pérez',
      'On record: 2 statements in 1 article',
      'First seen: 5 Oct 2026',
      'Last seen: 5 Oct 2026',
    ]);
    const items = [...document.querySelectorAll('#timeline + ol > li')];
    expect(items.map((item) => text(item.querySelector('time')))).toEqual(['5 Oct 2026', '5 Oct 2026', '2 Jan 2025']);
    const contextLinks = items.map((item) => [...item.querySelectorAll('a')].at(-1)?.getAttribute('href'));
    expect(contextLinks[2]).toBe(`/view/articles/older#st-${older.start}-${older.end}`);

    // Every in-context link of this article lands on an element of its article page.
    const articlePage = await get(routes, `/view/articles/${parsed.id}`);
    for (const href of contextLinks.slice(0, 2)) {
      const anchor = href?.split('#')[1];
      expect(articlePage.document.getElementById(anchor ?? '')).not.toBeNull();
    }
  });

  it('names an untitled article by the first words stored with the statement', async () => {
    const untitled = { ...statements[0]!, articleTitle: null, articleLead: 'Minister Ana Pérez said on Monday that the bridge would…' };
    // Stored before statements carried the first words: the link still says where it goes.
    const older = { ...statements[1]!, articleId: 'older', articleTitle: null, articleLead: null, publishedAt: '2025-01-02' };
    const store = memoryReader({ statements: [untitled, older], speakers: [speaker] });
    const { body, document } = await get(webRoutes({ store }), '/view/speakers/ana-perez');
    const links = [...document.querySelectorAll('#timeline + ol > li > .meta:first-child a')].map((a) => text(a));
    expect(links).toEqual(['Minister Ana Pérez said on Monday that the bridge would…', 'Open the article']);
    expect(body).not.toContain('Untitled');
  });

  it('links each entity a statement names to the timeline narrowed to it, and pages within it', async () => {
    const bridge = { id: 'kalna-bridge', name: 'Kalna Bridge', type: 'location' as const, aliases: [], articleCount: 1, mentionCount: 30 };
    const council = { id: 'city-council', name: 'City Council', type: 'organization' as const, aliases: [], articleCount: 1, mentionCount: 1 };
    const naming = (n: number): StatementRecord => {
      const text = n === 0 ? 'The City Council and the Kalna bridge' : `Kalna bridge works, part ${n}`;
      const at = text.indexOf('Kalna');
      const entities = [{ id: bridge.id, start: at, end: at + 'Kalna bridge'.length }];
      if (n === 0) entities.unshift({ id: council.id, start: 4, end: 16 });
      return { ...statements[1]!, id: `s${n}`, text, entities, start: 1000 + n, end: 1010 + n, publishedAt: `2026-09-${String(28 - n).padStart(2, '0')}` };
    };
    const named = Array.from({ length: 25 }, (_, n) => naming(n));
    const store = memoryReader({ statements: [...statements, ...named], speakers: [speaker], entities: [bridge, council] });
    const paged = webRoutes({ store });

    const all = await get(paged, '/view/speakers/ana-perez');
    const first = [...all.document.querySelectorAll('#timeline + ol > li')].find((li) => text(li.querySelector('blockquote')).includes('City Council'))!;
    const links = [...first.querySelectorAll('.names a')];
    expect(links.map((a) => text(a))).toEqual(['City Council', 'Kalna bridge']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/view/speakers/ana-perez?about=city-council', '/view/speakers/ana-perez?about=kalna-bridge']);

    const seen: string[] = [];
    let url: string | null = '/view/speakers/ana-perez?about=kalna-bridge';
    for (let pages = 0; url; pages++) {
      const page: Awaited<ReturnType<typeof get>> = await get(paged, url);
      expect(page.status).toBe(200);
      expect(text(page.document.querySelector('#timeline'))).toBe('Statements naming Kalna Bridge, newest first');
      expect(page.document.querySelector('#timeline ~ p a')?.getAttribute('href')).toBe('/view/speakers/ana-perez');
      // The entity the page is narrowed to is not linked again under each statement.
      expect(page.document.querySelector('.names a[href$="about=kalna-bridge"]')).toBeNull();
      seen.push(...[...page.document.querySelectorAll('#timeline + p + ol > li blockquote')].map((q) => text(q)));
      url = page.document.querySelector('a[rel=next]')?.getAttribute('href') ?? null;
      if (url) expect(url).toContain('about=kalna-bridge');
      if (pages > 0) expect(page.document.querySelector('nav.pager a:not([rel])')?.getAttribute('href')).toBe('/view/speakers/ana-perez?about=kalna-bridge');
    }
    expect(seen).toEqual(named.map((statement) => `“${statement.text}”`));

    const none = await get(paged, '/view/speakers/ana-perez?about=city-council');
    expect(none.document.querySelectorAll('#timeline + p + ol > li')).toHaveLength(1);
    expect((await get(paged, '/view/speakers/ana-perez?about=atlantis')).status).toBe(404);
    expect((await get(paged, `/view/speakers/ana-perez?about=${'a'.repeat(300)}`)).status).toBe(400);
  });

  it('heads the timeline with a chart of their statements over time and the entities they name most', async () => {
    const bridge = { id: 'kalna-bridge', name: 'Kalna Bridge', type: 'location' as const, aliases: [], articleCount: 1, mentionCount: 3 };
    const council = { id: 'city-council', name: 'City Council', type: 'organization' as const, aliases: [], articleCount: 1, mentionCount: 1 };
    const naming = (n: number, publishedAt: string, text: string, ids: string[]): StatementRecord => {
      const entities = ids.map((id) => {
        const words = { 'kalna-bridge': /Kalna bridge/i, 'city-council': /City Council/, 'gone-entity': /Old Mill/ }[id]!;
        const at = text.search(words);
        return { id, start: at, end: at + (text.match(words)?.[0].length ?? 0) };
      });
      return { ...statements[1]!, id: `n${n}`, text, entities, start: 2000 + n, end: 2010 + n, publishedAt };
    };
    const named = [
      // Named twice in one statement: counted once, as `?about=` would list it once.
      naming(0, '2026-06-10', 'The Kalna bridge, yes, the Kalna Bridge', ['kalna-bridge', 'kalna-bridge']),
      naming(1, '2026-08-03', 'Kalna bridge and the City Council', ['kalna-bridge', 'city-council']),
      naming(2, '2026-08-20', 'Kalna bridge and the Old Mill', ['kalna-bridge', 'gone-entity']),
      naming(3, '2026-10-01', 'The Old Mill again', ['gone-entity']),
    ];
    const store = memoryReader({ statements: [...statements, ...named], speakers: [speaker], entities: [bridge, council] });
    const routed = webRoutes({ store });
    const { document } = await get(routed, '/view/speakers/ana-perez');

    expect(text(document.querySelector('#over-time'))).toBe('Statements over time');
    expect(text(document.querySelector('#over-time + p'))).toBe('All 6 statements of Ana Pérez on record, from 10 Jun 2026 to 5 Oct 2026.');
    const svg = document.querySelector('section[aria-labelledby=over-time] figure.chart svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Statements of Ana Pérez per month: 6 statements per month, Jun 2026 to Oct 2026; most in Oct 2026 (3).');
    expect([...svg.querySelectorAll('rect > title')].map((title) => text(title))).toEqual(['Jun 2026: 1 statement', 'Aug 2026: 2 statements', 'Oct 2026: 3 statements']);
    const rows = [...document.querySelectorAll('figure.chart details tbody tr')].map((row) => [...row.children].map((cell) => text(cell)).join(': '));
    expect(rows).toEqual(['Jun 2026: 1', 'Aug 2026: 2', 'Oct 2026: 3']);

    expect(text(document.querySelector('#most-named'))).toBe('What they speak about most');
    const top = [...document.querySelectorAll('#most-named ~ ol > li')];
    expect(top.map((li) => text(li))).toEqual(['Kalna Bridge: 3 statements', 'Old Mill: 2 statements', 'City Council: 1 statement']);
    expect(top.map((li) => [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')))).toEqual([
      ['/view/entities/kalna-bridge', '/view/speakers/ana-perez?about=kalna-bridge'],
      // No record, so no entity page and no narrowed timeline to link to: the name as the statements write it.
      [],
      ['/view/entities/city-council', '/view/speakers/ana-perez?about=city-council'],
    ]);
    // The count is what the linked timeline lists.
    const narrowed = await get(routed, '/view/speakers/ana-perez?about=kalna-bridge');
    expect(narrowed.document.querySelectorAll('#timeline + p + ol > li')).toHaveLength(3);
    // The overview heads the first page of the whole timeline only.
    expect(narrowed.document.querySelector('#over-time, #most-named, svg')).toBeNull();
    // The timeline below it is unchanged.
    expect(document.querySelectorAll('#timeline + ol > li')).toHaveLength(6);
  });

  it('charts at most the last 200 statements, and says so', async () => {
    const many = Array.from({ length: 250 }, (_, n): StatementRecord => {
      const day = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
      return { ...statements[1]!, id: `m${n}`, start: 3000 + n, end: 3010 + n, publishedAt: day };
    });
    const reader = memoryReader({ statements: many, speakers: [speaker] });
    const limits: number[] = [];
    const store = { ...reader, listStatements: (query: Parameters<typeof reader.listStatements>[0]) => (limits.push(query.limit), reader.listStatements(query)) };
    const { document } = await get(webRoutes({ store }), '/view/speakers/ana-perez');
    // 1 Jan 2026 + 249 days is 7 Sep 2026; the newest 200 begin 50 days in, on 20 Feb.
    expect(text(document.querySelector('#over-time + p'))).toBe('The last 200 statements of Ana Pérez on record, from 20 Feb 2026 to 7 Sep 2026.');
    const counts = [...document.querySelectorAll('figure.chart tbody tr td:last-child')].map((cell) => Number(text(cell)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(200);
    expect(counts).toEqual([9, 31, 30, 31, 30, 31, 31, 7]);
    // Two pages of 100 for the chart, one of 20 for the timeline: never the whole record.
    expect(limits.sort((a, b) => a - b)).toEqual([20, 100, 100]);
    expect(document.querySelector('#most-named')).toBeNull();
  });

  it('answers an unknown speaker with 404', async () => {
    expect((await get(routes, '/view/speakers/nobody')).status).toBe(404);
  });
});

describe('statement page', () => {
  it('shows one statement with its speaker, article, and what it names; the article and speaker pages link to it', async () => {
    const naming = { ...statements[1]!, entities: [{ id: 'ana-perez', start: 0, end: 2 }, { id: 'gone-entity', start: 3, end: 7 }] };
    const store = memoryReader({ articles: [article], statements: [statements[0]!, naming], speakers: [speaker], bodies: { [parsed.id]: body } });
    const linked = webRoutes({ store });

    const articlePage = await get(linked, `/view/articles/${parsed.id}`);
    const fromArticle = [...articlePage.document.querySelectorAll('.text .who a.kind')].map((a) => a.getAttribute('href'));
    expect(fromArticle).toEqual(statements.map((s) => `/view/statements/${encodeURIComponent(s.id)}`));
    const speakerPage = await get(linked, '/view/speakers/ana-perez');
    const fromSpeaker = [...speakerPage.document.querySelectorAll('#timeline + ol a.kind')].map((a) => a.getAttribute('href'));
    expect(fromSpeaker.sort()).toEqual([...fromArticle].sort());

    const { status, document } = await get(linked, fromArticle[1]!);
    expect(status).toBe(200);
    expect(text(document.querySelector('h1'))).toBe('Ana Pérez, quoted');
    expect(text(document.querySelector('title'))).toBe('Ana Pérez: We will finish the work by 1 October… · onrecord');
    expect(text(document.querySelector('main blockquote'))).toBe('“We will finish the work by 1 October”');
    const facts = Object.fromEntries([...document.querySelectorAll('dl > dt')].map((dt) => [text(dt), dt.nextElementSibling]));
    expect(text(facts.Speaker)).toBe('Ana Pérez, Minister');
    expect(text(facts.Article)).toBe('Bridge to reopen');
    expect(facts.Article?.querySelector('a')?.getAttribute('href')).toBe(`/view/articles/${parsed.id}`);
    expect(text(facts.Published)).toBe('5 Oct 2026');
    // Named by the article's entity, else by the words as written.
    expect(text(facts.About)).toBe('Ana Pérez (what Ana Pérez said about it), will (what Ana Pérez said about it)');
    expect([...(facts.About?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'))).toEqual([
      '/view/entities/ana-perez',
      '/view/speakers/ana-perez?about=ana-perez',
      '/view/entities/gone-entity',
      '/view/speakers/ana-perez?about=gone-entity',
    ]);
    // "In context" lands on the statement's place in the article page.
    const context = document.querySelector('main .meta a')?.getAttribute('href') ?? '';
    expect(context).toBe(`/view/articles/${parsed.id}#st-${naming.start}-${naming.end}`);
    expect(articlePage.document.getElementById(context.split('#')[1]!)).not.toBeNull();
  });

  it('names an untitled article by its first words and says when it has no date', async () => {
    const untitled = { ...article, metadata: { ...article.metadata, title: null, publishedAt: null, summary: 'Minister Ana Pérez said on Monday that the bridge would reopen.' } };
    const store = memoryReader({ articles: [untitled], statements, speakers: [speaker] });
    const { document } = await get(webRoutes({ store }), `/view/statements/${encodeURIComponent(statements[0]!.id)}`);
    const facts = Object.fromEntries([...document.querySelectorAll('dl > dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(facts).toMatchObject({ Article: 'Minister Ana Pérez said on Monday that the bridge would…', Published: 'no date given', Kind: 'reported (indirect speech)' });
    expect(facts).not.toHaveProperty('About');
  });

  it('answers an unknown statement with a 404 page', async () => {
    const page = await get(routes, `/view/statements/${parsed.id}-99`);
    expect(page.status).toBe(404);
    expect(text(page.document.querySelector('h1'))).toBe('Not found');
  });
});

describe('echo cluster pages', () => {
  const cluster = { id: 'finish-by-october', relation: 'reference' as const };
  const original = { ...statements[1]!, cluster };
  const echoArticle: ArticleRecord = { ...article, id: 'weekly-bridge', metadata: { ...article.metadata, title: 'Weekly: the bridge', publishedAt: '2026-10-07' } };
  const echo: StatementRecord = {
    ...original,
    id: 'weekly-bridge-0',
    articleId: echoArticle.id,
    articleTitle: 'Weekly: the bridge',
    publishedAt: '2026-10-07',
    text: 'We will finish the work by October',
    cluster: { ...cluster, relation: 'near-copy' },
  };
  const store = memoryReader({ articles: [article, echoArticle], statements: [statements[0]!, original, echo], speakers: [speaker], bodies: { [parsed.id]: body } });
  const clustered = webRoutes({ store });

  it("shows on a statement's page who carried the words first and where else they appeared", async () => {
    const { document } = await get(clustered, `/view/statements/${echo.id}`);
    const section = document.querySelector('section[aria-labelledby=echoes]');
    expect(text(section?.querySelector('h2'))).toBe('Where else it appeared');
    expect(text(section?.querySelector('p'))).toBe('First carried by Bridge to reopen, 5 Oct 2026.');
    expect([...(section?.querySelectorAll('li') ?? [])].map((li) => text(li.querySelector('.meta')))).toEqual(['5 Oct 2026 · Bridge to reopen · the words first stored']);
    expect(section?.querySelector(':scope > p.meta a')?.getAttribute('href')).toBe('/view/clusters/finish-by-october');
    const first = await get(clustered, `/view/statements/${encodeURIComponent(original.id)}`);
    expect(text(first.document.querySelector('section[aria-labelledby=echoes] p'))).toBe('This article carried the words first.');
    // A statement whose words appeared nowhere else has no such section.
    const alone = await get(clustered, `/view/statements/${encodeURIComponent(statements[0]!.id)}`);
    expect(alone.document.querySelector('section[aria-labelledby=echoes]')).toBeNull();
  });

  it('lists a whole cluster oldest or newest first, each with how its words relate', async () => {
    const oldest = await get(clustered, '/view/clusters/finish-by-october');
    expect(oldest.status).toBe(200);
    expect(text(oldest.document.querySelector('h1'))).toBe("Where Ana Pérez's words appeared");
    const relations = (page: typeof oldest) => [...page.document.querySelectorAll('main li')].map((li) => text(li.querySelector('.meta')));
    expect(relations(oldest)).toEqual(['5 Oct 2026 · Bridge to reopen · the words first stored', '7 Oct 2026 · Weekly: the bridge · nearly the same words']);
    const newest = await get(clustered, '/view/clusters/finish-by-october?order=newest');
    expect(relations(newest)).toEqual([...relations(oldest)].reverse());
    expect((await get(clustered, '/view/clusters/no-such-cluster')).status).toBe(404);
  });
});

describe('entity page', () => {
  it('shows the entity and the articles that mention it, with paging', async () => {
    const entity = { id: 'lachin-corridor', name: 'Lachin Corridor', type: 'location' as const, aliases: ['Lachin road'], articleCount: 25, mentionCount: 31 };
    const mentions = Array.from({ length: 25 }, (_, n) => ({ articleId: `a${n}`, title: `Story ${n}`, lead: null, publishedAt: '2026-10-01', count: 1 }));
    const paged = webRoutes({ store: memoryReader({ entities: [entity], entityArticles: { [entity.id]: mentions } }) });
    const first = await get(paged, '/view/entities/lachin-corridor');
    expect(text(first.document.querySelector('h1'))).toBe('Lachin Corridor');
    expect(text(first.document.querySelector('dl'))).toContain('31 times in 25 articles');
    expect(first.document.querySelectorAll('#articles + ul > li')).toHaveLength(20);
    expect(first.document.querySelector('#articles + ul a')?.getAttribute('href')).toBe('/view/articles/a0');
    const next = first.document.querySelector('a[rel=next]')?.getAttribute('href') ?? '';
    const second = await get(paged, next);
    expect([...second.document.querySelectorAll('#articles + ul > li h2, #articles + ul > li > a')].map((a) => text(a))).toEqual(
      ['Story 20', 'Story 21', 'Story 22', 'Story 23', 'Story 24'],
    );
    expect(second.document.querySelector('a[rel=next]')).toBeNull();
    expect((await get(paged, '/view/entities/nowhere')).status).toBe(404);
  });

  it('names an untitled article by the first words stored with the mention', async () => {
    const entity = { id: 'lachin-corridor', name: 'Lachin Corridor', type: 'location' as const, aliases: [], articleCount: 2, mentionCount: 2 };
    const mentions = [
      { articleId: 'a0', title: null, lead: 'The road through the corridor reopened on…', publishedAt: '2026-10-01', count: 1 },
      { articleId: 'a1', title: null, lead: null, publishedAt: '2026-09-01', count: 1 },
    ];
    const store = memoryReader({ entities: [entity], entityArticles: { [entity.id]: mentions } });
    const { body, document } = await get(webRoutes({ store }), '/view/entities/lachin-corridor');
    expect([...document.querySelectorAll('#articles + ul > li > a')].map((a) => text(a))).toEqual(['The road through the corridor reopened on…', 'Open the article']);
    expect(body).not.toContain('Untitled');
  });
});

describe('what was said about an entity', () => {
  const bridge = { id: 'kalna-bridge', name: 'Kalna <bridge>', type: 'location' as const, aliases: [], articleCount: 9, mentionCount: 9 };
  const vuk = { id: 'vuk-ilic', name: 'Vuk Ilić', type: 'person' as const, title: null, aliases: [] };
  // Nine statements naming the bridge, by two speakers, one a day; one more that does not name it.
  const said = Array.from({ length: 9 }, (_, n) => {
    const text = `The Kalna bridge <b>${n}</b> will open`;
    return {
      ...statements[1]!,
      id: `said-${n}`,
      speaker: n % 2 ? vuk : perez,
      text,
      entities: [{ id: bridge.id, start: 4, end: 16 }],
      start: 2000 + n,
      end: 2010 + n,
      publishedAt: `2026-09-${String(10 + n).padStart(2, '0')}`,
    };
  });
  const store = memoryReader({ statements: [...statements, ...said], speakers: [speaker], entities: [bridge] });
  const saidRoutes = webRoutes({ store });
  const QUOTES = '#said + ol > li blockquote';

  it('lists the first few on the entity page, newest first, with speaker and statement links, escaped', async () => {
    const { status, body, document, headers } = await get(saidRoutes, '/view/entities/kalna-bridge');
    expect(status).toBe(200);
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(text(document.querySelector('#said'))).toBe('What was said about it, newest first');
    expect([...document.querySelectorAll(QUOTES)].map((q) => text(q))).toEqual([8, 7, 6, 5, 4].map((n) => `“The Kalna bridge <b>${n}</b> will open”`));
    expect(body).not.toContain('<b>8</b>');
    expect(body).not.toContain('Kalna <bridge>');
    const first = document.querySelector('#said + ol > li')!;
    expect(first.querySelector('a.speaker')?.getAttribute('href')).toBe('/view/speakers/ana-perez');
    expect(text(first.querySelector('a.speaker'))).toBe('Ana Pérez');
    expect(first.querySelector('a.kind')?.getAttribute('href')).toBe('/view/statements/said-8');
    expect(text(document.querySelector('#said + ol > li:nth-child(2) a.speaker'))).toBe('Vuk Ilić');
    // The rest on a page of their own, from where the entity page stopped.
    const more = [...document.querySelectorAll('#said ~ p a')].find((a) => text(a).startsWith('More statements'))!;
    const rest = await get(saidRoutes, more.getAttribute('href')!);
    expect(rest.status).toBe(200);
    expect([...rest.document.querySelectorAll(QUOTES)].map((q) => text(q))).toEqual([3, 2, 1, 0].map((n) => `“The Kalna bridge <b>${n}</b> will open”`));
    expect(rest.document.querySelector('a[rel=next]')).toBeNull();
    expect(rest.document.querySelector('nav.pager a')?.getAttribute('href')).toBe('/view/entities/kalna-bridge/statements');
  });

  it('says so when nothing names it, and answers 404 and 400 on its own page as the others do', async () => {
    const quiet = { ...bridge, id: 'quiet-square', name: 'Quiet Square' };
    const routes = webRoutes({ store: memoryReader({ statements, entities: [quiet] }) });
    const { document } = await get(routes, '/view/entities/quiet-square');
    expect(text(document.querySelector('#said + p'))).toBe('No statement on record names it.');
    expect((await get(saidRoutes, '/view/entities/nowhere/statements')).status).toBe(404);
    expect((await get(saidRoutes, '/view/entities/kalna-bridge/statements?cursor=forged')).status).toBe(400);
  });
});

describe('search page', () => {
  it('finds speakers and entities by the start of their name, keeping the query in the box', async () => {
    const { document } = await get(routes, '/search?q=ana+pe');
    expect(document.querySelector('input[name=q]')?.getAttribute('value')).toBe('ana pe');
    expect(document.querySelector('#speakers + ul a')?.getAttribute('href')).toBe('/view/speakers/ana-perez');
  });

  it('refuses an unknown list to search in', async () => {
    expect((await get(routes, '/search?q=a&in=users')).status).toBe(400);
  });
});

describe('ingestions page', () => {
  it('shows recent uploads with their status, and why a rejected one was refused', async () => {
    const base = { bucket: BUCKET, sequencer: '01', versionId: null, eTag: null, parserVersion: 1, receivedAt: '2026-11-27T10:00:00Z' };
    const store = memoryReader({
      ingestions: [
        { ...base, key: KEY, status: 'accepted', reason: null, articleIds: [parsed.id], updatedAt: '2026-11-27T10:00:01Z' },
        { ...base, key: 'photo.jpg', status: 'rejected', reason: { code: 'binary', message: 'looks like binary data' }, articleIds: [], updatedAt: '2026-11-27T11:00:00Z' },
      ],
    });
    const { document } = await get(webRoutes({ store }), '/view/ingestions');
    const rows = [...document.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => text(cell)));
    expect(rows).toEqual([
      ['photo.jpg', 'rejected', 'looks like binary data (binary)', '27 Nov 2026, 11:00 UTC'],
      [KEY, 'accepted', 'View article', '27 Nov 2026, 10:00 UTC'],
    ]);
  });
});
