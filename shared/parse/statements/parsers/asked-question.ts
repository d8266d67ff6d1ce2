import { MAX_CONTENT } from '../limits.ts';
import type { ArticleText, Sentence } from '../text/document.ts';
import { speakerAfter, speakerBefore } from '../text/mentions.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, Mention, StatementParser } from '../types.ts';
import { trimSpan } from './reporting.ts';

/**
 * "asked" with no subject of its own, where the question is the statement: at the sentence start ("Asked
 * whether ..."), after "when"/"if"/"after being", or after a comma ('"...," McCain said, asked about ...').
 * Then optionally "by X" (the asker) and a few words, then the question: a wh-clause, "about ..." or "to ...".
 */
const ASKED = /(?:^|(?:\b(?:when|whenever|if|once|after being|before being)|,)\s+)(?:(?:also|later|again|repeatedly)\s+)?[Aa]sked\b(?!\s+not\b)(?:\s+by\s+([^,]{1,80}?))?(?:\s+[\p{L}\p{N}.'’-]+){0,4}?\s+(?=(?:whether|if|how|why|what|who|whom|which|when|where|about|to)\s)/gu;
/**
 * The question runs to the first comma, semicolon, colon or dash (the answer or an aside
 * follows), else the sentence end.
 */
const QUESTION_END = /[,;:]|\s[-–—]\s/;

/** Who asked when the article does not say: the statement is the question, its asker is unnamed. */
const UNNAMED_ASKER = 'a reporter';

/** `Asked whether ..., X said`, `X said when asked about ...`, `Asked by Y to ..., X said`: the question put to a speaker. */
export const askedQuestion: StatementParser = {
  name: 'asked-question',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    // only the sentences that hold "asked": one scan of the body finds them
    const sentences = new Set<Sentence>();
    for (let at = body.indexOf('sked'); at >= 0; at = body.indexOf('sked', at + 4)) {
      const sentence = text.sentenceAt(at);
      if (sentence) sentences.add(sentence);
    }
    for (const sentence of sentences) {
      const words = body.slice(sentence.start, sentence.end);
      for (const match of words.matchAll(ASKED)) {
        const askedAt = sentence.start + match.index + match[0].search(/[Aa]sked/);
        const quote = text.quoteAt(askedAt);
        if (quote && askedAt >= quote.contentStart && askedAt < quote.contentEnd) continue;
        const from = sentence.start + match.index + match[0].length;
        const stop = QUESTION_END.exec(body.slice(from, sentence.end));
        const end = stop ? from + stop.index : sentence.end;
        // a comma closes the question itself; any other end may come after the answer's speaker and cue
        const content = trimSpan(body, from, stop?.[0] === ',' ? end : answerStart(text, from, end));
        if (content.end - content.start > MAX_CONTENT || wordCount(body.slice(content.start, content.end)) < 2) continue;
        const by = match[1] ? body.indexOf(match[1], askedAt) : -1;
        const mention = (by >= 0 ? speakerAfter(body, by, by + match[1]!.length) : null) ?? unnamedAsker(askedAt);
        found.push({ kind: 'indirect', parser: this.name, parts: [content], start: askedAt, end: content.end, cue: 'asked', cueAt: askedAt, mention });
      }
    }
    return found;
  },
};

/**
 * Where the answer starts when no comma closes the question ("Asked whether she was nervous she said: ...",
 * "Asked about it Mr Johnson told the BBC ..."): at the speaker of the first cue with one; else `end`.
 */
function answerStart(text: ArticleText, from: number, end: number): number {
  for (const cue of text.cuesBetween(from, end)) {
    const speaker = speakerBefore(text.body, from, cue.start, cue.info.form);
    if (speaker) return speaker.start;
  }
  return end;
}

function unnamedAsker(at: number): Mention {
  return { start: at, end: at, text: UNNAMED_ASKER, form: 'unnamed', name: UNNAMED_ASKER, title: null, type: 'unknown' };
}
