/**
 * The ingest parses with each format's reader imported on first use (shared/parse/on-demand.ts). It must
 * answer exactly as parseDocument does, rejections included, whatever the format and whichever arrives first.
 */
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parse/index.ts';
import { parseDocumentOnDemand } from '../../../shared/parse/on-demand.ts';
import { syntheticNews } from '../../support/synthetic-news.ts';

const fixtures = new URL('../../fixtures/', import.meta.url);

type Outcome = unknown;

async function outcome(parse: () => unknown): Promise<Outcome> {
  try {
    return await parse();
  } catch (error) {
    return { rejected: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

describe('parseDocumentOnDemand', () => {
  it('reads every fixture as parseDocument does', async () => {
    const files = [
      ...(await readdir(fixtures, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name),
      ...(await readdir(new URL('formats/', fixtures))).map((name) => `formats/${name}`),
    ];
    expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await readFile(new URL(file, fixtures));
      expect(await outcome(() => parseDocumentOnDemand(bytes, { key: file })), file).toEqual(await outcome(() => parseDocument(bytes, { key: file })));
    }
  });

  it('reads generated articles of every format, and bad inputs among them, as parseDocument does', async () => {
    const articles = syntheticNews(60);
    expect(new Set(articles.map((article) => article.format)).size).toBe(5);
    // several objects at once, as a batch arrives: the first of a format waits for its reader with the others
    const onDemand = await Promise.all(articles.map((article) => outcome(() => parseDocumentOnDemand(article.bytes, { key: article.key }))));
    for (const [index, article] of articles.entries()) {
      expect(onDemand[index], article.key).toEqual(await outcome(() => parseDocument(article.bytes, { key: article.key })));
    }
  });
});
