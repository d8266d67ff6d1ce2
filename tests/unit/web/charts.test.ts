import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChart, countPerPeriod, type Series } from '../../../functions/api/web/charts.ts';

const parse = (markup: string) => new DOMParser().parseFromString(`<!doctype html><html><body>${markup}</body></html>`, 'text/html');
const text = (node: { textContent: string | null } | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const OPTIONS = { title: 'Statements per month', noun: 'statement' };

describe('countPerPeriod', () => {
  it('counts per month over spans of three months or more, the empty months included', () => {
    const series = countPerPeriod(['2026-06-30', '2026-01-05', '2026-01-20T10:00:00Z', '2026-03-01', 'not a date']);
    expect(series.period).toBe('month');
    expect(series.bars).toEqual([
      { start: '2026-01-01', label: 'Jan 2026', count: 2 },
      { start: '2026-02-01', label: 'Feb 2026', count: 0 },
      { start: '2026-03-01', label: 'Mar 2026', count: 1 },
      { start: '2026-04-01', label: 'Apr 2026', count: 0 },
      { start: '2026-05-01', label: 'May 2026', count: 0 },
      { start: '2026-06-01', label: 'Jun 2026', count: 1 },
    ]);
  });

  it('counts per week (from Monday) when the dates span under three months', () => {
    // 4 Jan 2026 is a Sunday: its week began on Monday 29 Dec 2025.
    const series = countPerPeriod(['2026-01-04', '2026-01-05', '2026-01-06', '2026-01-19']);
    expect(series.period).toBe('week');
    expect(series.bars).toEqual([
      { start: '2025-12-29', label: 'Week of 29 Dec 2025', count: 1 },
      { start: '2026-01-05', label: 'Week of 5 Jan 2026', count: 2 },
      { start: '2026-01-12', label: 'Week of 12 Jan 2026', count: 0 },
      { start: '2026-01-19', label: 'Week of 19 Jan 2026', count: 1 },
    ]);
    expect(countPerPeriod(['2026-01-01', '2026-03-31']).period).toBe('week');
    expect(countPerPeriod(['2026-01-01', '2026-04-02']).period).toBe('month');
  });

  it('has no bars for no dates', () => {
    expect(countPerPeriod([]).bars).toEqual([]);
    expect(countPerPeriod(['unknown']).bars).toEqual([]);
  });
});

describe('barChart', () => {
  it('draws a bar per period with statements, as tall as its count, each with a tooltip', () => {
    const document = parse(barChart(countPerPeriod(['2026-01-05', '2026-01-20', '2026-03-01', '2026-06-30']), OPTIONS).value);
    const rects = [...document.querySelectorAll('figure.chart svg rect')];
    expect(rects.map((rect) => text(rect.querySelector('title')))).toEqual(['Jan 2026: 2 statements', 'Mar 2026: 1 statement', 'Jun 2026: 1 statement']);
    const heights = rects.map((rect) => Number(rect.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(2 * heights[1]!);
    expect(heights[1]).toBe(heights[2]);
    // Left to right in time, each centred in its sixth of the width: January in the first, June in the last.
    expect(rects.map((rect) => Number(rect.getAttribute('x')))).toEqual([20, 220, 520]);
    expect(rects.map((rect) => Number(rect.getAttribute('width')))).toEqual([60, 60, 60]);
    // Coloured by the page's style sheet: no inline style, which the CSP would refuse.
    expect(document.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('says what it shows as text: the accessible name, a description, a caption and a table of the counts', () => {
    const document = parse(barChart(countPerPeriod(['2026-01-05', '2026-01-20', '2026-03-01', '2026-06-30']), OPTIONS).value);
    const svg = document.querySelector('svg')!;
    const summary = '4 statements per month, Jan 2026 to Jun 2026; most in Jan 2026 (2).';
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(`Statements per month: ${summary}`);
    expect(text(svg.querySelector(':scope > title'))).toBe('Statements per month');
    expect(text(svg.querySelector('desc'))).toBe(summary);
    expect(text(document.querySelector('figcaption'))).toBe(summary);
    const rows = [...document.querySelectorAll('details table tr')].map((row) => [...row.children].map((cell) => text(cell)));
    expect(rows).toEqual([
      ['Month', 'Statements'],
      ['Jan 2026', '2'],
      ['Mar 2026', '1'],
      ['Jun 2026', '1'],
    ]);
    expect(text(document.querySelector('details .meta'))).toBe('Months without any are left out.');
  });

  it('labels weeks as weeks', () => {
    const document = parse(barChart(countPerPeriod(['2026-01-05', '2026-01-06']), OPTIONS).value);
    expect(text(document.querySelector('rect title'))).toBe('Week of 5 Jan 2026: 2 statements');
    expect(text(document.querySelector('th'))).toBe('Week');
    expect(text(document.querySelector('desc'))).toBe('2 statements per week, in the week of 5 Jan 2026.');
    expect(document.querySelector('details .meta')).toBeNull();
  });

  it('is a sentence, not an empty chart, when there is nothing to count', () => {
    const empty = barChart(countPerPeriod([]), OPTIONS).value;
    expect(empty).not.toContain('<svg');
    expect(text(parse(empty).querySelector('p'))).toBe('No statements to chart.');
    const zeros: Series = { period: 'month', bars: [{ start: '2026-01-01', label: 'Jan 2026', count: 0 }] };
    expect(barChart(zeros, OPTIONS).value).not.toContain('<svg');
  });

  it('escapes hostile labels and titles everywhere they appear', () => {
    const HOSTILE = '</title></svg><script>alert(1)</script>"><img src=x onerror=alert(1)>';
    const series: Series = { period: 'month', bars: [{ start: '2026-01-01" onload="alert(1)', label: HOSTILE, count: 3 }] };
    const markup = barChart(series, { title: HOSTILE, noun: 'statement' }).value;
    expect(markup).not.toContain('<script');
    expect(markup).not.toContain('<img');
    const document = parse(markup);
    expect(document.querySelectorAll('script, img')).toHaveLength(0);
    expect(document.querySelectorAll('svg')).toHaveLength(1);
    for (const element of document.querySelectorAll('*')) expect(element.getAttributeNames().filter((name: string) => name.startsWith('on'))).toEqual([]);
    expect(text(document.querySelector('rect title'))).toBe(`${HOSTILE}: 3 statements`);
    expect(document.querySelector('svg')?.getAttribute('aria-label')).toContain(HOSTILE);
    expect(document.querySelector('td time')?.getAttribute('datetime')).toBe('2026-01-01" onload="alert(1)');
  });
});
