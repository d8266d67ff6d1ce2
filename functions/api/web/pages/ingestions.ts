import type { IngestionRecord, Page } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { articleHref, ingestionsHref, withCursor } from '../links.ts';
import { pager, time } from './parts.ts';

function outcome(record: IngestionRecord): SafeHtml | null {
  if (record.status === 'rejected' && record.reason) return html`${record.reason.message} <span class="meta">(${record.reason.code})</span>`;
  if (record.status === 'accepted') {
    const several = record.articleIds.length > 1;
    return html`${record.articleIds.map((id, index) => html`${index ? ', ' : ''}<a href="${articleHref(id)}">${several ? `Article ${index + 1}` : 'View article'}</a>`)}`;
  }
  return null;
}

export function ingestionsPage(ingestions: Page<IngestionRecord>, onFirstPage: boolean): SafeHtml {
  const next = ingestions.nextCursor ? withCursor(ingestionsHref, {}, ingestions.nextCursor) : null;
  const rows = ingestions.items.map(
    (record) => html`<tr>
<td>${record.key}</td>
<td class="status-${record.status}">${record.status}</td>
<td>${outcome(record)}</td>
<td>${time(record.updatedAt)}</td>
</tr>`,
  );
  return page(
    { title: 'Ingestions', section: 'ingestions' },
    html`<h1>Recent uploads</h1>
${rows.length
  ? html`<table>
<caption class="visually-hidden">Uploaded objects, most recent first</caption>
<thead><tr><th scope="col">Object key</th><th scope="col">Status</th><th scope="col">Result or reason</th><th scope="col">Updated</th></tr></thead>
<tbody>${rows}</tbody>
</table>`
  : html`<p>Nothing has been uploaded yet.</p>`}
${pager('Ingestion pages', ingestionsHref, next, onFirstPage)}`,
  );
}
