import { CAPITALIZED_WEEKDAYS } from '../../date-words.ts';
import { ACCORDING_TO } from '../cues.ts';
import type { ArticleText } from '../text/document.ts';
import { sourceAfter } from '../text/mentions.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, Span, StatementParser } from '../types.ts';
import { MAX_CONTENT } from '../limits.ts';
import { trimSpan } from './reporting.ts';

const PATTERN = new RegExp(`\\b(?:${ACCORDING_TO.join('|')})\\b`, 'gi');
/** The longest source phrase after the cue, in characters. */
const MAX_SOURCE = 200;
/** At most this many words before a cue that opens the sentence ("In addition, according to X, ..."). */
const MAX_OPENING_WORDS = 4;
/** At most this many words after the source of a closing cue (", according to a report on Wednesday."). */
const MAX_TRAILING_WORDS = 6;

const DASH = /\s[-–—]\s/g;
const OPEN_ASIDE = /\s[-–—]\s+[^\s\p{Lu}][^-–—]*$/u;
/** A relative clause or an appositive after the source: it says more about the source, not about the clause. */
const RELATIVE_OR_APPOSITIVE = /^\s*(?:,\s*)?(?:who|whose|which|that)\b|^\s*,\s*(?:a|an|the)\s/;
/** A subordinate clause after the source's comma: it qualifies the sentence, not the source ("..., even as ..."). */
const SUBORDINATE = /^\s*,\s*(?:even as|even though|while|whereas|although|though)\s/;
/** Only a connective before an opening cue ("But according to X, ..."). */
const CONNECTIVE_ONLY = /^\s*(?:but|and|yet|so|still|however|now)\s+$/i;
/** When the source spoke, right after it ("a Post poll last week - ..."): still part of the source. */
const SOURCE_TIME = new RegExp(String.raw`^\s*(?:(?:last|this|earlier|on|in)\s+)?(?:week|month|year|${CAPITALIZED_WEEKDAYS.join('|')}|yesterday)\b`, 'u');
/** An aside set off by a dash after the source: "according to the Tax Policy Center - half a point of GDP". */
const APPOSITION = /^\s*[-–—]\s/;

/**
 * `According to X, CLAUSE.`, `In addition, according to X, CLAUSE.` and `CLAUSE, according to X.`: the
 * source stands after the cue; the clause is what the rest of the sentence says.
 */
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
        const before = body.slice(sentence.start, cueStart);
        if (/\(\s*$/.test(before) || /\([^)]*$/.test(before)) continue; // a bracketed aside: a figure's source
        // "..., according to X, ...", or after a colon, which starts a clause of its own ("It has not gone unnoticed: According to polls, ...")
        const opening = before.trim() === '' || /:\s*$/.test(before) || CONNECTIVE_ONLY.test(before) || (/,\s*$/.test(before) && wordCount(before) <= MAX_OPENING_WORDS);
        const comma = body.slice(cueEnd, Math.min(sentence.end, cueEnd + MAX_SOURCE)).indexOf(',');
        if (opening && comma < 0) continue;
        const sourceEnd = opening ? cueEnd + comma : Math.min(sentence.end, cueEnd + MAX_SOURCE);
        const mention = sourceAfter(body, cueEnd, sourceEnd);
        if (!mention) continue;
        let content: Span;
        if (opening) {
          content = trimSpan(body, sourceEnd + 1, sentence.end);
        } else {
          // a comma before the cue (without one it reads "in accordance with": "modelled according to the laws
          // of physics"); after the source at most a few words, or an aside set off by a dash
          // a dash closing an aside counts as the comma ("had 115 violent crimes — including murder — according to")
          if (!/(?:,|\s[-–—])\s*$/.test(body.slice(Math.max(sentence.start, cueStart - 4), cueStart))) continue;
          const rest = body.slice(mention.end, sentence.end).replace(SOURCE_TIME, '');
          // an aside between dashes ("most - 63 percent, according to X - believe"), not a dateline
          // ("MEXICO CITY - The ...") nor a dash inside the clause ("will prosper - but this could ...")
          if ((before.match(DASH) ?? []).length % 2 === 1 && OPEN_ASIDE.test(before) && APPOSITION.test(rest)) continue;
          // the source may run on with a relative clause or an appositive ("a senior official who spoke on
          // the condition of anonymity", "Crowdpac, a political crowdfunding website"), or a subordinate
          // clause follow it, to the sentence end
          const described = (RELATIVE_OR_APPOSITIVE.test(rest) || SUBORDINATE.test(rest)) && sentence.end - mention.end <= MAX_SOURCE;
          if (!APPOSITION.test(rest) && !described && (sentence.end - mention.end > 100 || wordCount(rest) > MAX_TRAILING_WORDS)) continue;
          content = trimSpan(body, sentence.start, cueStart);
        }
        if (content.end - content.start > MAX_CONTENT || wordCount(body.slice(content.start, content.end)) < 3) continue;
        found.push({
          kind: 'indirect',
          parser: this.name,
          parts: [content],
          start: sentence.start,
          end: sentence.end,
          cue: match[0].toLowerCase(),
          mention,
        });
      }
    }
    return found;
  },
};
