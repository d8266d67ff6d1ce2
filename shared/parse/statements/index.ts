import type { Entity } from '../../model/article.ts';
import type { Statement } from '../../model/statement.ts';

export interface StatementContext {
  /** Entities found in the same body, when known: they help type speakers. */
  entities?: Entity[];
}

/** Direct and reported statements in an article body, with speakers resolved. */
export function extractStatements(_body: string, _context: StatementContext = {}): Statement[] {
  return [];
}
