import type { Span } from '../types.ts';

export interface Token extends Span {
  text: string;
  /** Lower case, trailing full stop removed ("Mr." → "mr"). */
  lower: string;
}

// A word (letters/digits joined by apostrophes, hyphens, dots or &) or one punctuation mark that matters
// for phrase boundaries. Only ever run on short windows (a few hundred characters).
const TOKEN = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}](?:[\p{L}\p{N}&'’.-]*[\p{L}\p{N}])?\.?|[,;:()[\]"“”—–]|(?<=\s)-(?=\s)/gu;

/** Tokens of body[start, end). */
export function tokenize(body: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  const slice = body.slice(start, end);
  for (const match of slice.matchAll(TOKEN)) {
    let text = match[0];
    // a full stop ends the sentence, not the word, unless the word is an abbreviation ("Mr.", "U.S.")
    if (text.length > 1 && text.endsWith('.') && !/^(?:\p{L}\.)+$|^(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Rev|Inc|Ltd|Co|Corp)\.$/u.test(text)) {
      text = text.slice(0, -1);
    }
    tokens.push({ text, start: start + match.index, end: start + match.index + text.length, lower: text.toLowerCase().replace(/\.$/, '') });
  }
  return tokens;
}

export const isPunctuation = (token: Token) => !/[\p{L}\p{N}]/u.test(token.text[0]!);
export const isCapitalized = (token: Token) => /^[\p{Lu}\p{N}]/u.test(token.text);
/** "EA", "CBI", "TfL": an acronym names an organisation. */
export const isAcronym = (token: Token) => /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}[\p{Lu}]*$/u.test(token.text) && token.text.length <= 6;
/** Word count of a stretch of body, for length rules. */
export const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []).length;
