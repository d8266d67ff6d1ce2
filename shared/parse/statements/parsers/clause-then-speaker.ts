import type { ArticleText } from '../text/document.ts';
import { speakerAfter, speakerBefore } from '../text/mentions.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, StatementParser } from '../types.ts';
import { MAX_CONTENT } from '../limits.ts';
import { opensQuote, sentenceCues, skipAdjuncts, trimSpan } from './reporting.ts';

/** A short adjunct of time the adjunct rule does not know ('..., X said after the attacks.'). */
const TIME_ADJUNCT = /^\s*(?:after|before|during|following|on|at|in|last|this|earlier)\s+(?:[\p{L}\p{N}'’.-]+\s+){0,4}[\p{L}\p{N}'’-]+\s*[.!?]?$/u;
const RELATIVE = /^\s*,\s*(?:who|whose|which)\s/;
/** Where a relative clause opens in the words after an inverted cue; -1 when none does. */
const relativeAt = (words: string) => words.search(/,\s*(?:who|whose|which)\s/);
const AUXILIARY = /^\s+(?:has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|did|does|do)\b/;

const WORD_END = /[\p{L}\p{N}]/u;

/** The quotation opening the sentence closes on a word, before `comma`: a phrase of the clause, not its whole. */
function partialQuote(text: ArticleText, sentenceStart: number, comma: number): boolean {
  const mark = text.body.slice(sentenceStart, sentenceStart + 8).search(/["“‘]/);
  const quote = mark >= 0 ? text.quoteAt(sentenceStart + mark + 1) : undefined;
  return !!quote && quote.end < comma && WORD_END.test(text.body[quote.contentEnd - 1] ?? '');
}

/** Where a last cue that is a participle after a comma joined to the cue before it ("said, adding") starts its comma; 0 when there is none. */
function addedParticiple(body: string, cues: readonly { start: number; end: number; form: string }[]): number {
  const last = cues[cues.length - 1];
  const previous = cues[cues.length - 2];
  if (!last || !previous || !last.form.endsWith('ing')) return 0;
  const between = /^\s*,\s*$/.exec(body.slice(previous.end, last.start));
  return between ? previous.end + between[0].indexOf(',') : 0;
}

/** '..., said Jo Lin, an analyst, who notes ...': the later cue is in a relative clause after the inverted attribution. */
function withinRelative(body: string, inverted: { start: number; end: number }, later: { start: number }): boolean {
  return /,\s*$/.test(body.slice(Math.max(0, inverted.start - 4), inverted.start)) && relativeAt(body.slice(inverted.end, later.start)) >= 0;
}

/**
 * `CLAUSE, X said.`, `CLAUSE, said X.`, `CLAUSE, union officers told the AP news agency.`: the sentence
 * ends with the attribution, which is short and reports nothing itself.
 */
export const clauseThenSpeaker: StatementParser = {
  name: 'clause-then-speaker',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    for (const [sentence, cues] of sentenceCues(text)) {
      // "..., a Chinese official said, adding that ...": the attribution is the cue before the participle,
      // and it ends at the participle's comma
      const added = addedParticiple(body, cues);
      const last = added ? cues.length - 2 : cues.length - 1;
      const cue = cues[last - 1] && withinRelative(body, cues[last - 1]!, cues[last]!) ? cues[last - 1] : cues[last];
      const end = added ? added : sentence.end;
      if (!cue || cue.info.weak) continue;
      const before = body.slice(Math.max(sentence.start, cue.start - 4), cue.start);
      const inverted = /,\s*$/.test(before);
      // the attribution reports nothing itself: after the cue at most an adjunct, or a listener for "told"
      if (end - cue.end > 300) continue;
      const tail = body.slice(skipAdjuncts(body, cue.end, end), end);
      // a "that" or a quotation after the cue is its content; in a relative clause closing an inverted
      // attribution it is the relative clause's ('..., said Jo Lin, an analyst, who notes that ...')
      const relative = inverted ? relativeAt(tail) : -1;
      if (/\bthat\b|["“]/.test(relative >= 0 ? tail.slice(0, relative) : tail)) continue;
      if (!inverted && wordCount(tail) > (cue.info.frame === 'object' ? 5 : 0) && !TIME_ADJUNCT.test(tail)) continue;
      if (inverted && wordCount(tail) > 20) continue;
      // a participle after a comma continues the sentence's subject (", saying the council had ..."): not inverted
      if (inverted && cue.form.endsWith('ing')) continue;
      const mention = inverted
        ? speakerAfter(body, cue.end, end)
        : speakerBefore(body, sentence.start, cue.start, cue.form);
      if (!mention) continue;
      // "X, who ..., said Trump had ...": a verb after the would-be speaker makes it the subject of a clause
      if (inverted && AUXILIARY.test(body.slice(mention.end, mention.end + 12))) continue;
      // inverted, the speaker phrase runs to the end of the sentence ('..., said Hugh Morgan Williams, chair of ...')
      // ('..., said David Autor, a professor at M.I.T., who is one of ...', '..., said Jo Lin, an analyst at
      // Acme, which ...'): a relative clause may follow it
      const rest = body.slice(mention.end, end);
      if (inverted && wordCount(rest) > 3 && !(RELATIVE.test(rest) && cue.info.frame === 'clause')) continue;
      let comma = inverted ? before.lastIndexOf(',') + cue.start - before.length : mention.start - 1;
      while (comma > sentence.start && /\s/.test(body[comma]!)) comma--;
      if (body[comma] !== ',') continue;
      // a quotation up to the comma is direct speech, which the direct parsers take; one that closes
      // earlier is a partial quote inside the clause ('"Boots on the ground" would be right, X said')
      if (opensQuote(body, sentence.start, sentence.end) && !partialQuote(text, sentence.start, comma)) continue;
      const content = trimSpan(body, sentence.start, comma);
      if (content.end - content.start > MAX_CONTENT || wordCount(body.slice(content.start, content.end)) < 3) continue;
      found.push({
        kind: 'indirect',
        parser: this.name,
        parts: [content],
        start: sentence.start,
        end: sentence.end,
        cue: cue.form,
        cueAt: cue.start,
        mention,
      });
    }
    return found;
  },
};
