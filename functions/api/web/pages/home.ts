import type { ArticleRecord, Page } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, articleTitle, homeHref, undatedHref } from '../links.ts';
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

/** `undated` is the first few undated articles, shown under the dated ones on the first page only (else null). */
export function homePage(dated: Page<ArticleRecord>, undated: Page<ArticleRecord> | null, onFirstPage: boolean): SafeHtml {
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
