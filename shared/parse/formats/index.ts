import type { SourceArticle } from '../source.ts';
import { readHeaderText } from './header-text.ts';
import { readPlainText } from './plain-text.ts';

export interface FormatHint {
  key: string;
  contentType?: string;
}

/** Detects the format from the content (the key's extension and content type only break ties) and reads it. */
export function readArticles(text: string, _hint: FormatHint): SourceArticle[] {
  return [readHeaderText(text) ?? readPlainText(text)];
}
