/**
 * The articles that whole-pipeline suites (fault injection, parser fuzzing, parse-every-file) run over: the BBC
 * corpus when it is present (see corpus.ts), otherwise articles generated from templates (synthetic-news.ts),
 * which cover every upload format and a few bad inputs. Each suite says in its output which one it ran on.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusSet } from './corpus.ts';
import { syntheticNews } from './synthetic-news.ts';

export interface NewsSet {
  /** One phrase for test output: what the suite ran on. */
  description: string;
  /** Object keys as an upload would have them, sorted. */
  keys: string[];
  read(key: string): Promise<Buffer>;
  contentType(key: string): string;
  /** Keys the pipeline must record as rejected (with a reason) rather than store as articles. */
  rejected: ReadonlySet<string>;
}

/** Enough generated articles that speakers and entities recur across many concurrent writers. */
export const SYNTHETIC_COUNT = 500;

export async function newsSet(): Promise<NewsSet> {
  const bbc = corpusSet('bbc-news');
  return bbc ? bbcNews(bbc) : generatedNews(SYNTHETIC_COUNT);
}

async function bbcNews(folder: string): Promise<NewsSet> {
  const keys: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of await readdir(join(folder, entry.name))) if (file.endsWith('.txt')) keys.push(`${entry.name}/${file}`);
  }
  keys.sort();
  return {
    description: `the BBC corpus (${keys.length} articles, ${folder})`,
    keys,
    read: (key) => readFile(join(folder, key)),
    contentType: () => 'text/plain; charset=utf-8',
    // Its one file that is not UTF-8 (sport/199.txt) is repaired, not rejected.
    rejected: new Set(),
  };
}

export function generatedNews(count: number): NewsSet {
  const generated = syntheticNews(count);
  const articles = new Map(generated.map((article) => [article.key, article]));
  const get = (key: string) => {
    const article = articles.get(key);
    if (!article) throw new Error(`no generated article ${key}`);
    return article;
  };
  return {
    description: `${count} generated articles in every format (no corpus; ONRECORD_CORPUS=DIR adds the BBC corpus)`,
    keys: [...articles.keys()].sort(),
    read: async (key) => get(key).bytes,
    contentType: (key) => get(key).contentType,
    rejected: new Set(generated.filter((article) => article.bad === 'rejected').map((article) => article.key)),
  };
}
