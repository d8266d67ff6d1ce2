import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { authorsFromMarkup, nameOnDateline } from '../../../shared/parse/formats/html/byline.ts';
import { parseText } from './support.ts';

/** A small page: head markup, then body markup with enough text for Readability to find an article. */
function page(head: string, body: string, lang = 'en'): string {
  const paragraph = '<p>The council met on Tuesday evening and spoke at length about the budget, the schools and the roads of the town.</p>';
  return `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}<article>${paragraph.repeat(4)}</article></body></html>`;
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

  it('takes a heading that follows a declared title\'s kicker, and drops a kicker set apart by a hidden separator', () => {
    const colon = metadataOf(page('<meta property="og:title" content="Town hall meeting on Tuesday: Council backs budget">', '<h1>Council backs budget</h1>'));
    expect(colon).toMatchObject({ title: 'Council backs budget', provenance: expect.objectContaining({ title: 'h1' }) });
    const hidden = metadataOf(
      page('<meta property="og:title" content="Council backs budget">', '<h1><span>Town hall</span><span aria-hidden="true"> – </span><span>Council backs budget</span></h1>'),
    );
    expect(hidden).toMatchObject({ title: 'Council backs budget', provenance: expect.objectContaining({ title: 'h1' }) });
  });

  it('cuts a date off a heading or a declared title like a site name', () => {
    const heading = metadataOf(page('<meta property="og:title" content="Council backs budget">', '<h1>23.01.2022 - Council backs budget</h1>'));
    expect(heading).toMatchObject({ title: 'Council backs budget', provenance: expect.objectContaining({ title: 'h1' }) });
    expect(metadataOf(page('<meta property="og:title" content="08.11.2021 | Council backs budget">', '')).title).toBe('Council backs budget');
  });

  it('keeps the declared title when no heading agrees with it (a logo in the h1)', () => {
    const metadata = metadataOf(page('<meta property="og:title" content="Council backs budget">', '<h1>Daily Example</h1>'));
    expect(metadata.title).toBe('Council backs budget');
  });

  it('takes a page\'s only h1 over a link-preview title worded otherwise, but not over the document\'s own <title>', () => {
    const preview = metadataOf(page('<meta property="og:title" content="Budget vote: what it means for you">', '<h1>Council backs the budget after long debate</h1>'));
    expect(preview).toMatchObject({ title: 'Council backs the budget after long debate', provenance: expect.objectContaining({ title: 'h1' }) });
    const own = metadataOf(page('<title>Budget vote: what it means for you</title>', '<h1>Council backs the budget after long debate</h1>'));
    expect(own.title).toBe('Budget vote: what it means for you');
    const domain = metadataOf(page('<meta property="og:title" content="Council backs budget">', '<h1>council-news.example</h1>'));
    expect(domain.title).toBe('Council backs budget');
  });

  it('between headings that agree equally, takes the one the more trusted declared title names', () => {
    const metadata = metadataOf(
      page('<title>News - Example</title><meta property="og:title" content="Council backs budget">', '<h1>News</h1><h1>Council backs budget</h1>'),
    );
    expect(metadata.title).toBe('Council backs budget');
  });

  it('reads a document title that is all the page declares as Readability does', () => {
    expect(metadataOf(page('<title>Council backs the new budget – My website</title>', '')).title).toBe('Council backs the new budget');
    expect(metadataOf(page('<title>Council backs budget - Ann Lee</title>', '')).title).toBe('Council backs budget - Ann Lee');
  });

  it('takes a heading that links to the home page for the site\'s name, not the headline', () => {
    const blog = metadataOf(page('<title>Small sheep facts | Sheep comic</title>', '<h1><a href="https://example.org/">Sheep comic</a></h1><h1>Small sheep facts</h1>'));
    expect(blog).toMatchObject({ title: 'Small sheep facts', provenance: expect.objectContaining({ title: 'h1' }) });
    // the site's name then cuts the declared title: "Figures - Salsa figures - Rueda in Berlin"
    const cut = metadataOf(page('<title>Enchufla figures - Salsa figures - Rueda in Berlin</title>', '<h1><a href="/"><span>Salsa figures - Rueda in Berlin</span></a></h1>'));
    expect(cut.title).toBe('Enchufla figures');
    const anchor = metadataOf(page('<title>Council backs budget - Daily Example</title>', '<h2><a href="#article-0">Council backs budget</a></h2>'));
    expect(anchor).toMatchObject({ title: 'Council backs budget', provenance: expect.objectContaining({ title: 'h2' }) });
  });

  it('takes a headline that holds the site\'s name of one word, and takes a heading that holds its host\'s name for the site', () => {
    const word = metadataOf(page('<meta property="og:site_name" content="Hummeln"><title>Tote Hummeln unter Linden: Die Erklärung | Hummeln</title>', '<h1>Tote Hummeln unter Linden</h1>', 'de'));
    expect(word).toMatchObject({ title: 'Tote Hummeln unter Linden', provenance: expect.objectContaining({ title: 'h1' }) });
    const host = metadataOf(page('<link rel="canonical" href="https://www.pixnet.net/a"><title>Maple leaves in Hsinchu @ Steven :: PIXNET ::</title>', '<h1>Blog PIXNET</h1>'));
    expect(host.provenance.title).not.toBe('h1');
  });

  it('passes over headings only screen readers see', () => {
    const metadata = metadataOf(
      page('<title>Dead bumblebees under lime trees: the answer | Bumblebees</title>', '<h2 class="screen-reader-text">Dead bumblebees under lime trees: the answer | Bumblebees</h2><h1>Dead bumblebees under lime trees</h1>'),
    );
    expect(metadata.title).toBe('Dead bumblebees under lime trees');
  });

  it('decodes entities in a JSON-LD headline and drops soft hyphens', () => {
    const jsonLd = '{"@type":"NewsArticle","headline":"Olive &#038; Herb &#8222;Focaccia&#8220;"}';
    const metadata = metadataOf(page(`<script type="application/ld+json">${jsonLd}</script>`, '<h1>Olive &amp; Herb „Focac&shy;cia“</h1>'));
    expect(metadata.title).toBe('Olive & Herb „Focaccia“');
  });
});

