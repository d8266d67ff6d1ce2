/**
 * npm run eval [-- --verbose]            statements of the hand-annotated dev articles
 * npm run eval:metadata [-- --verbose]   metadata of the 130 real HTML pages
 *
 * The scorers and the annotated data are the team's evaluation folder, not part of the repository: it is read from
 * ONRECORD_TEAM_FOLDER, or from `../shared` beside the clone. Any other scorer option is passed on (`--gold DIR
 * --articles DIR` or `--pages DIR` score another annotated set in the same format).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
const run = spawnSync(process.execPath, [scorer, ...defaults, ...options], { stdio: 'inherit' });
process.exit(run.status ?? 1);
