import { RejectedInput } from '../errors.ts';
import type { SourceArticle } from '../source.ts';
import { readHeaderText } from './header-text.ts';
import { readHtml } from './html/index.ts';
import { readJson } from './json.ts';
import { hasFrontMatter, readMarkdown } from './markdown.ts';
import { readPlainText } from './plain-text.ts';

export interface FormatHint {
  key: string;
  contentType?: string;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b/i;
const MARKDOWN_HEADING = /^\s*#{1,6}\s+\S/;

/**
 * Detects the format from the content; the key's extension and the content type only break ties (a `.txt`
 * holding HTML is read as HTML, a `.md` without any Markdown syntax as Markdown).
 */
export function readArticles(text: string, hint: FormatHint): SourceArticle[] {
  const content = text.replace(/^\uFEFF/, '');
  if (HTML_START.test(content) || (/^\s*</.test(content) && hinted(hint, /\.x?html?$/i, /html/i))) {
    return [withinStack(() => readHtml(content))];
  }
  if (/^\s*[{[]/.test(content) && (looksLikeJson(content) || hinted(hint, /\.json$/i, /json/i))) {
    return readJson(content);
  }
  if (hasFrontMatter(content) || MARKDOWN_HEADING.test(content) || hinted(hint, /\.(?:md|markdown)$/i, /markdown/i)) {
    return [readMarkdown(content)];
  }
  return [readHeaderText(content) ?? readPlainText(content)];
}

/** The DOM and Readability recurse over the tree: a page nested thousands deep is rejected, not retried. */
function withinStack<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof RangeError) throw new RejectedInput('unparseable', `HTML too deeply nested to read (${error.message})`);
    throw error;
  }
}

function hinted(hint: FormatHint, extension: RegExp, contentType: RegExp): boolean {
  return extension.test(hint.key) || contentType.test(hint.contentType ?? '');
}

/** `{"…` or `[{` / `[]` open JSON; `[Reuters] Markets…` opens prose. */
function looksLikeJson(content: string): boolean {
  return /^\s*(?:\{\s*(?:"|\})|\[\s*(?:[{["\d\]-]|true|false|null))/.test(content);
}
