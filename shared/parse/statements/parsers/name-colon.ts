import type { ArticleText } from '../text/document.ts';
import { classify } from '../text/mentions.ts';
import { quoteChains } from '../text/quotes.ts';
import { tokenize } from '../text/tokens.ts';
import type { Candidate, Mention, StatementParser } from '../types.ts';

/**
 * The name before the colon, opening its sentence or standing after a dash or "from": "Pew Research: “...”",
 * "... turnout - Michael P. McDonald: “...”", "More from Jones: “...”". Nothing else may stand before it,
 * so a topic ("The message to Iran: ...") is not read as a speaker.
 */
const NAME_BEFORE_COLON = /(?:^|\s[-–—]\s+|\bfrom\s+)((?:(?!\s[-–—]\s|\bfrom\s)[^:;,!?"“”]){1,60}):\s*$/u;
/** How far before the quotation the colon and name may start, in characters. */
const LOOK_BACK = 90;
/** A short name: longer phrases before a colon are the journalist's own words. */
const MAX_NAME_WORDS = 5;

/** `NAME: "..."`: a quotation introduced by its speaker's name and a colon, with no verb. */
export const nameColon: StatementParser = {
  name: 'name-colon',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    for (const chain of quoteChains(text.quotes)) {
      const first = chain[0]!;
      const sentence = text.sentenceAt(first.start);
      if (!sentence || sentence.start === first.start) continue;
      if (!/:\s*$/.test(body.slice(first.start - 3, first.start))) continue;
      // only the words just before the colon: a sentence start further back cannot be the name's
      const from = Math.max(sentence.start, first.start - LOOK_BACK);
      const before = NAME_BEFORE_COLON.exec(body.slice(from, first.start));
      if (!before || (before.index === 0 && from > sentence.start && before[0].startsWith(before[1]!))) continue;
      const nameStart = from + before.index + before[0].indexOf(before[1]!);
      const mention = namedSpeaker(text, nameStart, nameStart + before[1]!.length);
      if (!mention) continue;
      const last = chain[chain.length - 1]!;
      found.push({
        kind: 'direct',
        parser: this.name,
        parts: chain.map((segment) => ({ start: segment.contentStart, end: segment.contentEnd })),
        start: mention.start,
        end: last.end,
        cue: ':',
        cueAt: mention.end,
        mention,
      });
    }
    return found;
  },
};

/** A person's full name, Mr X, or a name of two words or more ("Pew Research"), as the whole phrase. */
function namedSpeaker(text: ArticleText, start: number, end: number): Mention | null {
  const tokens = tokenize(text.body, start, end);
  if (tokens.length === 0 || tokens.length > MAX_NAME_WORDS) return null;
  const mention = classify(text.body, tokens);
  if (!mention || (mention.form !== 'name' && mention.form !== 'honorific')) return null;
  return mention.form === 'honorific' || tokens.length >= 2 ? mention : null;
}
