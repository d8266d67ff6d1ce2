import type { EntityRecord, Page, SpeakerRecord, StatementRecord } from '../../../../shared/store/port.ts';
import { barChart, countPerPeriod } from '../charts.ts';
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

export interface EntityCount {
  id: string;
  /** The spelling the statements use most ("Kalna bridge"), for an entity whose record is gone. */
  label: string;
  /** How many of the statements name it: each statement once, as `?about=` narrows the timeline. */
  count: number;
}

/** The entities the statements name most, most first (ties: by spelling, then id, so the order is stable). */
export function topEntities(statements: readonly Pick<StatementRecord, 'text' | 'entities'>[], limit = 10): EntityCount[] {
  const counts = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const statement of statements) {
    for (const { id, label } of namedEntities(statement)) {
      const entry = counts.get(id) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      entry.spellings.set(label, (entry.spellings.get(label) ?? 0) + 1);
      counts.set(id, entry);
    }
  }
  const commonest = (spellings: Map<string, number>) => [...spellings].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
  return [...counts]
    .map(([id, { count, spellings }]) => ({ id, label: commonest(spellings), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** What the speaker page shows above the timeline: read from a bounded window of the most recent statements. */
export interface SpeakerOverview {
  /** The speaker's most recent statements, newest first. */
  statements: StatementRecord[];
  /** Whether these are all their statements (else: the most recent, up to the window). */
  complete: boolean;
  /** The records of the entities they name most; one whose record is gone is not in the map. */
  entities: Map<string, EntityRecord>;
}

function overviewSections(speaker: SpeakerRecord, { statements, complete, entities }: SpeakerOverview): SafeHtml | null {
  const newest = statements[0];
  const oldest = statements.at(-1);
  if (!newest || !oldest) return null;
  const which = complete ? (statements.length === 1 ? 'The one statement' : `All ${statements.length} statements`) : `The last ${statements.length} statements`;
  const span = newest.publishedAt === oldest.publishedAt ? html`on ${time(newest.publishedAt)}` : html`from ${time(oldest.publishedAt)} to ${time(newest.publishedAt)}`;
  const covered = html`${which} of ${speaker.name} on record, ${span}.`;
  const series = countPerPeriod(statements.map((statement) => statement.publishedAt));
  const top = topEntities(statements);
  const topItem = ({ id, label, count }: EntityCount) => {
    const record = entities.get(id);
    // Without its record there is no entity page, and `?about=` would answer 404: the name as written, unlinked.
    if (!record) return html`<li>${label}: ${plural(count, 'statement')}</li>`;
    return html`<li><a href="${entityHref(id)}">${record.name}</a>: <a href="${speakerHref(speaker.id, id)}">${plural(count, 'statement')}</a></li>`;
  };
  return html`<section aria-labelledby="over-time"><h2 id="over-time">Statements over time</h2>
<p class="meta">${covered}</p>
${barChart(series, { title: `Statements of ${speaker.name} per ${series.period}`, noun: 'statement' })}
</section>
${top.length
    ? html`<section aria-labelledby="most-named"><h2 id="most-named">What they speak about most</h2>
<p class="meta">The people, organisations and places these statements name most, with how many name each (linked: those statements).</p>
<ol class="top-entities">${top.map(topItem)}</ol>
</section>`
    : null}`;
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

/**
 * `about`: the entity the timeline is narrowed to (`?about=`), else null. `overview`: the chart and the
 * entities named most, shown above the timeline (the route reads it for the first, unnarrowed page only).
 */
export function speakerPage(
  speaker: SpeakerRecord,
  statements: Page<StatementRecord>,
  onFirstPage: boolean,
  about: EntityRecord | null = null,
  overview: SpeakerOverview | null = null,
): SafeHtml {
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
${overview ? overviewSections(speaker, overview) : null}
<section aria-labelledby="timeline"><h2 id="timeline">${heading}</h2>
${about ? html`<p class="meta"><a href="${speakerHref(speaker.id)}">All statements of ${speaker.name}</a></p>` : null}
${statements.items.length ? html`<ol class="items">${statements.items.map((statement) => timelineItem(statement, about?.id))}</ol>` : empty}
${pager('Statement pages', here, next, onFirstPage)}
</section>`,
  );
}
