import type { EntityArticle, EntityRecord, Page } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, entityHref, linkedArticleTitle, withCursor } from '../links.ts';
import { meta, pager, plural, time } from './parts.ts';

export function entityPage(entity: EntityRecord, articles: Page<EntityArticle>, onFirstPage: boolean): SafeHtml {
  const next = articles.nextCursor ? withCursor(entityHref(entity.id), {}, articles.nextCursor) : null;
  const items = articles.items.map(
    (article) => html`<li><a href="${articleHref(article.articleId)}">${linkedArticleTitle(article.title, article.lead)}</a>
${meta(time(article.publishedAt), plural(article.count, 'mention'))}</li>`,
  );
  return page(
    { title: entity.name },
    html`<h1>${entity.name}</h1>
<dl class="facts">
<dt>Type</dt><dd>${entity.type}</dd>
${entity.aliases.length ? html`<dt>Also named</dt><dd>${entity.aliases.join(', ')}</dd>` : null}
<dt>Mentioned</dt><dd>${plural(entity.mentionCount, 'time')} in ${plural(entity.articleCount, 'article')}</dd>
</dl>
<section aria-labelledby="articles"><h2 id="articles">Articles, newest first</h2>
${items.length ? html`<ul class="items">${items}</ul>` : html`<p>No articles mention it now.</p>`}
${pager('Article pages', entityHref(entity.id), next, onFirstPage)}
</section>`,
  );
}
