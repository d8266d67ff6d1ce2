import { describe, expect, it } from 'vitest';
import { articleId } from '../../../shared/model/ids.ts';
import { RejectedInput } from '../../../shared/parse/errors.ts';
import { fixture, parseFile, parseOne, parseText } from './support.ts';

const HEADINGS = [
  'Armenia-Azerbaijan flare-up enters second day',
  'What triggered recent clashes between Armenia and Azerbaijan?',
];
const TITLE = 'Turkey backs Azerbaijan as fighting flares in Nagorno-Karabakh';

describe('header text (the example article)', () => {
  const article = parseOne(fixture('karabakh-offensive-2023-09-20.txt'));

  it('reads the date from the header that shares its line with the first paragraph', () => {
    expect(article.metadata).toMatchObject({ format: 'header-text', publishedAt: '2023-09-20', title: null });
    expect(article.metadata.provenance.publishedAt).toBe('header:date');
    expect(article.body.startsWith('As Azerbaijan on Tuesday (Sept 19) launched')).toBe(true);
  });

  it('reads `key: value` headers, with title, author, source and url', () => {
    const [parsed] = parseText(
      'Title: Markets rally\nDate: 20 September 2023\nAuthor: Jane Doe and John Roe\nSource: Example News\n' +
        'URL: https://news.example.org/markets\n\nShares rose on Tuesday.\n',
    );
    expect(parsed!.metadata).toMatchObject({
      format: 'header-text',
      title: 'Markets rally',
      publishedAt: '2023-09-20',
      byline: 'Jane Doe and John Roe',
      authors: ['Jane Doe', 'John Roe'],
      siteName: 'Example News',
      canonicalUrl: 'https://news.example.org/markets',
    });
    expect(parsed!.body).toBe('Shares rose on Tuesday.');
  });

  it('does not take a headline that starts with a header word for a header', () => {
    const [parsed] = parseText('Title fight set for Vegas\n\nThe champion will defend his belt in March.\n');
    expect(parsed!.metadata).toMatchObject({ format: 'plain-text', title: 'Title fight set for Vegas' });
  });
});

describe('plain text with the headline on the first line (as the BBC corpus has it)', () => {
  it('takes the first line as the title and the rest as the body, declaring nothing else', () => {
    const article = parseOne(fixture('formats/headline-first-line.txt'));
    expect(article.metadata).toMatchObject({
      format: 'plain-text',
      title: 'Harbour council to challenge ferry cuts',
      publishedAt: null,
      byline: null,
      authors: [],
      siteName: null,
      canonicalUrl: null,
      language: 'en',
    });
    expect(article.metadata.provenance).toMatchObject({ title: 'first-line', language: 'detected' });
    expect(article.body.startsWith('The Harbour Council is to challenge plans')).toBe(true);
  });
});

describe('Markdown with YAML front matter', () => {
  const article = parseOne(fixture('formats/karabakh.md'));

  it('reads title, date with time and zone, authors, tags and language from the front matter', () => {
    expect(article.metadata).toMatchObject({
      format: 'markdown',
      title: TITLE,
      publishedAt: '2023-09-20T09:30:00+03:00',
      byline: 'Jane Example, John Sample',
      authors: ['Jane Example', 'John Sample'],
      tags: ['Azerbaijan', 'Armenia', 'Turkey'],
      language: 'en',
      headings: HEADINGS,
    });
    expect(article.metadata.provenance).toMatchObject({ title: 'front-matter:title', headings: 'markdown:headings' });
  });

  it('turns the Markdown into the same plain paragraphs as the text version', () => {
    const text = parseOne(fixture('karabakh-offensive-2023-09-20.txt'));
    expect(article.body).toBe(text.body);
  });

  it('takes the first # heading as the title when there is no front matter', () => {
    const [parsed] = parseText('# Storm hits coast\n\nHigh winds *closed* the [port](https://x.example) on Monday.\n', 'n.md');
    expect(parsed!.metadata).toMatchObject({ format: 'markdown', title: 'Storm hits coast' });
    expect(parsed!.body).toBe('High winds closed the port on Monday.');
  });
});

