import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parse/index.ts';

const bbc = fileURLToPath(new URL('../../../../shared/corpus/bbc-news/', import.meta.url));
const files = readdirSync(bbc, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) => readdirSync(join(bbc, dir.name)).map((file) => join(dir.name, file)))
  .filter((file) => file.endsWith('.txt'))
  .sort();

describe('the BBC corpus', () => {
  it('has its 2,225 articles', () => {
    expect(files).toHaveLength(2225);
  });

  it('parses every article, with the first line as its title; only sport/199 needs windows-1252', () => {
    const wrongTitles: string[] = [];
    const warned: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(join(bbc, file));
      const [article] = parseDocument(bytes, { key: file });
      // sport/199 is the one file that is not UTF-8; its first line is ASCII
      const firstLine = bytes.toString('utf8').split('\n')[0]!.trim();
      if (article!.metadata.title !== firstLine) wrongTitles.push(file);
      if (article!.metadata.warnings.length > 0) warned.push(file);
    }
    expect(wrongTitles).toEqual([]);
    expect(warned).toEqual(['sport/199.txt']);
  }, 180_000);
});
