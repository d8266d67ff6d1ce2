import type { ArticleText } from '../text/document.ts';
import { quoteChains } from '../text/quotes.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, StatementParser } from '../types.ts';

/**
 * Every quotation, attributed or not. Refiners drop the ones another parser attributed, join the ones
 * that continue a split quotation, give the rest the speaker of the quotation before them, and drop
 * scare quotes, titles and nicknames.
 */
export const unattributedQuote: StatementParser = {
  name: 'unattributed-quote',
  extract(text: ArticleText) {
    const { body } = text;
    let previousEnd = -Infinity;
    return quoteChains(text.quotes).flatMap((chain): Candidate[] => {
      const start = chain[0]!.start;
      const end = chain[chain.length - 1]!.end;
      // Short quotations are scare quotes or names, unless they may continue a split quotation just before.
      const short = chain.every((segment) => wordCount(body.slice(segment.contentStart, Math.min(segment.contentEnd, segment.contentStart + 40))) < 4);
      const continuation = start - previousEnd < 40;
      previousEnd = end;
      if (short && !continuation) return [];
      return [{
      kind: 'direct',
      parser: this.name,
      parts: chain.map((segment) => ({ start: segment.contentStart, end: segment.contentEnd })),
      start,
      end,
      cue: '',
      mention: null,
      }];
    });
  },
};
