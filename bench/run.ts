/**
 * `npm run bench`: runs every measure (or only the ones named with `--only NAME`, repeatable or comma
 * separated), prints a table, and on a full run writes BENCHMARKS.md at the project root.
 * `--every N` makes the storage-bound measures use every Nth article of the corpus (default: all).
 * `--node PATH` runs the Lambda cold starts on that Node binary (the deployed runtime's major, for figures
 * that carry over to AWS); the rest runs on this process's Node. `--baseline REF` is the commit the bundles
 * and cold starts are set beside (default: main).
 * Measures are imported lazily so that one whose code is missing or broken fails alone.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { costModel } from './cost-model.ts';
import { describeMachine } from './machine.ts';
import { runBenchEnd } from './cleanup.ts';
import type { BenchOptions, Measure } from './measure.ts';
import { markdownReport, textTable, type MeasureReport } from './report.ts';

const MEASURES: Record<string, () => Promise<Measure>> = {
  parse: async () => (await import('./parse.ts')).parseMeasure,
  profile: async () => (await import('./profile.ts')).profileMeasure,
  ingest: async () => (await import('./ingest.ts')).ingestMeasure,
  'dynamo-cost': async () => (await import('./dynamo-cost.ts')).dynamoCostMeasure,
  api: async () => (await import('./api.ts')).apiMeasure,
  handler: async () => (await import('./handler.ts')).handlerMeasure,
  bundles: async () => (await import('./bundles.ts')).bundlesMeasure,
};

const REPORT_FILE = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));

const { values: args } = parseArgs({
  options: { only: { type: 'string', multiple: true }, every: { type: 'string', default: '1' }, node: { type: 'string' }, baseline: { type: 'string' } },
});
const options: BenchOptions = { every: Number(args.every), ...(args.node ? { node: args.node } : {}), ...(args.baseline !== undefined ? { baseline: args.baseline } : {}) };
if (options.baseline === '') throw new Error('--baseline takes a commit (a branch, tag or hash), not an empty string');
if (!Number.isInteger(options.every) || options.every < 1) throw new Error(`--every takes a positive integer, not ${args.every}`);

function selected(): string[] {
  const values = args;
  const names = (values.only ?? []).flatMap((value) => value.split(',')).filter(Boolean);
  const unknown = names.filter((name) => !(name in MEASURES));
  if (unknown.length > 0) {
    throw new Error(`unknown measure ${unknown.join(', ')}; known: ${Object.keys(MEASURES).join(', ')}`);
  }
  return names.length > 0 ? names : Object.keys(MEASURES);
}

async function runOne(name: string): Promise<MeasureReport> {
  let title = name;
  try {
    const measure = await MEASURES[name]!();
    title = measure.title;
    console.error(`[bench] ${name}: ${title}…`);
    const started = performance.now();
    const result = await measure.run(options);
    console.error(`[bench] ${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return { name, title, result };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 300);
    console.error(`[bench] ${name}: failed`, error);
    return { name, title, error: message };
  }
}

const names = selected();
const machine = [...describeMachine(), `Command: npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`];
const reports: MeasureReport[] = [];
try {
  for (const name of names) reports.push(await runOne(name));
} finally {
  await runBenchEnd();
}
// Dollars from what the measures found: after them, and only when DynamoDB's cost was measured.
const cost = costModel(reports);
if (cost) reports.push(cost);

console.log(machine.join('\n'));
console.log();
console.log(textTable(reports));
for (const report of reports) {
  for (const note of report.result?.notes ?? []) console.log(`[${report.name}] ${note}`);
}

if (names.length === Object.keys(MEASURES).length) {
  await writeFile(REPORT_FILE, markdownReport(reports, machine));
  console.log(`\nwrote ${REPORT_FILE}`);
} else {
  console.log('\n(--only: BENCHMARKS.md left as it is; a full run writes it)');
}
process.exitCode = reports.some((report) => report.error) ? 1 : 0;