describe('HTML publication date', () => {
  it('reads a German date printed under the headline, day first, as a date without a time zone', () => {
    const metadata = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><p>Stand: 05.03.2020 18:00 Uhr</p>', 'de'));
    expect(metadata.publishedAt).toBe('2020-03-05');
    expect(metadata.provenance.publishedAt).toBe('text-near-headline');
    const longForm = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><p>Veröffentlicht am 7. November 2021</p>', 'de'));
    expect(longForm.publishedAt).toBe('2021-11-07');
    const shortYear = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><p>28.01.22 / 0 Kommentare</p>', 'de'));
    expect(shortYear.publishedAt).toBe('2022-01-28');
    const version = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><p>Version 1.10.22.4 ist da</p>', 'de'));
    expect(version.publishedAt).toBeNull();
  });

  it('reads an English date in the page language\'s order, and never takes the day of parsing', () => {
    const us = metadataOf(page('', '<h1>Council backs budget</h1><p>Updated today. Published 03/05/2020</p>', 'en-US'));
    expect(us.publishedAt).toBe('2020-03-05');
    const gb = metadataOf(page('', '<h1>Council backs budget</h1><p>Published 03/05/2020</p>', 'en-GB'));
    expect(gb.publishedAt).toBe('2020-05-03');
    const undated = metadataOf(page('', '<h1>Council backs budget</h1><p>Updated today at 5pm</p>'));
    expect(undated.publishedAt).toBeNull();
  });

  it('reads a date printed below a long standfirst and player, up to 1,500 characters after the headline', () => {
    const standfirst = `<p>${'Les bulletins nuls racontent de drôles de choses. '.repeat(20)}</p>`;
    const metadata = metadataOf(page('', `<h1>La voix des nuls</h1>${standfirst}<p>Mise en ligne</p><p>23 mai 2019</p>`, 'fr'));
    expect(metadata.publishedAt).toBe('2019-05-23');
  });

  it('reads the date in the language of the text when the page declares none', () => {
    const german = '<p>Der Rat hat am Dienstag lange über den Haushalt, die Schulen und die Straßen der Stadt gesprochen.</p>';
    const html = `<!doctype html><html><head></head><body><h1>Rat beschließt Haushalt</h1><p>3. August 2015 · Politik</p><article>${german.repeat(4)}</article></body></html>`;
    expect(metadataOf(html).publishedAt).toBe('2015-08-03');
  });

  it('finds a declared title shown outside h1 and h2 and reads the date above it', () => {
    const metadata = metadataOf(
      page('<meta property="og:title" content="Rat beschließt Haushalt">', '<h2 class="date-header">Samstag, 5. Oktober 2013</h2><h3 class="post-title">Rat beschließt Haushalt</h3>', 'de'),
    );
    expect(metadata.publishedAt).toBe('2013-10-05');
  });

  it('takes the first <time datetime> of the page outside sidebars, comments and teasers as a last resort', () => {
    const metadata = metadataOf(
      page('', '<h1>Council backs budget</h1><aside><time datetime="2020-01-01">Older story</time></aside><ul><li><time datetime="2021-11-25 16:11">Posted</time></li></ul>'),
    );
    expect(metadata).toMatchObject({ publishedAt: '2021-11-25T16:11:00', provenance: expect.objectContaining({ publishedAt: 'page-time' }) });
  });

  it('takes the date in the URL path before visible text, and JSON-LD datePublished before both', () => {
    const fromUrl = metadataOf(page('<link rel="canonical" href="https://example.org/2019/10/21/budget/">', '<h1>Council backs budget</h1><p>1 January 2020</p>'));
    expect(fromUrl).toMatchObject({ publishedAt: '2019-10-21', provenance: expect.objectContaining({ publishedAt: 'url' }) });
    const jsonLd = '{"@type":"NewsArticle","dateModified":"2020-02-02","datePublished":"2020-01-31T23:30:00+01:00"}';
    const fromJsonLd = metadataOf(page(`<script type="application/ld+json">${jsonLd}</script>`, '<h1>Council backs budget</h1>'));
    expect(fromJsonLd.publishedAt).toBe('2020-01-31T23:30:00+01:00');
  });
});

