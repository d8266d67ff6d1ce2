/**
 * Every article of a whole set parses: the generated articles always (every format, known truth), and the
 * BBC corpus and the HTML page sets too when they are present (ONRECORD_CORPUS, see tests/support/corpus.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, RejectedInput } from '../../../shared/parse/index.ts';
import { corpusSet } from '../../support/corpus.ts';
import { syntheticNews } from '../../support/synthetic-news.ts';

/** Quote texts compared without the closing punctuation that some attributions leave on them. */
const words = (text: string) => text.replace(/[\s.,;:!?]+$/u, '');

describe('generated articles in every format', () => {
  const articles = syntheticNews(300);

  it('parses each with its headline and date, and finds every direct quotation with its named speaker', () => {
    const problems: string[] = [];
    for (const article of articles.filter((one) => !one.bad)) {
      const [parsed] = parseDocument(article.bytes, { key: article.key, contentType: article.contentType });
      const { metadata, statements } = parsed!;
      if (metadata.title !== article.expected.headline) problems.push(`${article.key}: title ${JSON.stringify(metadata.title)}`);
      if (article.format !== 'plain-text' && !metadata.publishedAt?.startsWith(article.expected.date)) {
        problems.push(`${article.key}: date ${metadata.publishedAt} for ${article.expected.date}`);
      }
      for (const quote of article.expected.quotes) {
        const found = statements.filter((statement) => words(statement.text) === words(quote.text));
        if (found.length === 0) problems.push(`${article.key}: no statement ${JSON.stringify(quote.text)}`);
        else if (quote.named && !found.some((statement) => statement.speaker?.name === quote.speaker)) {
          problems.push(`${article.key}: ${JSON.stringify(quote.text)} given to ${found.map((s) => s.speaker?.name).join(', ')}, not ${quote.speaker}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('repairs a text that is not UTF-8 with a warning, and refuses empty and binary objects with a reason', () => {
    for (const article of articles.filter((one) => one.bad)) {
      const parse = () => parseDocument(article.bytes, { key: article.key, contentType: article.contentType });
      if (article.bad === 'rejected') expect(parse, article.key).toThrow(RejectedInput);
      else expect(parse()[0]!.metadata.warnings, article.key).not.toEqual([]);
    }
  });
});

const bbc = corpusSet('bbc-news');
if (bbc) {
  const files = readdirSync(bbc, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) => readdirSync(join(bbc, dir.name)).map((file) => join(dir.name, file)))
    .filter((file) => file.endsWith('.txt'))
    .sort();

  describe(`the BBC corpus (${bbc})`, () => {
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
}

/** Real saved pages with hand-checked metadata (`NAME/source.html`, `NAME/expected-metadata.json`). */
for (const name of ['html-pages', 'html-news']) {
  const folder = corpusSet(name);
  if (!folder) continue;
  const pages = readdirSync(folder)
    .filter((page) => existsSync(join(folder, page, 'source.html')))
    .sort();

  describe(`the ${name} pages (${folder})`, () => {
    it('parses every page into an article, with a title wherever the reference gives one', () => {
      const problems: string[] = [];
      for (const page of pages) {
        try {
          const expected = JSON.parse(readFileSync(join(folder, page, 'expected-metadata.json'), 'utf8')) as { title?: string | null };
          const [article] = parseDocument(readFileSync(join(folder, page, 'source.html')), { key: `${page}.html` });
          if (expected.title && !article!.metadata.title) problems.push(`${page}: no title`);
        } catch (error) {
          problems.push(`${page}: ${(error as Error).message}`);
        }
      }
      expect(pages.length).toBeGreaterThan(100);
      expect(problems).toEqual([]);
    }, 300_000);
  });
}
