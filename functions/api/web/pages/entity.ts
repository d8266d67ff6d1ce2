import type { EntityArticle, EntityRecord, Page, StatementRecord } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, entityHref, entityStatementsHref, linkedArticleTitle, withCursor } from '../links.ts';
import { meta, pager, plural, statementItem, time } from './parts.ts';

const saidList = (statements: StatementRecord[]) => html`<ol class="items">${statements.map((statement) => statementItem(statement))}</ol>`;

/**
 * `said`: the first page of what was said about the entity (statements whose words name it), shown on the
 * entity's first page only, with a link on to the rest; null on later pages of its articles.
 */
export function entityPage(entity: EntityRecord, articles: Page<EntityArticle>, onFirstPage: boolean, said: Page<StatementRecord> | null = null): SafeHtml {
  const next = articles.nextCursor ? withCursor(entityHref(entity.id), {}, articles.nextCursor) : null;
  const items = articles.items.map(
    (article) => html`<li><a href="${articleHref(article.articleId)}">${linkedArticleTitle(article.title, article.lead)}</a>
${meta(time(article.publishedAt), plural(article.count, 'mention'))}</li>`,
  );
  const more = said?.nextCursor ? withCursor(entityStatementsHref(entity.id), {}, said.nextCursor) : null;
  return page(
    { title: entity.name },
    html`<h1>${entity.name}</h1>
<dl class="facts">
<dt>Type</dt><dd>${entity.type}</dd>
${entity.aliases.length ? html`<dt>Also named</dt><dd>${entity.aliases.join(', ')}</dd>` : null}
<dt>Mentioned</dt><dd>${plural(entity.mentionCount, 'time')} in ${plural(entity.articleCount, 'article')}</dd>
</dl>
${said
  ? html`<section aria-labelledby="said"><h2 id="said">What was said about it, newest first</h2>
${said.items.length ? saidList(said.items) : html`<p>No statement on record names it.</p>`}
${more ? html`<p class="meta"><a href="${more}">More statements about ${entity.name}</a></p>` : null}
</section>`
  : null}
<section aria-labelledby="articles"><h2 id="articles">Articles, newest first</h2>
${items.length ? html`<ul class="items">${items}</ul>` : html`<p>No articles mention it now.</p>`}
${pager('Article pages', entityHref(entity.id), next, onFirstPage)}
</section>`,
  );
}

/** Everything said about the entity, paged (the entity page shows the first few). */
export function entityStatementsPage(entity: EntityRecord, said: Page<StatementRecord>, onFirstPage: boolean): SafeHtml {
  const here = entityStatementsHref(entity.id);
  const next = said.nextCursor ? withCursor(here, {}, said.nextCursor) : null;
  return page(
    { title: `What was said about ${entity.name}` },
    html`<h1>What was said about <a href="${entityHref(entity.id)}">${entity.name}</a></h1>
<section aria-labelledby="said"><h2 id="said">Statements naming it, newest first</h2>
${said.items.length ? saidList(said.items) : html`<p>No statement on record names it.</p>`}
${pager('Statement pages', here, next, onFirstPage)}
</section>`,
  );
}
