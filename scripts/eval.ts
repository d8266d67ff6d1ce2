/**
 * npm run eval [-- --verbose]            statements of the hand-annotated dev articles
 * npm run eval:metadata [-- --verbose]   metadata of the 130 real HTML pages
 *
 * The scorers and the annotated data are the team's evaluation folder, not part of the repository: it is read from
 * ONRECORD_TEAM_FOLDER, or from `../shared` beside the clone. Any other scorer option is passed on (`--gold DIR
 * --articles DIR` or `--pages DIR` score another annotated set in the same format).
 *
 * `metadata --split dev|held` scores a fixed part of the pages: held is the quarter whose folder name's SHA-256
 * starts with a byte divisible by 4, dev the rest. Rules are tuned on dev and confirmed on held, so that a
 * gain that only fits the pages at hand shows.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Each scorer, and the data it scores unless the caller names other data: flag → path in the team folder. */
const SCORERS: Record<string, { scorer: string; defaults: Record<string, string> }> = {
  statements: { scorer: 'eval/score.mjs', defaults: { '--gold': 'examples/gold', '--articles': 'examples/articles' } },
  metadata: { scorer: 'eval/metadata.mjs', defaults: { '--pages': 'corpus/html-pages' } },
};

const [what, ...options] = process.argv.slice(2).filter((arg) => arg !== '--');
const chosen = what ? SCORERS[what] : undefined;
if (!chosen) {
  process.stderr.write(`usage: tsx scripts/eval.ts statements|metadata [scorer options]\n`);
  process.exit(2);
}

const team = resolve(process.env.ONRECORD_TEAM_FOLDER ?? join(import.meta.dirname, '../../shared'));
const scorer = join(team, chosen.scorer);
if (!existsSync(scorer)) {
  process.stderr.write(
    `eval: no scorer at ${scorer}: the evaluation tools and annotated data are the team's folder, not part of the repository ` +
      `(set ONRECORD_TEAM_FOLDER=DIR to where they are)\n`,
  );
  process.exit(1);
}

const defaults = Object.entries(chosen.defaults)
  .filter(([flag]) => !options.includes(flag))
  .flatMap(([flag, path]) => [flag, join(team, path)]);
const args = [...defaults, ...options];
const split = args.indexOf('--split');
let splitDir: string | null = null;
if (split >= 0) {
  const [part] = args.splice(split, 2).slice(1);
  const pages = args.indexOf('--pages');
  if (what !== 'metadata' || pages < 0 || (part !== 'dev' && part !== 'held')) {
    process.stderr.write('eval: --split dev|held splits the pages of `metadata`\n');
    process.exit(2);
  }
  splitDir = splitPages(args[pages + 1]!, part);
  args[pages + 1] = splitDir;
}
const run = spawnSync(process.execPath, [scorer, ...args], { stdio: 'inherit' });
if (splitDir) rmSync(splitDir, { recursive: true });
process.exit(run.status ?? 1);

/** A temporary folder linking to the pages of one part of `dir`. */
function splitPages(dir: string, part: 'dev' | 'held'): string {
  const out = mkdtempSync(join(tmpdir(), `eval-${part}-`));
  for (const page of readdirSync(dir)) {
    const held = createHash('sha256').update(page).digest()[0]! % 4 === 0;
    if (held === (part === 'held')) symlinkSync(join(resolve(dir), page), join(out, page));
  }
  return out;
}
