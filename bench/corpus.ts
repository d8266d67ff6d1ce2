import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The BBC corpus lives beside the project (../shared/corpus); it is read, never copied in. */
export const CORPUS_DIR = fileURLToPath(new URL('../../shared/corpus/bbc-news/', import.meta.url));

export interface CorpusArticle {
  /** Path inside the corpus, e.g. "politics/001.txt": also the S3 key the ingest benchmark uploads to. */
  key: string;
  bytes: Buffer;
}

/** Every article of the corpus, read once up front so that file I/O stays out of the timings. */
export async function loadCorpus(): Promise<CorpusArticle[]> {
  const articles: CorpusArticle[] = [];
  const sections = (await readdir(CORPUS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  for (const section of sections.map((entry) => entry.name).sort()) {
    const names = (await readdir(join(CORPUS_DIR, section))).filter((name) => name.endsWith('.txt')).sort();
    for (const name of names) {
      articles.push({ key: `${section}/${name}`, bytes: await readFile(join(CORPUS_DIR, section, name)) });
    }
  }
  if (articles.length === 0) throw new Error(`no articles found under ${CORPUS_DIR}`);
  return articles;
}

export const totalBytes = (articles: readonly CorpusArticle[]): number =>
  articles.reduce((sum, article) => sum + article.bytes.byteLength, 0);
