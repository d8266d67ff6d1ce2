import type { SourceArticle } from '../source.ts';
import { hasFrontMatter } from './front-matter.ts';

export interface FormatHint {
  key: string;
  contentType?: string;
}

export type Format = 'html' | 'json' | 'markdown' | 'text';

/** A format's reader: the text of an object (its byte order mark removed) → its articles. */
export type FormatReader = (content: string) => SourceArticle[];

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b/i;
const MARKDOWN_HEADING = /^\s*#{1,6}\s+\S/;

export const withoutByteOrderMark = (text: string): string => text.replace(/^\uFEFF/, '');

/**
 * Detects the format from the content; the key's extension and the content type only break ties (a `.txt`
 * holding HTML is read as HTML, a `.md` without any Markdown syntax as Markdown).
 */
export function detectFormat(content: string, hint: FormatHint): Format {
  if (HTML_START.test(content) || (/^\s*</.test(content) && hinted(hint, /\.x?html?$/i, /html/i))) return 'html';
  if (/^\s*[{[]/.test(content) && (looksLikeJson(content) || hinted(hint, /\.json$/i, /json/i))) return 'json';
  if (hasFrontMatter(content) || MARKDOWN_HEADING.test(content) || hinted(hint, /\.(?:md|markdown)$/i, /markdown/i)) return 'markdown';
  return 'text';
}

function hinted(hint: FormatHint, extension: RegExp, contentType: RegExp): boolean {
  return extension.test(hint.key) || contentType.test(hint.contentType ?? '');
}

/** `{"…` or `[{` / `[]` open JSON; `[Reuters] Markets…` opens prose. */
function looksLikeJson(content: string): boolean {
  return /^\s*(?:\{\s*(?:"|\})|\[\s*(?:[{["\d\]-]|true|false|null))/.test(content);
}
