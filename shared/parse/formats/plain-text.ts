import type { SourceArticle } from '../source.ts';
import { Declared } from '../source.ts';
import { normalizeBody } from '../text.ts';

/** Plain text whose first line is the headline (the BBC corpus): headline, blank line, paragraphs. */
export function readPlainText(text: string): SourceArticle {
  const normalized = normalizeBody(text);
  const newline = normalized.indexOf('\n');
  const firstLine = newline < 0 ? normalized : normalized.slice(0, newline);
  const declared = new Declared();
  // A one-line text is a body without a headline, not a headline without a body.
  if (newline >= 0) declared.offer('title', firstLine, 'first-line');
  const body = newline < 0 ? normalized : normalizeBody(normalized.slice(newline + 1));
  return { format: 'plain-text', body, declared };
}
