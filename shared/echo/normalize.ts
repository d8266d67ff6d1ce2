import { foldName } from '../model/ids.ts';

/**
 * Every apostrophe and single quote mark as one character: foldName drops that one, so "don’t", "don‘t",
 * "donʼt" and "don't" all read "dont", and a word's closing ’ is no word of its own.
 */
const APOSTROPHES = /[‘’‚‛′`´ʹʻʼʽˈ＇]/g;

/**
 * The words of a statement as an echo compares them: Unicode NFKC, case folded (upper then lower case, so
 * "ß" and "SS" meet), accents folded and punctuation dropped by foldName, quote marks of every kind gone,
 * whitespace collapsed. Two copies of one quote, re-punctuated or re-typed, normalize alike.
 */
export function normalizeForEcho(text: string): string {
  return foldName(text.normalize('NFKC').toUpperCase().toLowerCase().replace(APOSTROPHES, "'"));
}
