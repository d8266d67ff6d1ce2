import type { SourceArticle } from '../source.ts';
import { readHeaderText } from './header-text.ts';
import { readHtml } from './html/index.ts';
import { readPlainText } from './plain-text.ts';

export interface FormatHint {
  key: string;
  contentType?: string;
}

const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article)\b/i;

/** Detects the format from the content (the key's extension and content type only break ties) and reads it. */
export function readArticles(text: string, hint: FormatHint): SourceArticle[] {
  const start = text.replace(/^\uFEFF/, '');
  if (HTML_START.test(start) || (/^\s*</.test(start) && isHtmlHint(hint))) return [readHtml(start)];
  return [readHeaderText(start) ?? readPlainText(start)];
}

function isHtmlHint(hint: FormatHint): boolean {
  return /\.x?html?$/i.test(hint.key) || /html/i.test(hint.contentType ?? '');
}