describe('JSON', () => {
  it('reads an API envelope holding an array: each element becomes its own article', () => {
    const articles = parseFile(fixture('formats/newsapi-two-articles.json'), 'feeds/bbc.json');
    expect(articles.map((a) => a.id)).toEqual([articleId('feeds/bbc.json', 0), articleId('feeds/bbc.json', 1)]);
    expect(articles[0]!.metadata).toMatchObject({
      format: 'json',
      title: 'Telewest to challenge Sky Plus',
      publishedAt: '2004-12-14T10:15:00Z',
      siteName: 'BBC News',
      canonicalUrl: 'http://news.bbc.co.uk/1/hi/technology/4094285.stm',
    });
    expect(articles[0]!.metadata.provenance).toMatchObject({ siteName: 'json:source', publishedAt: 'json:publishedAt' });
    expect(articles[1]!.metadata).toMatchObject({ title: 'Irish markets reach all-time high', byline: null });
  });

  it('reads a single object with other field names and an HTML body', () => {
    const article = parseOne(fixture('formats/karabakh-cms.json'));
    expect(article.metadata).toMatchObject({
      format: 'json',
      title: TITLE,
      publishedAt: '2023-09-20T09:30:00+03:00',
      authors: ['Jane Example', 'John Sample'],
      siteName: 'Example News',
      language: 'en',
      tags: ['Azerbaijan', 'Armenia', 'Turkey'],
      headings: HEADINGS,
    });
    expect(article.body).toBe(parseOne(fixture('karabakh-offensive-2023-09-20.txt')).body);
  });

  it('rejects JSON that does not parse, and an article without body text', () => {
    expect(() => parseText('{"title": "x", ', 'a.json')).toThrow(expect.objectContaining({ code: 'unparseable' }));
    expect(() => parseText('{"title": "Only a title"}', 'a.json')).toThrow(expect.objectContaining({ code: 'no-body' }));
    expect(() => parseText('[1, 2, 3]')).toThrow(RejectedInput);
  });
});

describe('HTML', () => {
  it('reads JSON-LD (@graph, @id references), meta tags, html lang and the canonical link', () => {
    const article = parseOne(fixture('formats/karabakh.html'));
    expect(article.metadata).toMatchObject({
      format: 'html',
      title: TITLE,
      publishedAt: '2023-09-20T09:30:00+03:00',
      byline: 'Jane Example',
      siteName: 'Example News',
      language: 'en-GB',
      canonicalUrl: 'https://news.example.org/world/karabakh',
      summary: 'Turkey fully supports Baku as Azerbaijan launches an offensive in Nagorno-Karabakh.',
      headings: HEADINGS,
    });
    // the visible h1 agrees with the JSON-LD headline: the headline as the page shows it
    expect(article.metadata.provenance).toMatchObject({ title: 'h1', byline: 'json-ld', language: 'html-lang' });
  });

  it('keeps the readable content and drops navigation, footer and scripts', () => {
    const article = parseOne(fixture('formats/karabakh.html'));
    expect(article.body).toContain('Turkish President Recep Tayyip Erdogan said');
    expect(article.body).toContain('What triggered recent clashes between Armenia and Azerbaijan?');
    expect(article.body).not.toMatch(/Privacy|All rights reserved|analytics|Home/);
  });

  it('reads a page from its OpenGraph and article meta tags', () => {
    const article = parseOne(fixture('formats/opengraph-page.html'));
    expect(article.metadata).toMatchObject({
      title: 'Why the ferry timetable matters to island schools',
      byline: 'Ingrid Solheim',
      siteName: 'Harbour Voices',
      language: 'en',
    });
    expect(article.metadata.publishedAt?.startsWith('2018-04-05')).toBe(true);
    expect(article.body).not.toMatch(/Related|All rights reserved|analytics/);
  });

  it('detects HTML from the content whatever the key says', () => {
    const [parsed] = parseText(
      '<!doctype html><html lang="fr"><head><title>Un titre</title></head><body><p>Bonjour.</p></body></html>',
      'upload.txt',
    );
    expect(parsed!.metadata).toMatchObject({ format: 'html', title: 'Un titre', language: 'fr' });
  });
});

