import { meets, type MeasureResult, type Row } from './measure.ts';

export interface MeasureReport {
  name: string;
  title: string;
  result?: MeasureResult;
  error?: string;
  /** What a report built from other measures' figures is made of, in its heading instead of its `--only`. */
  madeFrom?: string;
}

const header = ['measure', 'metric', 'median', 'min', 'max', 'unit', 'target', 'met'];

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(abs >= 1 ? 2 : 3);
}

function cells(name: string, row: Row): string[] {
  const met = meets(row);
  return [
    name,
    row.metric,
    format(row.summary.median),
    format(row.summary.min),
    format(row.summary.max),
    row.unit,
    row.target ? `${row.target.op} ${format(row.target.value)}` : '',
    met === null ? '' : met ? 'yes' : 'NO',
  ];
}

function tableRows(reports: readonly MeasureReport[]): string[][] {
  return reports.flatMap((report) =>
    report.result
      ? report.result.rows.map((row) => cells(report.name, row))
      : [[report.name, `FAILED: ${report.error ?? 'unknown error'}`, '', '', '', '', '', '']],
  );
}

/** A fixed-width table for the terminal. */
export function textTable(reports: readonly MeasureReport[]): string {
  const rows = [header, ...tableRows(reports)];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const numeric = new Set([2, 3, 4]);
  const line = (row: string[]) =>
    row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  return [line(rows[0]!), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');

/** BENCHMARKS.md: the machine, the table, and each measure's notes. */
export function markdownReport(reports: readonly MeasureReport[], machine: readonly string[]): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Each figure is the median with min/max over',
    'several runs (or over the items, for per-article and per-request figures). The machine is shared with other',
    'work: read wall-clock figures beside the load average below; CPU-time figures are steadier.',
    '',
    '## Machine',
    '',
    ...machine.map((fact) => `- ${fact}`),
    '',
    '## Results',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, column) => ([2, 3, 4].includes(column) ? '---:' : '---')).join(' | ')} |`,
    ...tableRows(reports).map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
    '',
  ];
  for (const report of reports) {
    lines.push(`## ${report.title} (${report.madeFrom ?? `\`--only ${report.name}\``})`, '');
    if (report.error) lines.push(`Failed: ${report.error}`, '');
    // A markdown table row or an empty line (around a table) goes in as it is; anything else is a bullet.
    for (const note of report.result?.notes ?? []) lines.push(note === '' || note.startsWith('|') ? note : `- ${note}`);
    lines.push('');
  }
  return lines.join('\n');
}
