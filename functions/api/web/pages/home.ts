import type { ArticleRecord, Page } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, articleTitle, homeHref } from '../links.ts';
import { meta, pager, plural, time } from './parts.ts';

export function homePage(articles: Page<ArticleRecord>, onFirstPage: boolean): SafeHtml {
  const items = articles.items.map(
    (article) => html`<li>
<h2><a href="${articleHref(article.id)}">${articleTitle(article)}</a></h2>
${meta(time(article.metadata.publishedAt), article.metadata.siteName, plural(article.statementCount, 'statement'))}
</li>`,
  );
  return page(
    { title: 'Newest articles', section: 'home' },
    html`<h1>Newest articles</h1>
${items.length ? html`<ul class="items">${items}</ul>` : html`<p>No articles yet. Upload one to the bucket and it appears here.</p>`}
${pager('Article pages', homeHref(), articles.nextCursor ? homeHref(articles.nextCursor) : null, onFirstPage)}`,
  );
}
