import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'parse-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const parse = (...files: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...files], { cwd: root, encoding: 'utf8' });

describe('npm run parse', () => {
  it('prints one JSON line per good file in argument order, reports the bad one on stderr, exits non-zero', () => {
    const empty = join(scratch, 'empty.txt');
    writeFileSync(empty, '');
    const result = parse('tests/fixtures/karabakh-offensive-2023-09-20.txt', empty, 'tests/fixtures/formats/karabakh.md');

    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.article.format)).toEqual(['header-text', 'markdown']);
    expect(lines[0].article).toMatchObject({ publishedAt: '2023-09-20', language: 'en', wordCount: 390 });
    expect(lines[0].article.entities[0]).toHaveProperty('type');
    expect(Array.isArray(lines[0].statements)).toBe(true);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/empty\.txt: .*empty.*\[empty\]$/)]);
    expect(result.status).toBe(1);
  });

  it('prints a JSON file of several articles on one line, the others under moreArticles', () => {
    const result = parse('tests/fixtures/formats/newsapi-two-articles.json');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!);
    expect(line.article.title).toBe('Telewest to challenge Sky Plus');
    expect(line.moreArticles.map((a: { article: { title: string } }) => a.article.title)).toEqual([
      'Irish markets reach all-time high',
    ]);
    expect(result.status).toBe(0);
  });
});
