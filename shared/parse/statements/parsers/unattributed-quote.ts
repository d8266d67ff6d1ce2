import type { ArticleText } from '../text/document.ts';
import { quoteChains } from '../text/quotes.ts';
import type { Candidate, StatementParser } from '../types.ts';

/**
 * Every quotation, attributed or not. Refiners drop the ones another parser attributed, join the ones
 * that continue a split quotation, give the rest the speaker of the quotation before them, and drop
 * scare quotes, titles and nicknames.
 */
export const unattributedQuote: StatementParser = {
  name: 'unattributed-quote',
  extract(text: ArticleText) {
    return quoteChains(text.quotes).map((chain): Candidate => ({
      kind: 'direct',
      parser: this.name,
      parts: chain.map((segment) => ({ start: segment.contentStart, end: segment.contentEnd })),
      start: chain[0]!.start,
      end: chain[chain.length - 1]!.end,
      cue: '',
      mention: null,
    }));
  },
};
