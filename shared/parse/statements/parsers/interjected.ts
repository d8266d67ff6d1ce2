import { MAX_CONTENT } from '../limits.ts';
import type { ArticleText } from '../text/document.ts';
import { speakerBefore } from '../text/mentions.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, StatementParser } from '../types.ts';
import { clauseEnd, opensQuote, partialQuoteClause, sentenceCues, skipAdjuncts, trimSpan } from './reporting.ts';

/** After the attribution, a participle or "that" starts words of the attribution's own, not the clause's rest. */
const NOT_CONTINUATION = /^(?:\p{L}+ing|that|and|but|adding|according)\b/u;

/**
 * `A, officials said, B.`: reported speech interrupted by its attribution; the statement is A and B. The
 * attribution stands between two commas, with nothing else in it but adjuncts ("he said on Tuesday,").
 */
export const interjected: StatementParser = {
  name: 'interjected',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    for (const [sentence, cues] of sentenceCues(text)) {
      for (const cue of cues) {
        if (cue.info.frame !== 'clause' || cue.info.weak || cue.form.endsWith('ing')) continue;
        const after = /^\s*,\s*/.exec(body.slice(skipAdjuncts(body, cue.end, sentence.end), sentence.end));
        if (!after) continue;
        const comma = body.lastIndexOf(',', cue.start);
        if (comma <= sentence.start || cue.start - comma > 80) continue;
        if (opensQuote(body, sentence.start, sentence.end)) continue; // a quotation: the direct parsers take it
        const mention = speakerBefore(body, comma + 1, cue.start, cue.form);
        if (!mention || body.slice(comma + 1, mention.start).trim() !== '') continue;
        const restStart = skipAdjuncts(body, cue.end, sentence.end) + after[0].length;
        // "X said, "..."": a quotation after the attribution is direct speech, which speaker-then-quote takes,
        // unless it is a phrase the clause runs on after ('A, the lawyers said, "all command ..." that B')
        if (NOT_CONTINUATION.test(body.slice(restStart, restStart + 20))) continue;
        if (/^["“‘]/.test(body.slice(restStart, restStart + 1))) {
          const quote = text.quoteAt(restStart + 1);
          if (!quote || partialQuoteClause(text, quote) === null) continue;
        }
        const first = trimSpan(body, sentence.start, comma);
        const rest = trimSpan(body, restStart, clauseEnd(text, sentence, restStart, cues));
        if (wordCount(body.slice(first.start, first.end)) < 2 || wordCount(body.slice(rest.start, rest.end)) < 2) continue;
        if (rest.end - first.start > MAX_CONTENT) continue;
        found.push({
          kind: 'indirect',
          parser: this.name,
          parts: [first, rest],
          start: sentence.start,
          end: rest.end,
          cue: cue.form,
          cueAt: cue.start,
          mention,
        });
      }
    }
    return found;
  },
};
