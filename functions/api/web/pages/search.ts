import type { EntityRecord, Page, SpeakerRecord } from '../../../../shared/store/port.ts';
import { html, type SafeHtml } from '../html.ts';
import { page } from '../layout.ts';
import { entityHref, speakerHref, withCursor } from '../links.ts';
import { meta, plural } from './parts.ts';

export type SearchKind = 'speakers' | 'entities';

export interface SearchResults {
  query: string;
  /** Null when this kind was not searched (the reader is paging through the other one). */
  speakers: Page<SpeakerRecord> | null;
  entities: Page<EntityRecord> | null;
}

function more(query: string, kind: SearchKind, cursor: string | null): SafeHtml | null {
  return cursor ? html`<p><a href="${withCursor('/search', { q: query, in: kind }, cursor)}" rel="next">More ${kind}</a></p>` : null;
}

function speakerList(query: string, speakers: Page<SpeakerRecord>): SafeHtml {
  const items = speakers.items.map(
    (speaker) => html`<li><a href="${speakerHref(speaker.id)}">${speaker.name}</a>
${meta(speaker.type, speaker.titles[0], plural(speaker.statementCount, 'statement'))}</li>`,
  );
  return html`<section aria-labelledby="speakers"><h2 id="speakers">Speakers</h2>
${items.length ? html`<ul class="items">${items}</ul>` : html`<p>No speaker's name starts with “${query}”.</p>`}
${more(query, 'speakers', speakers.nextCursor)}</section>`;
}

function entityList(query: string, entities: Page<EntityRecord>): SafeHtml {
  const items = entities.items.map(
    (entity) => html`<li><a href="${entityHref(entity.id)}">${entity.name}</a>
${meta(entity.type, `in ${plural(entity.articleCount, 'article')}`)}</li>`,
  );
  return html`<section aria-labelledby="entities"><h2 id="entities">People, organisations and places</h2>
${items.length ? html`<ul class="items">${items}</ul>` : html`<p>No entity's name starts with “${query}”.</p>`}
${more(query, 'entities', entities.nextCursor)}</section>`;
}

export function searchPage(results: SearchResults): SafeHtml {
  const { query, speakers, entities } = results;
  if (!query) {
    return page(
      { title: 'Search' },
      html`<h1>Search</h1><p>Type the beginning of a name in the search box: “erdo” finds Erdoğan. Case and accents do not matter.</p>`,
    );
  }
  return page(
    { title: `Search: ${query}`, query },
    html`<h1>Names starting with “${query}”</h1>
${speakers && speakerList(query, speakers)}
${entities && entityList(query, entities)}`,
  );
}
