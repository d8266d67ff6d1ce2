/**
 * A text folded for name matching, with the way back to the text as written: lower case, accents gone,
 * every run of other characters (spaces, punctuation, apostrophes, quote marks) one space. Folded char i came
 * from text[from[i], to[i]), so a match in the folded text is a span of the original, accents and all.
 *
 * Apostrophes separate words here, where foldName drops them: "Erdoğan's" must still end the name "Erdogan",
 * and "O'Brien" folds to "o brien" on both sides, so it still meets itself.
 */
export interface FoldedText {
  text: string;
  from: number[];
  to: number[];
}

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LETTERS_OR_DIGITS = /^[\p{L}\p{N}]+$/u;
const MARK = /^\p{M}$/u;

/** A folded non-ASCII code point: its letters, '' for a combining mark (it belongs to the letter before), ' ' for the rest. */
const foldedChars = new Map<string, string>();

function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    const letters = char.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
    folded = LETTERS_OR_DIGITS.test(letters) ? letters : MARK.test(char) ? '' : ' ';
    foldedChars.set(char, folded);
  }
  return folded;
}

export function foldText(original: string): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    // ASCII, nearly every character of an English article, without a Map lookup
    let folded: string;
    let width = 1;
    if (code < 128) {
      folded = (code >= 48 && code <= 57) || (code >= 97 && code <= 122) ? original[i]! : code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ' ';
    } else {
      const char = String.fromCodePoint(original.codePointAt(i)!);
      width = char.length;
      folded = foldChar(char);
    }
    if (folded === '') {
      // a combining mark written apart from its letter: the letter's span grows to hold it
      if (text.length > 0 && text[text.length - 1] !== ' ') to[to.length - 1] = i + width;
    } else if (folded !== ' ' || (text.length > 0 && text[text.length - 1] !== ' ')) {
      text += folded;
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(i + width);
      }
    }
    i += width;
  }
  return { text, from, to };
}
