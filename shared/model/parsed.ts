import type { ArticleMetadata } from './article.ts';
import type { Statement } from './statement.ts';

/** What the parser makes of one article: its metadata, the body text the offsets point into, its statements. */
export interface ParsedArticle {
  id: string;
  metadata: ArticleMetadata;
  body: string;
  statements: Statement[];
}