describe('HTML publication day', () => {
  it('takes the printed day over a UTC timestamp that a time zone moves to that day', () => {
    const german = metadataOf(page('<meta property="article:published_time" content="2021-11-04T23:00Z">', '<h1>Rat beschließt Haushalt</h1><p>05.11.2021</p>', 'de'));
    expect(german).toMatchObject({ publishedAt: '2021-11-05', provenance: expect.objectContaining({ publishedAt: 'meta:article:published_time:printed-day' }) });
    const brazilian = metadataOf(page('<meta property="article:published_time" content="2022-05-04T00:44:52Z">', '<h1>Council backs budget</h1><p>03/05/2022</p>', 'pt-BR'));
    expect(brazilian.publishedAt).toBe('2022-05-03');
    // 15:00 UTC is the same day everywhere but east of UTC+9; a printed day before it is another date
    const other = metadataOf(page('<meta property="article:published_time" content="2022-05-04T15:00:00Z">', '<h1>Council backs budget</h1><p>03/05/2022</p>', 'pt-BR'));
    expect(other.publishedAt).toBe('2022-05-04T15:00:00Z');
    const withZone = metadataOf(page('<meta property="article:published_time" content="2021-11-04T23:00:00+01:00">', '<h1>Rat beschließt Haushalt</h1><p>05.11.2021</p>', 'de'));
    expect(withZone.publishedAt).toBe('2021-11-04T23:00:00+01:00');
  });

  it('prefers the printed date to a Dublin Core date, which CMSs fill with the last change, unless it is that day', () => {
    const metadata = metadataOf(page('<meta name="date" content="2020-04-29T11:52:23">', '<h1>Rat beschließt Haushalt</h1><p>Stand: 28.04.2020</p>', 'de'));
    expect(metadata).toMatchObject({ publishedAt: '2020-04-28', provenance: expect.objectContaining({ publishedAt: 'text-near-headline' }) });
    expect(metadataOf(page('<meta name="date" content="2020-04-29">', '<h1>Rat beschließt Haushalt</h1>', 'de')).publishedAt).toBe('2020-04-29');
    const sameDay = metadataOf(page('<meta name="date" content="2020-04-28T11:52:23+02:00">', '<h1>Rat beschließt Haushalt</h1><p>Stand: 28.04.2020</p>', 'de'));
    expect(sameDay).toMatchObject({ publishedAt: '2020-04-28T11:52:23+02:00', provenance: expect.objectContaining({ publishedAt: 'meta:date' }) });
  });

  it('reads the printed date in the language the text is written in when the declared one finds none', () => {
    const german = '<p>Der Rat hat am Dienstag lange über den Haushalt, die Schulen und die Straßen der Stadt gesprochen.</p>';
    const html = `<!doctype html><html lang="en"><head></head><body><h1>Rat beschließt Haushalt</h1><p>Wiesbaden, 11. November 2021</p><article>${german.repeat(4)}</article></body></html>`;
    expect(metadataOf(html).publishedAt).toBe('2021-11-11');
  });
});

