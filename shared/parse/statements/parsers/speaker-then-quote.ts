import type { ArticleText } from '../text/document.ts';
import { speakerBefore } from '../text/mentions.ts';
import { quoteChains } from '../text/quotes.ts';
import type { Candidate, StatementParser } from '../types.ts';
import { MAX_CONTENT } from '../limits.ts';
import { firstCueAfter, leftOutSubject, partialQuoteClause, sentenceCues, speakerFloor, subjectLeftOut, trimSpan } from './reporting.ts';

/**
 * `X said: "..."`, `He added, "..."`, `X told reporters: "..."`, `X said in a statement: "..."`: the
 * attribution ends with a comma or colon (or nothing) right before the opening mark.
 */
export const speakerThenQuote: StatementParser = {
  name: 'speaker-then-quote',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    const cuesBySentence = sentenceCues(text);
    for (const chain of quoteChains(text.quotes)) {
      const first = chain[0]!;
      const sentence = text.sentenceAt(first.start);
      if (!sentence || sentence.start === first.start) continue;
      const cues = cuesBySentence.get(sentence) ?? [];
      // the last cue before the quotation, with at most a short adjunct and , or : between them
      let before = firstCueAfter(cues, first.start) - 1;
      while (before >= 0 && cues[before]!.end > first.start) before--;
      const cue = cues[before];
      if (!cue) continue;
      if (first.start - cue.end > 90) continue;
      const between = body.slice(cue.end, first.start);
      if (!/^(?:[^,;:.!?"“”]{0,80})?[,:]?\s*$/.test(between)) continue;
      if (!/[,:]\s*$/.test(between) && between.trim() !== '') continue;
      const floor = speakerFloor(text, sentence, cue.start);
      const elided = subjectLeftOut(body, floor, cue);
      const mention = elided ? leftOutSubject(text, sentence, cues, cue) : speakerBefore(body, floor, cue.start, cue.form);
      if (!mention && !elided) continue;
      const last = chain[chain.length - 1]!;
      const clauseRunsOn = chain.length === 1 ? partialQuoteClause(text, first) : null;
      if (clauseRunsOn !== null) {
        const content = trimSpan(body, first.contentStart, clauseRunsOn);
        if (content.end - content.start <= MAX_CONTENT) {
          found.push({ kind: 'indirect', parser: this.name, parts: [content], start: elided || !mention ? cue.start : mention.start, end: content.end, cue: cue.form, cueAt: cue.start, mention });
          continue;
        }
      }
      found.push({
        kind: 'direct',
        parser: this.name,
        parts: chain.map((segment) => ({ start: segment.contentStart, end: segment.contentEnd })),
        start: elided || !mention ? cue.start : mention.start, // a subject borrowed from the sentence start is not this attribution's
        end: last.end,
        cue: cue.form,
        cueAt: cue.start,
        mention,
      });
    }
    return found;
  },
};
