import { displayDate } from './dates.ts';
import { html, type SafeHtml } from './html.ts';
import { plural } from './pages/parts.ts';

/**
 * Small server-rendered charts: inline SVG (markup, not script, so the strict CSP allows it and it shows
 * with JavaScript off), coloured by classes of the page's own style sheet, never by inline styles. Every
 * label goes through the escaping template, and each chart carries its text alternative: a summary as
 * its accessible name and the same counts as a table.
 */

export type Period = 'month' | 'week';

export interface Bar {
  /** The first day of the period (ISO date). */
  start: string;
  /** As a reader names the period: "Sep 2023", "Week of 4 Sep 2023". */
  label: string;
  count: number;
}

export interface Series {
  period: Period;
  /** Every period from the first dated item's to the last's, oldest first, the empty ones included (count 0). */
  bars: Bar[];
}

const DAY = 86_400_000;
/** Spans shorter than this are counted per week: a month or two would be one or two bars. */
const WEEKS_UNDER_DAYS = 91;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A stored ISO date or date-time as a time in UTC; a plain date is its UTC midnight. Null when unparseable. */
function timeOf(iso: string): number | null {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(time) ? null : time;
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

function monthStart(time: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** Weeks begin on Monday (ISO 8601). */
function weekStart(time: number): number {
  const day = Math.floor(time / DAY) * DAY;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
}

function nextMonth(start: number): number {
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

function periodLabel(period: Period, start: number): string {
  if (period === 'week') return `Week of ${displayDate(isoDay(start))}`;
  const date = new Date(start);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/**
 * How many of the dates fall in each month, or in each week when they span under three months. Dates
 * that do not parse are left out (the store gives ISO dates, so there should be none).
 */
export function countPerPeriod(dates: readonly string[]): Series {
  const times = dates.map(timeOf).filter((time): time is number => time !== null);
  if (times.length === 0) return { period: 'month', bars: [] };
  const first = Math.min(...times);
  const last = Math.max(...times);
  const period: Period = last - first < WEEKS_UNDER_DAYS * DAY ? 'week' : 'month';
  const startOf = period === 'week' ? weekStart : monthStart;
  const after = period === 'week' ? (start: number) => start + 7 * DAY : nextMonth;
  const counts = new Map<number, number>();
  for (const time of times) counts.set(startOf(time), (counts.get(startOf(time)) ?? 0) + 1);
  const bars: Bar[] = [];
  for (let start = startOf(first); start <= last; start = after(start)) {
    bars.push({ start: isoDay(start), label: periodLabel(period, start), count: counts.get(start) ?? 0 });
  }
  return { period, bars };
}

export interface BarChartOptions {
  /** What the chart shows, e.g. "Statements per month": the SVG's title. */
  title: string;
  /** What is counted, singular ("statement"): "Sep 2023: 3 statements". */
  noun: string;
}

const WIDTH = 600;
const HEIGHT = 180;
const TOP = 20;
const BOTTOM = 24;
const GAP = 0.2;
const MAX_BAR = 60;

/** One sentence that says what the chart shows, for those who cannot see it. */
export function chartSummary(series: Series, noun: string): string {
  const total = series.bars.reduce((sum, bar) => sum + bar.count, 0);
  const first = series.bars[0];
  const last = series.bars.at(-1);
  if (!first || !last || total === 0) return `No ${noun}s to chart.`;
  const most = series.bars.reduce((best, bar) => (bar.count > best.count ? bar : best));
  const inSentence = (bar: Bar) => bar.label.replace(/^Week/, 'the week');
  const span = first === last ? `in ${inSentence(first)}` : `${inSentence(first)} to ${inSentence(last)}`;
  const busiest = series.bars.filter((bar) => bar.count > 0).length > 1 ? `; most in ${inSentence(most)} (${most.count})` : '';
  return `${plural(total, noun)} per ${series.period}, ${span}${busiest}.`;
}

/**
 * A bar per period, each with a tooltip (`<title>`); the summary as the SVG's accessible name
 * (`role="img"`, `aria-label`, `<desc>`); and the counts as a table in a `<details>` below it. With
 * nothing to count, a sentence instead of an empty chart.
 */
export function barChart(series: Series, { title, noun }: BarChartOptions): SafeHtml {
  const summary = chartSummary(series, noun);
  const max = Math.max(0, ...series.bars.map((bar) => bar.count));
  if (max === 0) return html`<p class="chart-empty">${summary}</p>`;
  const slot = WIDTH / series.bars.length;
  const plot = HEIGHT - TOP - BOTTOM;
  const round = (value: number) => Math.round(value * 100) / 100;
  // A few bars stay bars, not blocks.
  const width = Math.min(MAX_BAR, Math.max(1, slot * (1 - GAP)));
  const bars = series.bars.map((bar, index) => {
    if (bar.count === 0) return null;
    const height = Math.max(1, (bar.count / max) * plot);
    const x = round(index * slot + (slot - width) / 2);
    return html`<rect x="${x}" y="${round(TOP + plot - height)}" width="${round(width)}" height="${round(height)}"><title>${bar.label}: ${plural(bar.count, noun)}</title></rect>`;
  });
  const first = series.bars[0]!;
  const last = series.bars.at(-1)!;
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title}: ${summary}" xmlns="http://www.w3.org/2000/svg">
<title>${title}</title>
<desc>${summary}</desc>
<line x1="0" y1="${TOP + plot}" x2="${WIDTH}" y2="${TOP + plot}"></line>
<text x="0" y="${TOP - 6}">${plural(max, noun)}</text>
${bars}
<text x="0" y="${HEIGHT - 4}">${first.label}</text>
${first === last ? null : html`<text x="${WIDTH}" y="${HEIGHT - 4}" text-anchor="end">${last.label}</text>`}
</svg>
<figcaption>${summary}</figcaption>
<details><summary>The counts as a table</summary>
<table><thead><tr><th scope="col">${series.period === 'week' ? 'Week' : 'Month'}</th><th scope="col">${noun[0]?.toUpperCase()}${noun.slice(1)}s</th></tr></thead>
<tbody>${series.bars.filter((bar) => bar.count > 0).map((bar) => html`<tr><td><time datetime="${bar.start}">${bar.label}</time></td><td>${bar.count}</td></tr>`)}</tbody></table>
${series.bars.some((bar) => bar.count === 0) ? html`<p class="meta">${series.period === 'week' ? 'Weeks' : 'Months'} without any are left out.</p>` : null}
</details>
</figure>`;
}

export interface RankedRow {
  label: string;
  href: string;
  count: number;
}

export interface RankedBarsOptions {
  /** The list's heading, e.g. "Quoted most". */
  title: string;
  /** What is counted, singular ("statement"). */
  noun: string;
  /** The heading's id, which names the list. */
  id: string;
  /** Said instead of an empty list. */
  empty: string;
}

/** Bars are drawn in a 100 × BAR_HEIGHT box stretched to the row's width by the style sheet. */
const BAR_HEIGHT = 6;

/**
 * A ranked bar list: an ordered list whose rows are the text (a link and "12 statements"), each with a
 * bar as long as its count relative to the first's. The bars are inline SVG marked aria-hidden: the text
 * already says everything they show, so screen readers and text browsers read the list, not the drawing.
 */
export function rankedBars(rows: readonly RankedRow[], { title, noun, id, empty }: RankedBarsOptions): SafeHtml {
  const max = Math.max(0, ...rows.map((row) => row.count));
  const heading = html`<h3 id="${id}">${title}</h3>`;
  if (max === 0) return html`<div class="ranked">${heading}<p class="chart-empty">${empty}</p></div>`;
  const round = (value: number) => Math.round(value * 100) / 100;
  const items = rows.map(
    (row) => html`<li><a href="${row.href}">${row.label}</a> <span class="count">${plural(row.count, noun)}</span>
<svg viewBox="0 0 100 ${BAR_HEIGHT}" preserveAspectRatio="none" aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg"><rect width="${round(Math.max(1, (row.count / max) * 100))}" height="${BAR_HEIGHT}"></rect></svg></li>`,
  );
  return html`<div class="ranked">${heading}
<ol aria-labelledby="${id}">${items}</ol></div>`;
}
