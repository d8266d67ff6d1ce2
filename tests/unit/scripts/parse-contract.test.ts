import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The parse CLI's output is the contract of the evaluation tools, and the README is where it is written
 * down: every field the CLI prints at the top of a line must be named in the README's "The parse CLI".
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

function readmeSection(heading: string): string {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const start = readme.indexOf(`### ${heading}\n`);
  expect(start, `README has "### ${heading}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n#', start + heading.length + 5);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe('the README states the parse CLI contract', () => {
  it('names every top-level field the CLI prints, moreArticles of a many-article file included', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', 'tests/fixtures/formats/newsapi-two-articles.json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    const fields = Object.keys(JSON.parse(result.stdout) as object);
    expect(fields).toEqual(['article', 'statements', 'moreArticles']);
    const section = readmeSection('The parse CLI');
    for (const field of fields) expect(section, field).toContain(`"${field}"`);
  });
});
