import type { SourceArticle } from '../source.ts';
import { detectFormat, withoutByteOrderMark, type Format, type FormatHint, type FormatReader } from './detect.ts';
import { readHtmlArticles } from './html/index.ts';
import { readJson } from './json.ts';
import { readMarkdownArticles } from './markdown.ts';
import { readText } from './text.ts';

export type { FormatHint } from './detect.ts';

/** Every reader, loaded with this module: for whoever parses synchronously (on-demand.ts loads them as needed). */
const READERS: Record<Format, FormatReader> = {
  html: readHtmlArticles,
  json: readJson,
  markdown: readMarkdownArticles,
  text: readText,
};

/** An object's text → its articles, read as the format its content shows (formats/detect.ts). */
export function readArticles(text: string, hint: FormatHint): SourceArticle[] {
  const content = withoutByteOrderMark(text);
  return READERS[detectFormat(content, hint)](content);
}
