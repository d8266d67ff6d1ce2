import type { ArticleText } from '../text/document.ts';
import type { Candidate, StatementRefiner } from '../types.ts';

/** Only white space or a comma between the two, and (unless the attribution came last) one paragraph. */
function followsClosely(text: ArticleText, previous: Candidate, candidate: Candidate): boolean {
  return (
    /^[\s,]*$/.test(text.body.slice(previous.end, Math.min(candidate.start, previous.end + 20))) &&
    candidate.start - previous.end < 20 &&
    (previous.parser === 'quote-then-speaker' || text.paragraphAt(previous.end) === text.paragraphAt(candidate.start))
  );
}

/**
 * '"A," Clinton said, referencing a super PAC ... "B."', '"A," said Tim Selaty, organizer of a group which
 * expects 5,000. "B."': however long the attribution after the first part runs, the quotation that opens
 * the next sentence of the paragraph goes on with it.
 */
function opensNextSentence(text: ArticleText, previous: Candidate, candidate: Candidate): boolean {
  if (previous.parser !== 'quote-then-speaker') return false;
  const attribution = text.sentenceAt(previous.end - 1);
  const next = text.sentenceAt(candidate.start);
  return !!attribution && !!next && attribution !== next && next.start === candidate.start && next.paragraph === attribution.paragraph && /^\s*$/.test(text.body.slice(attribution.end, next.start));
}

/**
 * `"A," he said. "B."` is one statement: a quotation with no attribution of its own that follows an
 * attributed one with only white space (or a comma) between them is its continuation. After an
 * attribution that comes first (`He said: "A." "B."`) only a continuation in the same paragraph counts.
 * `"A," she said, "B."` is one statement too, and so are unattributed quotations with only white space
 * between them (a quotation run on over paragraphs).
 */
export const mergeSplitQuotes: StatementRefiner = {
  name: 'merge-split-quotes',
  refine(text, candidates) {
    const ordered = [...candidates].sort((a, b) => a.start - b.start);
    const result: Candidate[] = [];
    let previous: Candidate | undefined;
    for (const candidate of ordered) {
      // '"A," she said, "B."': the attribution's own cue also introduces B, which speaker-then-quote found
      if (
        previous &&
        previous.kind === 'direct' &&
        previous.parser === 'quote-then-speaker' &&
        candidate.parser === 'speaker-then-quote' &&
        candidate.mention &&
        previous.mention &&
        candidate.mention.start === previous.mention.start &&
        candidate.parts[0]!.start >= previous.end
      ) {
        previous.parts = [...previous.parts, ...candidate.parts];
        previous.end = candidate.end;
        continue;
      }
      if (
        previous &&
        previous.kind === 'direct' &&
        candidate.parser === 'unattributed-quote' &&
        candidate.start >= previous.end &&
        (previous.parser === 'unattributed-quote'
          ? /^\s*$/.test(text.body.slice(previous.end, candidate.start)) && candidate.start - previous.end < 20
          : followsClosely(text, previous, candidate) || opensNextSentence(text, previous, candidate))
      ) {
        previous.parts = [...previous.parts, ...candidate.parts];
        previous.end = candidate.end;
        continue;
      }
      previous = { ...candidate };
      result.push(previous);
    }
    return result;
  },
};
