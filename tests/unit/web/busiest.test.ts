/**
 * The home page's busiest speakers and entities: two ranked bar lists over the 30 days of publication
 * dates ending with the newest article's (today at the latest), readable as text, under the strict CSP.
 */
import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { rankedBars } from '../../../functions/api/web/charts.ts';
import { busyWindowEnd } from '../../../functions/api/web/pages/home.ts';
import { webRoutes } from '../../../functions/api/web/routes.ts';
import type { ArticleRecord, EntityRecord, SpeakerRecord, StatementRecord } from '../../../shared/store/port.ts';
import type { Speaker } from '../../../shared/model/statement.ts';
import { memoryReader } from '../../support/memory-reader.ts';
import { BUCKET } from './fake-store.ts';
import { get } from './request.ts';

const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const NOW = () => new Date('2026-12-06T12:00:00Z');

const speakerOf = (id: string, name: string): { speaker: Speaker; record: SpeakerRecord } => ({
  speaker: { id, name, type: 'person', title: null, aliases: [] },
  record: { id, name, type: 'person', titles: [], aliases: [], statementCount: 1, articleCount: 1, firstSeen: '2026-10-01', lastSeen: '2026-10-05' },
});
const entityRecord = (id: string, name: string): EntityRecord => ({ id, name, type: 'location', aliases: [], articleCount: 1, mentionCount: 1 });

const perez = speakerOf('ana-perez', 'Ana Pérez');
const okafor = speakerOf('tom-okafor', 'Tom <Okafor>');
const lind = speakerOf('eva-lind', 'Eva Lind');

function articleOn(id: string, publishedAt: string | null, entities: [string, string, number][]): ArticleRecord {
  return {
    id,
    source: { bucket: BUCKET, key: `${id}.txt`, versionId: null, eTag: null },
    metadata: {
      title: `Article ${id}`,
      publishedAt,
      byline: null,
      authors: [],
      siteName: 'Local News',
      canonicalUrl: null,
      language: 'en',
      wordCount: 100,
      headings: [],
      summary: null,
      tags: [],
      contentHash: id,
      format: 'plain-text',
      provenance: {},
      warnings: [],
      entities: entities.map(([entityId, name, count]) => ({ id: entityId, name, type: 'location' as const, aliases: [], count, mentions: [] })),
      mentionedDates: [],
    },
    statementCount: 0,
    parserVersion: 1,
    ingestedAt: '2026-11-27T10:00:00.000Z',
  };
}

function said(articleId: string, speaker: Speaker, times: number, publishedAt: string): StatementRecord[] {
  return Array.from({ length: times }, (_, n) => ({
    id: `${articleId}-${speaker.id}-${n}`,
    articleId,
    articleTitle: `Article ${articleId}`,
    articleLead: null,
    articleSite: null,
    publishedAt,
    clipped: false,
    cluster: null,
    kind: 'direct' as const,
    text: `words ${n}`,
    cue: 'said',
    speaker,
    start: n * 10,
    end: n * 10 + 5,
    paragraph: 0,
    sentence: `words ${n}`,
    entities: [],
  }));
}

// Newest article: 5 Oct 2026. The window is 6 Sep to 5 Oct; the August article is outside it.
const articles = [
  articleOn('a', '2026-10-05', [['bridge', 'Old Bridge', 3], ['river', 'River Vale', 1]]),
  articleOn('b', '2026-09-20T23:30:00-02:00', [['bridge', 'Old Bridge', 2], ['town-hall', 'Town Hall', 4]]),
  articleOn('old', '2026-08-01', [['river', 'River Vale', 50]]),
  articleOn('undated', null, [['river', 'River Vale', 50]]),
];
const statements = [
  ...said('a', perez.speaker, 2, '2026-10-05'),
  ...said('b', okafor.speaker, 1, '2026-09-21T01:30:00Z'),
  ...said('b', perez.speaker, 1, '2026-09-21T01:30:00Z'),
  ...said('old', lind.speaker, 9, '2026-08-01'),
];
const store = memoryReader({
  articles,
  statements,
  speakers: [perez.record, okafor.record, lind.record],
  entities: [entityRecord('bridge', 'Old Bridge'), entityRecord('river', 'River Vale'), entityRecord('town-hall', 'Town Hall')],
});
const routes = webRoutes({ store, now: NOW });

const rows = (list: Element | null | undefined) =>
  (list ? Array.from(list.querySelectorAll('li')) : []).map((li) => [text(li.querySelector('a')), li.querySelector('a')?.getAttribute('href'), text(li.querySelector('.count'))]);

