import type { ClusterPage, StatementWithArticle } from '../../../../shared/store/port.ts';
import { statementDetail } from '../../statement-detail.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { KIND_LABEL, articleHref, entityHref, externalHref, linkedArticleTitle, speakerHref, statementAnchor } from '../links.ts';
import { alsoAppeared } from './cluster.ts';
import { statementWords, time } from './parts.ts';
import { firstWords } from '../../../../shared/model/first-words.ts';

/**
 * One statement on its own page: what was said, by whom, where, what it names, and (`cluster`: the first
 * members of its echo cluster) who carried the words first and where else they appeared.
 */
export function statementPage(read: StatementWithArticle, cluster: ClusterPage | null = null): SafeHtml {
  const detail = statementDetail(read);
  const { speaker, article } = detail;
  const row = (label: string, value: SafeHtml | string | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : null);
  const original = externalHref(article.canonicalUrl);
  const about = detail.about.map(
    (entity, index) => html`${index ? ', ' : ''}<a href="${entityHref(entity.id)}">${entity.name}</a> (<a href="${speakerHref(speaker.id, entity.id)}">what ${speaker.name} said about it</a>)`,
  );
  return page(
    { title: `${speaker.name}: ${firstWords(detail.text) ?? KIND_LABEL[detail.kind]}` },
    html`<article>
<h1><a href="${speakerHref(speaker.id)}">${speaker.name}</a>, ${KIND_LABEL[detail.kind]}</h1>
<blockquote class="${detail.kind}">${statementWords(detail)}</blockquote>
<p class="meta"><a href="${articleHref(article.id, statementAnchor(detail))}">In context in the article</a></p>
<dl class="facts">
${row('Speaker', html`<a href="${speakerHref(speaker.id)}">${speaker.name}</a>${speaker.title ? html`, ${speaker.title}` : null}`)}
${row('Kind', detail.kind === 'direct' ? 'quoted (direct speech)' : 'reported (indirect speech)')}
${row('Cue', detail.cue)}
${row('Article', html`<a href="${articleHref(article.id)}">${linkedArticleTitle(article.title, article.lead)}</a>`)}
${row('Published', article.publishedAt ? time(article.publishedAt) : 'no date given')}
${row('Site', article.siteName)}
${row('Original', original ? html`<a href="${original}" rel="noopener noreferrer nofollow">${article.canonicalUrl}</a>` : article.canonicalUrl)}
${row('About', about.length ? html`${about}` : null)}
</dl>
${alsoAppeared(detail, cluster)}
</article>`,
  );
}
