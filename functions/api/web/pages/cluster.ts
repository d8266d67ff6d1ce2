import type { EchoRelation } from '../../../../shared/model/records.ts';
import type { ClusterOrder, ClusterPage, StatementRecord } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, clusterHref, linkedArticleTitle, speakerHref, withCursor } from '../links.ts';
import { pager, statementItem, time } from './parts.ts';

/** How a member's words relate to the cluster's reference (the first of them stored), as a reader says it. */
export const RELATION_LABEL: Record<EchoRelation, string> = {
  reference: 'the words first stored',
  copy: 'the same words',
  'near-copy': 'nearly the same words',
  paraphrase: 'reported in other words',
};

const relationOf = (statement: StatementRecord) => (statement.cluster ? RELATION_LABEL[statement.cluster.relation] : undefined);

/** Who carried the words first: the first appearance, in a sentence. */
export function firstCarried(first: StatementRecord): SafeHtml {
  return html`First carried by <a href="${articleHref(first.articleId)}">${linkedArticleTitle(first.articleTitle, first.articleLead)}</a>${
    first.publishedAt ? html`, ${time(first.publishedAt)}` : null
  }.`;
}

/** Every statement of an echo cluster, paged, oldest (from the first appearance) or newest first. */
export function clusterPage(cluster: ClusterPage, order: ClusterOrder, onFirstPage: boolean): SafeHtml {
  const { first, members } = cluster;
  const here = clusterHref(cluster.id, order);
  const next = members.nextCursor ? withCursor(clusterHref(cluster.id), order === 'newest' ? { order } : {}, members.nextCursor) : null;
  const other: ClusterOrder = order === 'oldest' ? 'newest' : 'oldest';
  return page(
    { title: `Where ${first.speaker.name}'s words appeared` },
    html`<h1>Where <a href="${speakerHref(first.speaker.id)}">${first.speaker.name}</a>'s words appeared</h1>
<p>${firstCarried(first)}</p>
<section aria-labelledby="members"><h2 id="members">Every article that carried them, ${order} first</h2>
<p class="meta"><a href="${clusterHref(cluster.id, other)}">${other} first</a></p>
${members.items.length ? html`<ol class="items">${members.items.map((statement) => statementItem(statement, relationOf(statement)))}</ol>` : html`<p>No more statements.</p>`}
${pager('Cluster pages', here, next, onFirstPage)}
</section>`,
  );
}

/**
 * On a statement's own page: who carried its words first and where else they appeared (the first few, oldest
 * first, without the statement itself), with a link to the whole cluster. Null when it appeared nowhere else.
 */
export function alsoAppeared(statement: StatementRecord, cluster: ClusterPage | null): SafeHtml | null {
  const others = cluster?.members.items.filter((member) => member.id !== statement.id) ?? [];
  if (!cluster || others.length === 0) return null;
  return html`<section aria-labelledby="echoes"><h2 id="echoes">Where else it appeared</h2>
<p>${cluster.first.id === statement.id ? 'This article carried the words first.' : firstCarried(cluster.first)}</p>
<ol class="items">${others.map((member) => statementItem(member, relationOf(member)))}</ol>
<p class="meta"><a href="${clusterHref(cluster.id)}">Every article that carried these words</a></p>
</section>`;
}
