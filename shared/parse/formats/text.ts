import type { SourceArticle } from '../source.ts';
import { readHeaderText } from './header-text.ts';
import { readPlainText } from './plain-text.ts';

/** Text that is neither HTML, JSON nor Markdown: the `date YYYY-MM-DD` header format, else plain prose. */
export const readText = (content: string): SourceArticle[] => [readHeaderText(content) ?? readPlainText(content)];
