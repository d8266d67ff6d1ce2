/**
 * Where the parse path spends its time: bench/parse-loop.ts under `node --cpu-prof`, then the functions
 * and modules with the most self time. The figures are shares of the profiled process's busy time
 * (start-up and reading the corpus included, but small beside several passes of parsing).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { hotspots, selfTimeByModule, type CpuProfile } from './cpuprofile.ts';
import type { Measure } from './measure.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PASSES = 3;
const TOP = 15;

/** Regular expressions show up under their whole source: a prefix is enough to recognise one. */
const shorten = (name: string) => (name.length > 70 ? `${name.slice(0, 67)}...` : name);
const markdownCell = (text: string) => text.replace(/\|/g, '\\|').replace(/`/g, "'");

async function profileParse(): Promise<CpuProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'onrecord-profile-'));
  try {
    await run(
      process.execPath,
      ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', join(ROOT, 'bench/parse-loop.ts'), String(PASSES)],
      { cwd: ROOT, maxBuffer: 1 << 24 },
    );
    const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('node --cpu-prof wrote no profile');
    return JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const profileMeasure: Measure = {
  name: 'profile',
  title: 'Parse path CPU profile (node --cpu-prof)',
  async run() {
    const profile = await profileParse();
    const { total, top } = hotspots(profile, TOP);
    const modules = selfTimeByModule(profile, 8);
    return {
      rows: top.slice(0, 5).map((spot) => ({
        metric: `self: ${shorten(spot.name)} (${spot.location || 'native'})`,
        unit: '% busy',
        summary: { median: spot.percent, min: spot.percent, max: spot.percent },
      })),
      notes: [
        `${PASSES} passes of parseDocument over the corpus under \`node --cpu-prof\`; ${(total / 1000).toFixed(1)} s of busy samples. Top ${TOP} functions by self time:`,
        '',
        '| self % | self ms | function | where |',
        '| ---: | ---: | --- | --- |',
        ...top.map((spot) => `| ${spot.percent.toFixed(1)} | ${spot.selfMs.toFixed(0)} | \`${markdownCell(shorten(spot.name))}\` | ${spot.location || '(native)'} |`),
        '',
        `By module: ${modules.map((entry) => `${entry.module} ${entry.percent.toFixed(1)}%`).join(', ')}.`,
      ],
    };
  },
};
