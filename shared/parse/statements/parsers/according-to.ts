import { ACCORDING_TO } from '../cues.ts';
import type { ArticleText } from '../text/document.ts';
import { speakerAfter } from '../text/mentions.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, StatementParser } from '../types.ts';
import { MAX_CONTENT, trimSpan } from './reporting.ts';

const PATTERN = new RegExp(`\\b(?:${ACCORDING_TO.join('|')})\\b`, 'gi');

/** `According to X, CLAUSE.` and `CLAUSE, according to X.` */
export const accordingTo: StatementParser = {
  name: 'according-to',
  extract(text: ArticleText) {
    const found: Candidate[] = [];
    const { body } = text;
    for (const sentence of text.sentences) {
      for (const match of body.slice(sentence.start, sentence.end).matchAll(PATTERN)) {
        const cueStart = sentence.start + match.index;
        const cueEnd = cueStart + match[0].length;
        const quote = text.quoteAt(cueStart);
        if (quote && cueStart >= quote.contentStart && cueStart < quote.contentEnd) continue;
        const leading = cueStart - sentence.start < 4 && body.slice(sentence.start, cueStart).trim() === '';
        const comma = body.slice(cueEnd, Math.min(sentence.end, cueEnd + 200)).indexOf(',');
        const sourceEnd = leading ? cueEnd + comma : sentence.end;
        if ((leading && comma < 0) || sourceEnd - cueEnd > 200) continue;
        const mention = speakerAfter(body, cueEnd, sourceEnd);
        if (!mention) continue;
        const content = leading
          ? trimSpan(body, sourceEnd + 1, sentence.end)
          : trimSpan(body, sentence.start, cueStart);
        if (!leading && !/,\s*$/.test(body.slice(Math.max(sentence.start, cueStart - 4), cueStart))) continue;
        if (!leading && (sentence.end - mention.end > 100 || wordCount(body.slice(mention.end, sentence.end)) > 6)) continue;
        if (content.end - content.start > MAX_CONTENT || wordCount(body.slice(content.start, content.end)) < 3) continue;
        found.push({
          kind: 'indirect',
          parser: this.name,
          parts: [content],
          start: sentence.start,
          end: sentence.end,
          cue: 'according to',
          mention,
        });
      }
    }
    return found;
  },
};
