import type { ArticleRecord, StatementRecord } from '../../../../shared/store/port.ts';
import { highlightBody, type Piece } from '../highlight.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleTitle, entityHref, externalHref, speakerHref, statementAnchor } from '../links.ts';
import { plural, statementLink, statementWords, time } from './parts.ts';

/** Articles stored before bodies were (parser version 8 or older) have none until they are parsed again. */
const NO_BODY_NOTICE =
  'The text of this article is not on record (articles ingested before onrecord kept their text have none until they are parsed again), so only the statements are shown.';

/** The speaker, and the statement's kind as the link to the statement's own page. */
function speakerLabel(statement: StatementRecord): SafeHtml {
  return html`<span class="who">— <a href="${speakerHref(statement.speaker.id)}">${statement.speaker.name}</a> ${statementLink(statement)}</span>`;
}

function piece(part: Piece<StatementRecord>): SafeHtml | string {
  if (!part.statement) return part.text;
  const { statement } = part;
  const anchor = part.first ? html` id="${statementAnchor(statement)}"` : null;
  return html`<mark class="${statement.kind}"${anchor}>${part.text}</mark>${part.last ? html` ${speakerLabel(statement)}` : null}`;
}

function statementList(statements: StatementRecord[], withAnchors: boolean): SafeHtml {
  const items = statements.map(
    (statement) => html`<li${withAnchors ? html` id="${statementAnchor(statement)}"` : null}>
<blockquote class="${statement.kind}">${statementWords(statement)}</blockquote>
${speakerLabel(statement)}</li>`,
  );
  return html`<ul class="items">${items}</ul>`;
}

function textSection(body: string | null, statements: StatementRecord[], language: string | null): SafeHtml {
  if (body === null) {
    return html`<section aria-labelledby="statements"><h2 id="statements">Statements</h2>
<p class="notice" role="note">${NO_BODY_NOTICE}</p>
${statements.length ? statementList(statements, true) : html`<p>No statements were found in this article.</p>`}</section>`;
  }
  const { paragraphs, unplaced } = highlightBody(body, statements);
  // Only a well-formed language tag is used; the text is in the article's language, the page in English.
  const lang = language && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language) ? html` lang="${language}"` : null;
  return html`<section aria-labelledby="text"><h2 id="text">Text</h2>
<p class="legend">Statements are highlighted: <mark class="direct">quoted</mark> for direct speech, <mark class="indirect">reported</mark> for indirect speech, each followed by its speaker.</p>
<div class="text"${lang}>${paragraphs.map((parts) => html`<p>${parts.map(piece)}</p>`)}</div>
${unplaced.length ? html`<h3>Statements not placed in the text</h3>${statementList(unplaced, false)}` : null}</section>`;
}

function facts(article: ArticleRecord): SafeHtml {
  const { metadata } = article;
  const source = externalHref(metadata.canonicalUrl);
  const authors = metadata.authors.length ? metadata.authors.join(', ') : metadata.byline;
  const row = (label: string, value: SafeHtml | string | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : null);
  return html`<dl class="facts">
${row('Published', time(metadata.publishedAt))}
${row('Site', metadata.siteName)}
${row('By', authors)}
${row('Original', source ? html`<a href="${source}" rel="noopener noreferrer nofollow">${metadata.canonicalUrl}</a>` : metadata.canonicalUrl)}
${row('Language', metadata.language)}
${row('Length', plural(metadata.wordCount, 'word'))}
${row('Statements', String(article.statementCount))}
${row('Tags', metadata.tags.join(', '))}
${row('Uploaded as', article.source.key)}
</dl>`;
}

function entitiesSection(article: ArticleRecord): SafeHtml | null {
  const entities = [...article.metadata.entities].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  if (!entities.length) return null;
  return html`<section aria-labelledby="entities"><h2 id="entities">People, organisations and places</h2>
<ul>${entities.map((entity) => html`<li><a href="${entityHref(entity.id)}">${entity.name}</a> <span class="meta">(${entity.type}, ${plural(entity.count, 'mention')})</span></li>`)}</ul></section>`;
}

function datesSection(article: ArticleRecord): SafeHtml | null {
  const dates = article.metadata.mentionedDates;
  if (!dates.length) return null;
  return html`<section aria-labelledby="dates"><h2 id="dates">Dates mentioned</h2>
<ul>${dates.map((date) => html`<li>“${date.text}”: ${time(date.date)}</li>`)}</ul></section>`;
}

/** The article with its statements marked in its body text; without the text (null), its summary and a notice why. */
export function articlePage(article: ArticleRecord, statements: StatementRecord[], body: string | null): SafeHtml {
  const title = articleTitle(article);
  return page(
    { title },
    html`<article>
<h1>${title}</h1>
${body === null && article.metadata.summary && html`<p>${article.metadata.summary}</p>`}
${facts(article)}
${textSection(body, statements, article.metadata.language)}
${entitiesSection(article)}
${datesSection(article)}
</article>`,
  );
}
