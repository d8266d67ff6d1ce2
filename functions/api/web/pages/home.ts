import type { ArticleRecord, Busiest, Page } from '../../../../shared/store/port.ts';
import { rankedBars } from '../charts.ts';
import { displayDate } from '../dates.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, articleTitle, entityHref, homeHref, speakerHref, undatedHref } from '../links.ts';
import { meta, pager, plural, time } from './parts.ts';

/*
 * The home page lists articles by publication date, newest first, and says so. An article without a
 * publication date is filed in the store at its upload time, so in one list every fresh upload of an
 * undated archive would sit above yesterday's news, dated as if published today. A reader of a news list
 * expects the order of publication: the dated articles are the list, and the undated ones get a section of
 * their own below it, newest upload first, labelled with the upload time (with a page of their own to read on).
 */

/** How many undated articles the home page shows under the dated ones; the rest are a link away. */
export const UNDATED_ON_HOME = 5;

/*
 * Above the list, the busiest speakers and entities of the last BUSY_DAYS days of publication dates: the
 * days ending with the newest article's publication day, not today. An archive is often of older news
 * (a month without uploads, a historical collection), and a window ending today would then be empty;
 * ending with the newest article it always shows the archive's latest month. A publication date in the
 * future (a typo in a source) does not drag the window along: it ends today at the latest.
 */
export const BUSY_DAYS = 30;
export const BUSY_SHOWN = 10;

/** The UTC day of a stored ISO date or date-time (as the store files articles by day), or null. */
function utcDay(iso: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/** The last day of the busiest window: the newest publication day, but never after today. Null without a date. */
export function busyWindowEnd(newestPublishedAt: string | null | undefined, now: Date): string | null {
  const newest = newestPublishedAt ? utcDay(newestPublishedAt) : null;
  if (newest === null) return null;
  const today = now.toISOString().slice(0, 10);
  return newest < today ? newest : today;
}

/** Who was quoted most and what was mentioned most, as two ranked bar lists under one heading. */
export function busiestSection(busiest: Busiest): SafeHtml {
  const span = `${displayDate(busiest.from)} to ${displayDate(busiest.to)}`;
  return html`<section class="busiest" aria-labelledby="busiest">
<h2 id="busiest">Busiest in the last ${BUSY_DAYS} days</h2>
<p class="meta">Statements and mentions in the articles published from <time datetime="${busiest.from}">${displayDate(busiest.from)}</time> to <time datetime="${busiest.to}">${displayDate(busiest.to)}</time>, the newest publication date here.</p>
${rankedBars(
  busiest.speakers.map(({ record, count }) => ({ label: record.name, href: speakerHref(record.id), count })),
  { title: 'Quoted most', noun: 'statement', id: 'busiest-speakers', empty: `No statements in articles published ${span}.` },
)}
${rankedBars(
  busiest.entities.map(({ record, count }) => ({ label: record.name, href: entityHref(record.id), count })),
  { title: 'Mentioned most', noun: 'mention', id: 'busiest-entities', empty: `No people, organisations or places mentioned in articles published ${span}.` },
)}
</section>`;
}

function item(article: ArticleRecord, heading: 'h2' | 'h3'): SafeHtml {
  const link = html`<a href="${articleHref(article.id)}">${articleTitle(article)}</a>`;
  const when = article.metadata.publishedAt ? time(article.metadata.publishedAt) : html`uploaded ${time(article.ingestedAt)}`;
  return html`<li>
${heading === 'h2' ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`}
${meta(when, article.metadata.siteName, plural(article.statementCount, 'statement'))}
</li>`;
}

const list = (articles: ArticleRecord[], heading: 'h2' | 'h3') => html`<ul class="items">${articles.map((article) => item(article, heading))}</ul>`;

function emptyMessage(onFirstPage: boolean, undatedShown: boolean): string {
  if (!onFirstPage) return 'No more articles.';
  return undatedShown ? 'No article has a publication date yet.' : 'No articles yet. Upload one to the bucket and it appears here.';
}

/**
 * `undated` is the first few undated articles, shown under the dated ones on the first page only (else
 * null); `busiest` heads the first page when there is a dated article.
 */
export function homePage(dated: Page<ArticleRecord>, undated: Page<ArticleRecord> | null, onFirstPage: boolean, busiest: Busiest | null = null): SafeHtml {
  const undatedSection =
    undated && undated.items.length > 0
      ? html`<section aria-labelledby="undated"><h2 id="undated">Without a publication date</h2>
<p class="meta">Newest upload first: the source gave no date of publication.</p>
${list(undated.items, 'h3')}
${undated.nextCursor ? html`<p><a href="${undatedHref()}">All articles without a publication date</a></p>` : null}</section>`
      : null;
  return page(
    { title: 'Newest articles', section: 'home' },
    html`<h1>Newest articles</h1>
<p class="meta">By publication date, newest first.${undatedSection ? ' Articles without one are listed apart, below.' : ''}</p>
${busiest ? busiestSection(busiest) : null}
${dated.items.length ? list(dated.items, 'h2') : html`<p>${emptyMessage(onFirstPage, undatedSection !== null)}</p>`}
${pager('Article pages', homeHref(), dated.nextCursor ? homeHref(dated.nextCursor) : null, onFirstPage)}
${undatedSection}`,
  );
}

/** Every article without a publication date, newest upload first. */
export function undatedPage(undated: Page<ArticleRecord>, onFirstPage: boolean): SafeHtml {
  return page(
    { title: 'Articles without a publication date' },
    html`<h1>Articles without a publication date</h1>
<p class="meta">Newest upload first: the source gave no date of publication. <a href="${homeHref()}">Dated articles</a> are listed by publication date.</p>
${undated.items.length ? list(undated.items, 'h2') : html`<p>${onFirstPage ? 'Every article has a publication date.' : 'No more articles.'}</p>`}
${pager('Article pages', undatedHref(), undated.nextCursor ? undatedHref(undated.nextCursor) : null, onFirstPage)}`,
  );
}
