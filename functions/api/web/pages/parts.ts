import type { StatementKind } from '../../../../shared/model/statement.ts';
import type { StatementRecord } from '../../../../shared/store/port.ts';
import { displayDate } from '../dates.ts';
import { html, type SafeHtml } from '../html.ts';
import { articleHref, KIND_LABEL, linkedArticleTitle, speakerHref, statementAnchor, statementHref } from '../links.ts';

/** Pieces several pages share. */

export function time(iso: string | null): SafeHtml | null {
  return iso ? html`<time datetime="${iso}">${displayDate(iso)}</time>` : null;
}

/** Cursors only go forward, so a pager offers the next page and a way back to the first. */
export function pager(label: string, firstHref: string, nextHref: string | null, onFirstPage: boolean): SafeHtml | null {
  if (!nextHref && onFirstPage) return null;
  return html`<nav class="pager" aria-label="${label}">
${onFirstPage ? null : html`<a href="${firstHref}">First page</a>`}
${nextHref ? html`<a href="${nextHref}" rel="next">Next page</a>` : null}
</nav>`;
}

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A line of small facts separated by real text (not CSS), so screen readers and text browsers keep the breaks. */
export function meta(...parts: (SafeHtml | string | null | undefined | false)[]): SafeHtml {
  const shown = parts.filter((part): part is SafeHtml | string => Boolean(part));
  return html`<p class="meta">${shown.map((part, index) => html`${index ? ' · ' : ''}${part}`)}</p>`;
}

/**
 * A statement shown on its own: the quoted words in quotation marks; for reported speech the sentence it
 * comes from, since the reported words alone ("Armenia of violating the cease-fire") lose their verb.
 */
export function statementWords(statement: { kind: 'direct' | 'indirect'; text: string; sentence: string }): string {
  return statement.kind === 'direct' ? `“${statement.text}”` : statement.sentence || statement.text;
}

/** A statement's kind ("quoted", "reported"), as the link to the statement's own page. */
export function statementLink(statement: { id: string; kind: StatementKind }): SafeHtml {
  return html`<a class="kind" href="${statementHref(statement.id)}" title="This statement on its own page">${KIND_LABEL[statement.kind]}</a>`;
}

/** One statement in a list across articles: when and where, the words, who said them, and `note` (how it relates). */
export function statementItem(statement: StatementRecord, note?: string): SafeHtml {
  return html`<li>
${meta(
  time(statement.publishedAt),
  html`<a href="${articleHref(statement.articleId)}">${linkedArticleTitle(statement.articleTitle, statement.articleLead)}</a>`,
  statement.articleSite,
  note,
)}
<blockquote class="${statement.kind}">${statementWords(statement)}</blockquote>
${meta(
  html`<a class="speaker" href="${speakerHref(statement.speaker.id)}">${statement.speaker.name}</a>`,
  statementLink(statement),
  statement.cue,
  html`<a href="${articleHref(statement.articleId, statementAnchor(statement))}">In context</a>`,
)}
</li>`;
}
