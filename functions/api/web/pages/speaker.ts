import type { Page, SpeakerRecord, StatementRecord } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { KIND_LABEL, articleHref, linkedArticleTitle, speakerHref, statementAnchor, withCursor } from '../links.ts';
import { meta, pager, plural, statementWords, time } from './parts.ts';

function timelineItem(statement: StatementRecord): SafeHtml {
  return html`<li>
${meta(time(statement.publishedAt), html`<a href="${articleHref(statement.articleId)}">${linkedArticleTitle(statement.articleTitle, statement.articleLead)}</a>`)}
<blockquote class="${statement.kind}">${statementWords(statement)}</blockquote>
${meta(html`<span class="kind">${KIND_LABEL[statement.kind]}</span>`, statement.cue, html`<a href="${articleHref(statement.articleId, statementAnchor(statement))}">In context</a>`)}
</li>`;
}

export function speakerPage(speaker: SpeakerRecord, statements: Page<StatementRecord>, onFirstPage: boolean): SafeHtml {
  const row = (label: string, value: string | SafeHtml | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : null);
  const next = statements.nextCursor ? withCursor(speakerHref(speaker.id), {}, statements.nextCursor) : null;
  return page(
    { title: speaker.name },
    html`<h1>${speaker.name}</h1>
<dl class="facts">
${row('Type', speaker.type)}
${row('Role', speaker.titles.join('; '))}
${row('Also named', speaker.aliases.join(', '))}
${row('On record', `${plural(speaker.statementCount, 'statement')} in ${plural(speaker.articleCount, 'article')}`)}
${row('First seen', time(speaker.firstSeen))}
${row('Last seen', time(speaker.lastSeen))}
</dl>
<section aria-labelledby="timeline"><h2 id="timeline">Statements, newest first</h2>
${statements.items.length ? html`<ol class="items">${statements.items.map(timelineItem)}</ol>` : html`<p>No statements on record.</p>`}
${pager('Statement pages', speakerHref(speaker.id), next, onFirstPage)}
</section>`,
  );
}
