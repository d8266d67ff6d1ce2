import { describe, expect, it } from 'vitest';
import { webRoutes } from '../../../functions/api/web/routes.ts';
import type { Speaker } from '../../../shared/model/statement.ts';
import { parseDocument } from '../../../shared/parse/index.ts';
import type { ArticleRecord, SpeakerRecord, StatementRecord } from '../../../shared/store/port.ts';
import { BUCKET, articleRecord } from './fake-store.ts';
import { memoryReader } from '../../support/memory-reader.ts';
import { get } from './request.ts';

/** Article text is untrusted: whatever markup it holds must come out as text on every page. */
const SCRIPT = '<script>alert("xss")</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const HOSTILE = `${SCRIPT} ${BREAKOUT}`;

const KEY = `evil ${BREAKOUT}.txt`;
const TEXT = `Title line\n\nThe mayor said, "${HOSTILE} is what we found." Nobody else spoke.\n\n${HOSTILE} closes the story.`;
const parsed = parseDocument(new TextEncoder().encode(TEXT), { key: KEY })[0]!;
const quote = `"${HOSTILE} is what we found."`;
const start = parsed.body.indexOf(quote);

const speaker: Speaker = { id: 'evil-mayor', name: `Mayor ${HOSTILE}`, type: 'person', title: HOSTILE, aliases: [HOSTILE] };
const statement: StatementRecord = {
  id: 's1',
  articleId: parsed.id,
  articleTitle: HOSTILE,
  articleSite: null,
  clipped: false,
  cluster: null,
  articleLead: HOSTILE,
  publishedAt: '2026-11-01',
  kind: 'direct',
  text: `${HOSTILE} is what we found.`,
  cue: HOSTILE,
  speaker,
  start,
  end: start + quote.length,
  paragraph: 0,
  sentence: quote,
  // The speaker page links each entity a statement names by its words as written, and by its id.
  entities: [{ id: HOSTILE, start: 0, end: HOSTILE.length }],
};
const article: ArticleRecord = {
  ...articleRecord(parsed, KEY, 1),
  metadata: {
    ...parsed.metadata,
    title: HOSTILE,
    siteName: HOSTILE,
    byline: HOSTILE,
    summary: HOSTILE,
    language: `en" onload="alert(1)`,
    canonicalUrl: 'javascript:alert(1)',
    tags: [HOSTILE],
    entities: [{ id: HOSTILE, name: HOSTILE, type: 'organization', aliases: [], count: 1, mentions: [] }],
    mentionedDates: [{ text: HOSTILE, date: HOSTILE, start: 0, end: 1 }],
  },
};
const speakerRecord: SpeakerRecord = {
  id: speaker.id,
  name: speaker.name,
  type: 'person',
  titles: [HOSTILE],
  aliases: [HOSTILE],
  statementCount: 1,
  articleCount: 1,
  firstSeen: HOSTILE,
  lastSeen: '2026-11-01',
};

const routes = webRoutes({
  store: memoryReader({
    articles: [article],
    statements: [statement],
    speakers: [speakerRecord],
    // The speaker page names the entities a speaker names most by their records.
    entities: [{ id: HOSTILE, name: HOSTILE, type: 'organization', aliases: [HOSTILE], articleCount: 1, mentionCount: 1 }],
    ingestions: [
      {
        bucket: BUCKET,
        key: KEY,
        status: 'rejected',
        reason: { code: 'unparseable', message: HOSTILE },
        articleIds: [],
        sequencer: '01',
        versionId: null,
        eTag: null,
        parserVersion: 1,
        receivedAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-01T00:00:00Z',
      },
    ],
    bodies: { [parsed.id]: parsed.body },
  }),
});

const PAGES = ['/', `/view/articles/${parsed.id}`, `/view/speakers/${speaker.id}`, `/view/statements/${statement.id}`, '/view/ingestions', `/search?q=${encodeURIComponent(`mayor ${HOSTILE}`)}`];

describe('untrusted text', () => {
  it.each(PAGES)('renders as text on %s: no element, attribute or link comes from it', async (url) => {
    const { status, body, document } = await get(routes, url);
    expect(status).toBe(200);
    expect(document.querySelectorAll('script, img, iframe, object, embed')).toHaveLength(0);
    for (const element of document.querySelectorAll('*')) {
      const names: string[] = element.getAttributeNames();
      expect(names.filter((name) => name.startsWith('on'))).toEqual([]);
      expect(element.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    }
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<img');
    // What the article says is still there for the reader to see, as text.
    expect(document.querySelector('main')?.textContent).toContain(SCRIPT);
  });

  it('highlights a hostile quote as text, at its offsets', async () => {
    const { document } = await get(routes, `/view/articles/${parsed.id}`);
    expect(document.querySelector('h1')?.textContent).toBe(HOSTILE);
    expect([...document.querySelectorAll('.text mark')].map((mark) => mark.textContent)).toEqual([quote]);
    expect(document.querySelector('.text')?.textContent).toContain(`${HOSTILE} closes the story.`);
    expect(document.querySelector('.text')?.getAttribute('lang')).toBeNull();
    // A javascript: canonical URL is shown, never linked.
    expect(document.querySelector('dl')?.textContent).toContain('javascript:alert(1)');
  });

  it('charts a hostile speaker and names a hostile entity as text, linked by its encoded id', async () => {
    const { document } = await get(routes, `/view/speakers/${speaker.id}`);
    const svg = document.querySelector('figure.chart svg');
    expect(svg?.getAttribute('aria-label')).toContain(`Mayor ${HOSTILE}`);
    expect(svg?.querySelectorAll('rect')).toHaveLength(1);
    const links = [...document.querySelectorAll('#most-named ~ ol a')];
    expect(links.map((a) => a.textContent)).toEqual([HOSTILE, '1 statement']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/view/entities/${encodeURIComponent(HOSTILE)}`,
      `/view/speakers/${speaker.id}?${new URLSearchParams({ about: HOSTILE }).toString()}`,
    ]);
  });
});
