import { describe, expect, it } from 'vitest';
import { parseText } from './support.ts';

/** A small page: head markup, then body markup with enough text for Readability to find an article. */
function page(head: string, body: string): string {
  const paragraph = '<p>The council met on Tuesday evening and spoke at length about the budget, the schools and the roads of the town.</p>';
  return `<!doctype html><html><head>${head}</head><body>${body}<article>${paragraph.repeat(4)}</article></body></html>`;
}
const metadataOf = (html: string) => parseText(html, 'page.html')[0]!.metadata;

describe('HTML title', () => {
  it('cuts the site name off a declared title when it matches og:site_name or the host', () => {
    const fromSiteName = metadataOf(page('<title>Council backs budget | Section | Daily Example</title><meta property="og:site_name" content="Daily Example">', ''));
    expect(fromSiteName.title).toBe('Council backs budget | Section');
    const fromHost = metadataOf(page('<title>Council backs budget - Missy Magazine</title><link rel="canonical" href="https://missy-magazine.de/a/1">', ''));
    expect(fromHost.title).toBe('Council backs budget');
  });

  it('takes the visible headline that a declared title agrees with, without its kicker', () => {
    const metadata = metadataOf(
      page(
        '<meta property="og:title" content="Council backs budget - Roads first">',
        '<h1><span class="dachzeile">Town hall</span> <span class="headline">Council backs budget</span></h1>',
      ),
    );
    expect(metadata.title).toBe('Council backs budget');
    expect(metadata.provenance.title).toBe('h1');
  });

  it('keeps the declared title when no heading agrees with it (a logo in the h1)', () => {
    const metadata = metadataOf(page('<meta property="og:title" content="Council backs budget">', '<h1>Daily Example</h1>'));
    expect(metadata.title).toBe('Council backs budget');
  });

  it('decodes entities in a JSON-LD headline and drops soft hyphens', () => {
    const jsonLd = '{"@type":"NewsArticle","headline":"Olive &#038; Herb &#8222;Focaccia&#8220;"}';
    const metadata = metadataOf(page(`<script type="application/ld+json">${jsonLd}</script>`, '<h1>Olive &amp; Herb „Focac&shy;cia“</h1>'));
    expect(metadata.title).toBe('Olive & Herb „Focaccia“');
  });
});