describe('HTML byline', () => {
  it('names the JSON-LD people before an organisation, several as a list', () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      author: [{ '@type': 'Organization', name: 'Daily Example' }, { '@type': 'Person', name: 'Jane Doe' }, { '@type': 'Person', name: 'John Roe' }],
    });
    const metadata = metadataOf(page(`<script type="application/ld+json">${jsonLd}</script>`, '<h1>Council backs budget</h1>'));
    expect(metadata).toMatchObject({ byline: 'Jane Doe, John Roe', authors: ['Jane Doe', 'John Roe'] });
  });

  it('adds the co-authors that two other sources list beside the JSON-LD author, but not a role one source reads as a name', () => {
    const jsonLd = `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Jane Doe' } })}</script>`;
    const twoSources = metadataOf(page(`${jsonLd}<meta name="author" content="Jane Doe,John Roe">`, '<h1>Council backs budget</h1><p>By Jane Doe and John Roe</p>'));
    expect(twoSources).toMatchObject({ byline: 'Jane Doe, John Roe', authors: ['Jane Doe', 'John Roe'] });
    const oneSource = metadataOf(page(`${jsonLd}<meta name="author" content="Jane Doe, Staff Writer">`, '<h1>Council backs budget</h1>'));
    expect(oneSource.byline).toBe('Jane Doe');
  });

  it('skips a meta author that is the site, and reads the byline line under the headline in the page language', () => {
    const metadata = metadataOf(
      page(
        '<meta name="author" content="example.de"><link rel="canonical" href="https://www.example.de/a">',
        '<h1>Rat beschließt Haushalt</h1><p>Von Anna Dunst | 3. März 2021</p>',
        'de',
      ),
    );
    expect(metadata.byline).toBe('Anna Dunst');
    expect(metadata.provenance.byline).toBe('text-near-headline');
  });

  it('keeps the name only: no cue words, dates or link labels', () => {
    const metadata = metadataOf(page('', '<h1>Council backs budget</h1><div class="post-meta"><a rel="author" href="/u/1">Zeige alle Beiträge von Cem Basman</a></div>'));
    expect(metadata.byline).toBe('Cem Basman');
    const dated = metadataOf(page('<meta name="author" content="Veröffentlicht von Nicole Collignon22. Februar 2020">', ''));
    expect(dated.byline).toBe('Nicole Collignon');
    const french = metadataOf(page('<meta name="author" content="Publié par Jean Dupont">', ''));
    expect(french.byline).toBe('Jean Dupont');
    const heading = metadataOf(page('<meta name="author" content="admin">', '<h1>Council backs budget</h1><div class="author">Über den Autor</div><p>By Ann Lee</p>'));
    expect(heading.byline).toBe('Ann Lee');
    const initials = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><p class="meta">Von R. R. am 7. August 2013</p>', 'de'));
    expect(initials.byline).toBe('R. R.');
    const handleAndDate = metadataOf(page('<meta name="author" content="Bo2man am 29.12.2010">', ''));
    expect(handleAndDate.byline).toBe('Bo2man');
    const login = metadataOf(
      page('<script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"annlee"}}</script>', '<h1>Council backs budget</h1><p>By Ann Lee</p>'),
    );
    expect(login.byline).toBe('Ann Lee');
    const filed = metadataOf(page('', '<h1>Council backs budget</h1><p>Posted by Nesselsetzer under Just For Fun, Reblogged</p>'));
    expect(filed.byline).toBe('Nesselsetzer');
    const handle = metadataOf(page('<meta name="author" content="by Bo2man">', ''));
    expect(handle.byline).toBe('Bo2man');
  });

  it('reads an author class in the page\'s language, and takes no lower-case phrase for a name', () => {
    const french = metadataOf(page('', '<h1>Turpitude et architecture</h1><div class="dates">par <span class="auteurs">Didier Roy</span>, 21 juin 2018</div>', 'fr'));
    expect(french.byline).toBe('Didier Roy');
    const phrase = metadataOf(page('<meta name="author" content="deinen Hochzeitsbloggern">', '<h1>Die Hochzeitslocation</h1><p>Von Samuel Diekmann</p>', 'de'));
    expect(phrase.byline).toBe('Samuel Diekmann');
    expect(metadataOf(page('<meta name="author" content="van Gogh">', '')).byline).toBe('van Gogh');
  });

  it('reads a paragraph of the article that is a byline of its own, without the credits after the name', () => {
    const story = '<p>Der Rat hat am Dienstag lange über den Haushalt, die Schulen und die Straßen der Stadt gesprochen.</p>'.repeat(4);
    const html = (signed: string) =>
      `<!doctype html><html lang="de"><head><title>Haushalt</title></head><body><div class="nav">Start</div><article>${story}<p>${signed}</p></article></body></html>`;
    expect(metadataOf(html('Text von Christian Seiler Illustration von Markus Roost'))).toMatchObject({
      byline: 'Christian Seiler',
      provenance: expect.objectContaining({ byline: 'text-paragraph' }),
    });
    expect(metadataOf(html('Gespeichert von rasos am 24. Juli 2017 - 18:55')).byline).toBe('rasos');
    // a sentence that opens with "Von" is no byline
    expect(metadataOf(html('Von Montag an gilt in der ganzen Stadt, was der Rat am Dienstag lange beraten und dann beschlossen hat.')).byline).toBeNull();
  });

  it('reads author markup inside a page whose body or article container is named like a sidebar', () => {
    const { document } = parseHTML(
      '<html><body class="single right-sidebar"><div class="sidebar"><p><a rel="author" href="/u/2">Tom Berg</a></p></div>' +
        '<div class="one-sidebar"><h1>Council backs budget</h1><p>by <a rel="author" href="/u/1">KleineGrüneMonster</a></p></div></body></html>',
    ) as unknown as { document: Document };
    expect(authorsFromMarkup(document, document.querySelector('h1')!)?.names).toEqual(['KleineGrüneMonster']);
  });

  it('lists several authors of one byline, and keeps a two-word name with "und" whole', () => {
    const line = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><p>Von Anna Dunst und Tom Berg | 3. März 2021</p>', 'de'));
    expect(line.authors).toEqual(['Anna Dunst', 'Tom Berg']);
    const french = metadataOf(page('<meta name="author" content="Marie Curie (avec Paul Langevin et Jean Perrin)">', ''));
    expect(french.authors).toEqual(['Marie Curie', 'Paul Langevin', 'Jean Perrin']);
    const blog = metadataOf(page('<meta name="author" content="Herz und Blut">', ''));
    expect(blog.byline).toBe('Herz und Blut');
  });

  it('reads a lower-case cue that opens a block, and any name after a cue of several words', () => {
    const lower = metadataOf(page('', '<h1>Wärmepumpe im Altbau</h1><ul><li>12 Minuten</li><li> von Anna Dunst </li></ul>', 'de'));
    expect(lower.byline).toBe('Anna Dunst');
    const inSentence = metadataOf(page('', '<h1>Wärmepumpe im Altbau</h1><p>Die Wärme kommt von Anna Dunst und Tom Berg.</p>', 'de'));
    expect(inSentence.byline).toBeNull();
    const single = metadataOf(page('', '<h1>Interning small integers</h1><p><span>Posted by Konstantin</span> <span>21.10.2019</span></p>'));
    expect(single.byline).toBe('Konstantin');
  });

  it('reads a labelled byline anywhere on the page, and a name ends where its block ends', () => {
    const labelled = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><footer><p>Datum: 03.11.2021 Autor: Peter Maahn/SP-X</p></footer>', 'de'));
    expect(labelled.byline).toBe('Peter Maahn');
    const ownBlock = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><footer><b>Von:</b><br><br>Götz Warnke</footer>', 'de'));
    expect(ownBlock.byline).toBe('Götz Warnke');
    const blocks = metadataOf(page('', '<h1>Council backs budget</h1><p>By Ann Lee</p><p>Thursday Evening News</p>'));
    expect(blocks.byline).toBe('Ann Lee');
  });

  it('reads a label without colon in a block of its own only when a name alone follows it', () => {
    const heading = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><footer><h4>Autorin</h4><p><a href="/p/1">Anna Dunst</a>, </p><p>Mehr</p></footer>', 'de'));
    expect(heading.byline).toBe('Anna Dunst');
    const widget = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><footer><h4>Autor</h4><p>Der Autor dieses Blogs schreibt über Gärten.</p></footer>', 'de'));
    expect(widget.byline).toBeNull();
  });

  it('takes no address for a name, and cuts one off after the name', () => {
    const address = metadataOf(page('<meta name="author" content="tom[at]example.org">', '<h1>Council backs budget</h1><p>by <a rel="author" href="/u/1">tberg</a></p>'));
    expect(address.byline).toBe('tberg');
    const after = metadataOf(page('<meta name="author" content="Tom Berg tom@example.org">', ''));
    expect(after.byline).toBe('Tom Berg');
    const hidden = metadataOf(page('<meta name="author" content="Tom Berg - [email protected]">', ''));
    expect(hidden.byline).toBe('Tom Berg');
  });

  it('reads the author from the Twitter card label that names one, in the site\'s language', () => {
    const labelled = metadataOf(
      page('<meta name="twitter:label1" content="Lesezeit"><meta name="twitter:data1" content="4 Minuten"><meta name="twitter:label2" content="Verfasst von"><meta name="twitter:data2" content="Anna Dunst">', '', 'de'),
    );
    expect(labelled).toMatchObject({ byline: 'Anna Dunst', provenance: expect.objectContaining({ byline: 'meta:twitter:data2' }) });
    const other = metadataOf(page('<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="Four Minutes">', ''));
    expect(other.byline).toBeNull();
  });

  it('passes over author markup that names only the site for markup that names a person', () => {
    const metadata = metadataOf(
      page(
        '<meta property="og:site_name" content="Daily Example">',
        '<h1>Council backs budget</h1><div itemprop="author"><span itemprop="name">Daily Example</span></div><div class="autor">Ann Lee | two hours ago</div>',
      ),
    );
    expect(metadata.byline).toBe('Ann Lee');
  });

  it('takes the site\'s initials in capitals for the site, not a person', () => {
    const story = '<p>Der Rat hat am Dienstag lange über den Haushalt, die Schulen und die Straßen der Stadt gesprochen.</p>'.repeat(4);
    const metadata = metadataOf(
      `<!doctype html><html lang="de"><head><meta property="og:site_name" content="Kieler Abendblatt"><meta name="author" content="KA"></head>` +
        `<body><h1>Rat beschließt Haushalt</h1><article>${story}<p>Von Anna Dunst</p></article></body></html>`,
    );
    expect(metadata.byline).toBe('Anna Dunst');
  });

  it('keeps the name of a byline that gives the author\'s job after it', () => {
    expect(metadataOf(page('<meta name="author" content="Anna Dunst, Projektleiterin der Stiftung">', '', 'de')).byline).toBe('Anna Dunst');
    expect(metadataOf(page('<meta name="author" content="Tom Berg, Senior Correspondent">', '')).byline).toBe('Tom Berg');
    expect(metadataOf(page('<meta name="author" content="Tom Berg, Ann Lee">', '')).authors).toEqual(['Tom Berg', 'Ann Lee']);
     // a job is a whole word or a compound with a stem of its own: a surname that is or ends like one names a co-author
    expect(metadataOf(page('<meta name="author" content="Anna Dunst und Tom Leiter">', '', 'de')).authors).toEqual(['Anna Dunst', 'Tom Leiter']);
    expect(metadataOf(page('<meta name="author" content="Anna Dunst, Tom Schleiter">', '', 'de')).authors).toEqual(['Anna Dunst', 'Tom Schleiter']);
    expect(metadataOf(page('<meta name="author" content="Anna Dunst, Stellvertretender Leiter">', '', 'de')).authors).toEqual(['Anna Dunst']);
  });

  it('reads the name a block of its own follows a Blogger cue with', () => {
    const metadata = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><div class="post-author">Eingestellt von\n<span>Kieselstein</span></div>', 'de'));
    expect(metadata.byline).toBe('Kieselstein');
  });

  it('reads the name an article is signed with in bold or italics in one of its last paragraphs', () => {
    const story = '<p>Der Rat hat am Dienstag lange über den Haushalt, die Schulen und die Straßen der Stadt gesprochen.</p>'.repeat(4);
    const html = (end: string) => `<!doctype html><html lang="de"><head><title>Haushalt</title></head><body><article>${story}${end}</article></body></html>`;
    expect(metadataOf(html('<p><b><i>Anna Dunst</i></b></p><p>Mehr zum Thema lesen Sie morgen in der gedruckten Ausgabe.</p>'))).toMatchObject({
      byline: 'Anna Dunst',
      provenance: expect.objectContaining({ byline: 'text-signature' }),
    });
    // a closing sentence in bold, or a name in plain type, signs nothing
    expect(metadataOf(html('<p><strong>Der Rat tagt wieder im Mai.</strong></p>')).byline).toBeNull();
    expect(metadataOf(html('<p>Anna Dunst</p>')).byline).toBeNull();
  });

  it('reads the name beside the date on the dateline under the headline, but not a place before a comma or a dash', () => {
    const dashed = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><div>Essay</div><div>03.03.2021 - Anna Dunst</div>', 'de'));
    expect(dashed).toMatchObject({ byline: 'Anna Dunst', provenance: expect.objectContaining({ byline: 'text-dateline' }) });
    const slashed = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><div>Tom Berg / 03.03.2021 / 06:15</div>', 'de'));
    expect(slashed.byline).toBe('Tom Berg');
    const place = metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><div>Bad Homburg, 03.03.2021</div>', 'de'));
    expect(place.byline).toBeNull();
     // nor a place before a dash
    expect(metadataOf(page('', '<h1>Rat beschließt Haushalt</h1><div>Bad Homburg - 25.10.2022</div>', 'de')).byline).toBeNull();
    expect(nameOnDateline('Bad Homburg - 25.10.2022 - Anna Dunst')).toBe('Anna Dunst');
  });

  it('reads any author class last, where it holds a full name and nothing more', () => {
    const bem = metadataOf(
      page('<meta property="og:site_name" content="Daily Example"><meta name="author" content="Daily Example">', '<h1>Council backs budget</h1><a class="header__author-link" href="/p/1">Ann Lee</a>'),
    );
    expect(bem).toMatchObject({ byline: 'Ann Lee', provenance: expect.objectContaining({ byline: 'markup:[class*="author"]' }) });
    const { document } = parseHTML(
      '<html><body><h1>Council backs budget</h1><div><div class="author-tools">Share</div></div><p><span class="c-author">Ann Lee</span></p></body></html>',
    ) as unknown as { document: Document };
    expect(authorsFromMarkup(document, document.querySelector('h1')!)?.names).toEqual(['Ann Lee']);
     // a box around the name is no byline: its text is far longer than a name
    const bio = 'Ann Lee | ' + 'She has covered the city council, its budget and its schools for the paper since the last election. '.repeat(3);
    const box = parseHTML(`<html><body><h1>Council backs budget</h1><div class="c-author-box">${bio}</div></body></html>`) as unknown as { document: Document };
    expect(authorsFromMarkup(box.document, box.document.querySelector('h1')!)).toBeNull();
  });
});
