import type { SourceArticle } from '../source.ts';
import { detectFormat, withoutByteOrderMark, type Format, type FormatHint, type FormatReader } from './detect.ts';
import { readText } from './text.ts';

/**
 * The readers, each imported when an object of its format first arrives: a bundle keeps the HTML readers
 * (linkedom, Readability, htmlparser2, chrono's byline and date parsing) and YAML in chunks of their own, so a
 * cold start for a text article compiles neither. Text needs nothing more than the parser core.
 */
const LOADERS: Record<Format, () => Promise<FormatReader>> = {
  html: async () => (await import('./html/index.ts')).readHtmlArticles,
  json: async () => (await import('./json.ts')).readJson,
  markdown: async () => (await import('./markdown.ts')).readMarkdownArticles,
  text: () => Promise.resolve(readText),
};

const loaded = new Map<Format, Promise<FormatReader>>();

function readerOf(format: Format): Promise<FormatReader> {
  let reader = loaded.get(format);
  if (!reader) {
    // an import that failed to load (a chunk not read) is tried again by the next object, not remembered;
    // a module whose evaluation threw stays failed, as Node caches it
    reader = LOADERS[format]().catch((error: unknown) => {
      loaded.delete(format);
      throw error;
    });
    loaded.set(format, reader);
  }
  return reader;
}

/** readArticles (formats/index.ts), with the reader of the object's format loaded on first use. */
export async function readArticlesOnDemand(text: string, hint: FormatHint): Promise<SourceArticle[]> {
  const content = withoutByteOrderMark(text);
  return (await readerOf(detectFormat(content, hint)))(content);
}
