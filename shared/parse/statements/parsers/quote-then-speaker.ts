import type { ArticleText } from '../text/document.ts';
import { speakerAfter, speakerBefore } from '../text/mentions.ts';
import { quoteChains } from '../text/quotes.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, StatementParser } from '../types.ts';
import { attributionEnd } from './attribution.ts';
import { trimSpan } from './reporting.ts';

const CAPITAL = /^\p{Lu}/u;
/** The quotation opens right after a word of the sentence, not after a colon, dash or bracket. */
const WORD_BEFORE = /[\p{L}\p{N}]\s*$/u;
/**
 * A preposition, an article or a possessive right before the quotation: it is a noun phrase of the
 * sentence, a title or a term ('On ABC's "This Week," Rubio said ...', 'To a question on the
 * "privatization of jobs," Sanders said ...'), and the attribution after it reports the rest.
 */
const NOUN_PHRASE_OPENER = /(?:\b(?:on|in|at|of|to|from|with|about|for|by|the|a|an)|['’]s)\s*$/i;

/**
 * `"...," X said.`, `"...," said X, ROLE.`, `"..." he told Reuters.`: a quotation followed by its
 * attribution. The attribution must start right after the closing mark.
 */
export const quoteThenSpeaker: StatementParser = {
  name: 'quote-then-speaker',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    for (const chain of quoteChains(text.quotes)) {
      const last = chain[chain.length - 1]!;
      if (!last.closed) continue;
      const first = chain[0]!;
      if (NOUN_PHRASE_OPENER.test(body.slice(Math.max(text.paragraphs[first.paragraph]!.start, first.start - 20), first.start))) continue;
      const paragraph = text.paragraphs[last.paragraph]!;
      const [cue] = text.cuesBetween(last.end, Math.min(paragraph.end, last.end + 300));
      if (!cue) continue;
      const lead = /^[ \t]*,?[ \t]*/.exec(body.slice(last.end, Math.min(paragraph.end, last.end + 4)))![0];
      const from = last.end + lead.length;
      const end = attributionEnd(text, from, paragraph.end);
      if (end <= from) continue;
      if (cue.end > end) continue;
      const { start: cueStart, end: cueEnd, info } = cue;
      const inverted = body.slice(from, cueStart).trim() === '';
      const mention = inverted ? speakerAfter(body, cueEnd, end) : speakerBefore(body, from, cueStart, info.form);
      if (!mention) continue;
      if (!inverted && body.slice(from, mention.start).trim() !== '') continue; // words before the speaker: not an attribution
      // After a full stop inside the quotation, only a bare attribution ('"...." he said.') belongs to it.
      const closing = body.slice(last.contentEnd - 1, last.contentEnd);
      // A quotation that ends without punctuation is a phrase inside the sentence ('An "informal trawl" of records found').
      if (!/[,.!?…—–\-'’]/.test(closing) && lead.indexOf(',') < 0) continue;
      const tail = body.slice(Math.max(cueEnd, mention.end), end);
      if (lead.indexOf(',') < 0 && /[.]/.test(closing) && wordCount(tail) > 3) continue;
      if (/^[.]$/.test(closing) && CAPITAL.test(body.slice(from, from + 1)) && !inverted && wordCount(tail) > 0) continue;
      // 'Teachers who connect online are "very, very pro-Bernie," said X': the sentence's own words open
      // the clause and the quotation ends it, so the whole clause is reported speech with a partial quote.
      // A quotation after the attribution continues the quoted words instead ('..., he said. "B."'), also
      // when it opens the next paragraph.
      const sentence = text.sentenceAt(first.start);
      const next = text.paragraphs[last.paragraph + 1];
      const continued = /["“]/.test(body.slice(end, paragraph.end)) || (!!next && /^["“]/.test(body.slice(next.start, next.start + 1)));
      const clauseStart = Math.max(sentence?.start ?? first.start, text.paragraphs[first.paragraph]!.start);
      const opening = chain.length === 1 && !continued ? body.slice(clauseStart, first.start) : '';
      const partial = wordCount(opening) >= 2 && WORD_BEFORE.test(opening) && text.cuesBetween(clauseStart, first.start).length === 0;
      found.push({
        kind: partial ? 'indirect' : 'direct',
        parser: this.name,
        parts: partial
          ? [trimSpan(body, clauseStart, last.contentEnd)]
          : chain.map((segment) => ({ start: segment.contentStart, end: segment.contentEnd })),
        start: chain[0]!.start,
        end,
        cue: info.form,
        cueAt: cueStart,
        mention,
      });
    }
    return found;
  },
};
