import type { EntityRecord, Page, SpeakerRecord, StatementRecord } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, entityHref, linkedArticleTitle, speakerHref, statementAnchor, withCursor } from '../links.ts';
import { meta, pager, plural, statementLink, statementWords, time } from './parts.ts';

/** The entities a statement's words name, each once, by the first mention as written ("Erdogan" for Erdoğan). */
export function namedEntities(statement: Pick<StatementRecord, 'text' | 'entities'>): { id: string; label: string }[] {
  const named = new Map<string, string>();
  for (const { id, start, end } of statement.entities) {
    const label = statement.text.slice(start, end).trim();
    if (!named.has(id)) named.set(id, label || id);
  }
  return [...named].map(([id, label]) => ({ id, label }));
}

/** Each entity the statement names, as a link to this speaker's statements that name it too. */
function aboutLinks(statement: StatementRecord, about: string | undefined): SafeHtml | null {
  const named = namedEntities(statement);
  if (named.length === 0) return null;
  const links = named.map(({ id, label }, index) => {
    const separator = index ? ', ' : '';
    return id === about ? html`${separator}<strong>${label}</strong>` : html`${separator}<a href="${speakerHref(statement.speaker.id, id)}">${label}</a>`;
  });
  return html`<span class="names">About: ${links}</span>`;
}

function timelineItem(statement: StatementRecord, about: string | undefined): SafeHtml {
  return html`<li>
${meta(time(statement.publishedAt), html`<a href="${articleHref(statement.articleId)}">${linkedArticleTitle(statement.articleTitle, statement.articleLead)}</a>`)}
<blockquote class="${statement.kind}">${statementWords(statement)}</blockquote>
${meta(statementLink(statement), statement.cue, html`<a href="${articleHref(statement.articleId, statementAnchor(statement))}">In context</a>`, aboutLinks(statement, about))}
</li>`;
}

/** `about`: the entity the timeline is narrowed to (`?about=`), else null. */
export function speakerPage(speaker: SpeakerRecord, statements: Page<StatementRecord>, onFirstPage: boolean, about: EntityRecord | null = null): SafeHtml {
  const row = (label: string, value: string | SafeHtml | null) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : null);
  const here = speakerHref(speaker.id, about?.id);
  const next = statements.nextCursor ? withCursor(speakerHref(speaker.id), about ? { about: about.id } : {}, statements.nextCursor) : null;
  const heading = about ? html`Statements naming <a href="${entityHref(about.id)}">${about.name}</a>, newest first` : 'Statements, newest first';
  const empty = about ? html`<p>No statement of ${speaker.name} on record names ${about.name}.</p>` : html`<p>No statements on record.</p>`;
  return page(
    { title: about ? `${speaker.name} on ${about.name}` : speaker.name },
    html`<h1>${speaker.name}</h1>
<dl class="facts">
${row('Type', speaker.type)}
${row('Role', speaker.titles.join('; '))}
${row('Also named', speaker.aliases.join(', '))}
${row('On record', `${plural(speaker.statementCount, 'statement')} in ${plural(speaker.articleCount, 'article')}`)}
${row('First seen', time(speaker.firstSeen))}
${row('Last seen', time(speaker.lastSeen))}
</dl>
<section aria-labelledby="timeline"><h2 id="timeline">${heading}</h2>
${about ? html`<p class="meta"><a href="${speakerHref(speaker.id)}">All statements of ${speaker.name}</a></p>` : null}
${statements.items.length ? html`<ol class="items">${statements.items.map((statement) => timelineItem(statement, about?.id))}</ol>` : empty}
${pager('Statement pages', here, next, onFirstPage)}
</section>`,
  );
}
