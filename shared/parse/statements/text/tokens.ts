import type { Span } from '../types.ts';

export interface Token extends Span {
  text: string;
  /** Lower case, trailing full stop removed ("Mr." → "mr"). */
  lower: string;
}

// A word (letters/digits joined by apostrophes, hyphens, dots or &) or one punctuation mark that matters
// for phrase boundaries. Only ever run on short windows (a few hundred characters).
const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}](?:[\p{L}\p{N}&'’.-]*[\p{L}\p{N}])?\.?|[,;:()[\]"“”—–]|(?<=\s)-(?=\s)/gu;
/** Words whose full stop is their own: initials ("U.S.") and abbreviations ("Mr."). */
const ABBREVIATED = /^(?:\p{L}\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Rev|Inc|Ltd|Co|Corp)\.$/u;
// Unicode-property patterns are module constants: esbuild (tsx, the Lambda bundle) turns a literal
// written inside a function into `new RegExp(...)`, built again on every call.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CAPITALIZED = /^[\p{Lu}\p{N}]/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}[\p{Lu}]*$/u;
const COUNTED_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Tokens of body[start, end). */
export function tokenize(body: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = body.slice(start, end);
  for (const match of slice.matchAll(TOKEN)) {
    let text = match[0];
    // a full stop ends the sentence, not the word, unless the word is an abbreviation ("Mr.", "U.S.")
    if (text.length > 1 && text.endsWith('.') && !ABBREVIATED.test(text)) {
      text = text.slice(0, -1);
    }
    tokens.push({ text, start: start + match.index, end: start + match.index + text.length, lower: text.toLowerCase().replace(/\.$/, '') });
  }
  return tokens;
}

export const isPunctuation = (token: Token) => !WORD_CHAR.test(token.text[0]!);
export const isCapitalized = (token: Token) => CAPITALIZED.test(token.text);
/** "EA", "CBI", "TfL": an acronym names an organisation. */
export const isAcronym = (token: Token) => ACRONYM.test(token.text) && token.text.length <= 6;
/** Word count of a stretch of body, for length rules. */
export const wordCount = (text: string) => (text.match(COUNTED_WORD) ?? []).length;