describe('header text without colons', () => {
  it('reads `key value` lines when a date or URL line shows that they are a header', () => {
    const [parsed] = parseText(
      'title Turkey backs Azerbaijan\nauthor Jane Example\nsource Example News\nurl https://news.example.org/a\n' +
        'date 2023-09-20T09:30:00+03:00 As Azerbaijan launched an offensive, Turkey said it backed Baku.\n',
    );
    expect(parsed!.metadata).toMatchObject({
      format: 'header-text',
      title: 'Turkey backs Azerbaijan',
      byline: 'Jane Example',
      siteName: 'Example News',
      canonicalUrl: 'https://news.example.org/a',
      publishedAt: '2023-09-20T09:30:00+03:00',
    });
    expect(parsed!.body).toBe('As Azerbaijan launched an offensive, Turkey said it backed Baku.');
  });
});

describe('JSON envelopes', () => {
  it('finds the one article an API wraps (the Guardian\'s response.content)', () => {
    const [parsed] = parseText(
      JSON.stringify({
        response: {
          status: 'ok',
          content: {
            webTitle: 'Markets rally',
            webPublicationDate: '2023-09-20T08:15:00Z',
            webUrl: 'https://www.example.com/markets',
            fields: { bodyText: 'Shares rose on Tuesday as oil fell.', byline: 'Jane Doe' },
          },
        },
      }),
      'guardian.json',
    );
    expect(parsed!.metadata).toMatchObject({
      title: 'Markets rally',
      publishedAt: '2023-09-20T08:15:00Z',
      byline: 'Jane Doe',
      canonicalUrl: 'https://www.example.com/markets',
    });
    expect(parsed!.metadata.provenance.byline).toBe('json:fields.byline');
    expect(parsed!.body).toBe('Shares rose on Tuesday as oil fell.');
  });
});

describe('HTML bylines', () => {
  it('keeps the author and drops the dateline a byline element also holds', () => {
    const html = (byline: string) =>
      `<!doctype html><html lang="en"><head><title>Page</title></head><body><article><h1>Page</h1>` +
      `<p class="byline">${byline}</p>` +
      `<p>${'The committee met on Monday to discuss the proposal in detail, and agreed to meet again. '.repeat(12)}</p>` +
      `</article></body></html>`;
    expect(parseText(html('By Nathan Willis March 25, 2015'), 'a.html')[0]!.metadata.byline).toBe('Nathan Willis');
    expect(parseText(html('Last Updated: January 7, 2025'), 'a.html')[0]!.metadata.byline).toBeNull();
  });
});

describe('Markdown inline markup', () => {
  it('keeps link and emphasis text, drops images, leaves unmatched marks and snake_case alone', () => {
    const [parsed] = parseText(
      '# T\n\nSee [the port](https://x.example/a "Port") and ![map](map.png)**bold** _it_ `code` snake_case 2*3*4 [a](\n',
      'n.md',
    );
    expect(parsed!.body).toBe('See the port and bold it code snake_case 2*3*4 [a](');
  });
});

describe('HTML without a root element', () => {
  it.each(['<a', '<html', '<!', '<script>', '<style>x'])('rejects the truncated page %j as having no body', (html) => {
    expect(() => parseText(html, 'page.html')).toThrow(expect.objectContaining({ code: 'no-body' }));
  });

  it('reads a fragment of meta tags and paragraphs as a page', () => {
    const [parsed] = parseText('<meta name="author" content="Jane Roe"><title>Rain</title><p>It rained all day.</p>', 'p.html');
    expect(parsed!.metadata).toMatchObject({ format: 'html', title: 'Rain', byline: 'Jane Roe' });
    expect(parsed!.body).toBe('It rained all day.');
  });
});