describe('home page: busiest speakers and entities', () => {
  it('ranks who was quoted most and what was mentioned most in the 30 days up to the newest publication date', async () => {
    const { document } = await get(routes, '/');
    const section = document.querySelector('section.busiest');
    expect(text(section?.querySelector('h2'))).toBe('Busiest in the last 30 days');
    expect(text(section?.querySelector('p.meta'))).toContain('from 6 Sep 2026 to 5 Oct 2026');
    expect(rows(section?.querySelector('ol[aria-labelledby=busiest-speakers]'))).toEqual([
      ['Ana Pérez', '/view/speakers/ana-perez', '3 statements'],
      ['Tom <Okafor>', '/view/speakers/tom-okafor', '1 statement'],
    ]);
    // "Old Bridge" 3 + 2, "Town Hall" 4, "River Vale" 1 (its 50 are in August, and in an undated article).
    expect(rows(section?.querySelector('ol[aria-labelledby=busiest-entities]'))).toEqual([
      ['Old Bridge', '/view/entities/bridge', '5 mentions'],
      ['Town Hall', '/view/entities/town-hall', '4 mentions'],
      ['River Vale', '/view/entities/river', '1 mention'],
    ]);
    expect(text(document.querySelector('#busiest-speakers'))).toBe('Quoted most');
    // A name is text, escaped, never markup.
    expect(document.querySelector('section.busiest okafor')).toBeNull();
  });

  it('draws bars as long as the counts, hidden from assistive technology, with no inline style or script', async () => {
    const { document, body } = await get(routes, '/');
    const svgs = [...document.querySelectorAll('ol[aria-labelledby=busiest-entities] svg')];
    expect(svgs.map((svg) => svg.getAttribute('aria-hidden'))).toEqual(['true', 'true', 'true']);
    expect(svgs.map((svg) => Number(svg.querySelector('rect')?.getAttribute('width')))).toEqual([100, 80, 20]);
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
    expect(body).not.toContain('<script');
  });

  it('heads the first page only, and only when some article has a publication date', async () => {
    const many = Array.from({ length: 25 }, (_, n) => articleOn(`m${n}`, `2026-10-${String(n + 1).padStart(2, '0')}`, []));
    const paged = webRoutes({ store: memoryReader({ articles: many }), now: NOW });
    const first = await get(paged, '/');
    expect(first.document.querySelector('section.busiest')).not.toBeNull();
    // Nothing counted yet: each list says so instead of drawing nothing.
    expect(text(first.document.querySelector('section.busiest .chart-empty'))).toBe('No statements in articles published 26 Sep 2026 to 25 Oct 2026.');
    const next = first.document.querySelector('a[rel=next]')?.getAttribute('href') ?? '';
    expect((await get(paged, next)).document.querySelector('section.busiest')).toBeNull();
    const undatedOnly = webRoutes({ store: memoryReader({ articles: [articleOn('u', null, [])] }), now: NOW });
    expect((await get(undatedOnly, '/')).document.querySelector('section.busiest')).toBeNull();
  });
});

describe('busyWindowEnd', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it('is the newest publication day in UTC, or today when that is in the future', () => {
    expect(busyWindowEnd('2023-09-20', now)).toBe('2023-09-20');
    expect(busyWindowEnd('2023-09-20T23:30:00-02:00', now)).toBe('2023-09-21');
    expect(busyWindowEnd('2099-01-01', now)).toBe('2026-12-06');
    expect(busyWindowEnd(null, now)).toBeNull();
    expect(busyWindowEnd('not a date', now)).toBeNull();
  });
});

describe('rankedBars', () => {
  const parse = (markup: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${markup}</body></html>`, 'text/html');
  it('lists rows in the given order with their counts as text and one bar each', () => {
    const document = parse(
      rankedBars(
        [
          { label: 'A', href: '/a', count: 4 },
          { label: 'B', href: '/b', count: 1 },
        ],
        { title: 'Quoted most', noun: 'statement', id: 'x', empty: 'none' },
      ).value,
    );
    expect(text(document.querySelector('h3#x'))).toBe('Quoted most');
    expect([...document.querySelectorAll('ol[aria-labelledby=x] > li')].map((li) => text(li))).toEqual(['A 4 statements', 'B 1 statement']);
    expect([...document.querySelectorAll('rect')].map((rect) => rect.getAttribute('width'))).toEqual(['100', '25']);
  });
  it('says what is missing instead of drawing an empty list', () => {
    const document = parse(rankedBars([], { title: 'Quoted most', noun: 'statement', id: 'x', empty: 'Nobody was quoted.' }).value);
    expect(document.querySelector('ol')).toBeNull();
    expect(text(document.querySelector('p'))).toBe('Nobody was quoted.');
  });
});
