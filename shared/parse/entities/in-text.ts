import type { Entity } from '../../model/article.ts';
import { foldName } from '../../model/ids.ts';
import type { StatementEntity } from '../../model/statement.ts';
import { NAME_OPENING_PARTICLES } from './lexicon.ts';

interface Form {
  words: string[];
  id: string;
}

/** A word of a text: where it is, and whether it is all ASCII (folding it is then just lower-casing it). */
interface Word {
  start: number;
  end: number;
  ascii: boolean;
}

/** A non-ASCII letter, digit or combining mark (a mark written apart from its letter stays in the word). */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UPPER_CASE = /[\p{Lu}\p{Lt}]/u;
const LOWER_CASE = /^\p{Ll}/u;

/**
 * The words of a text: runs of letters and digits; spaces, punctuation, apostrophes and hyphens separate
 * them. A scan by character code rather than a Unicode regex: it runs on every statement, and nearly every
 * character of an English article is ASCII.
 */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  let ascii = true;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const inWord = code < 128 ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122) : WORD_CHAR.test(text[i]!);
    if (inWord) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code >= 128) ascii = false;
    } else if (start >= 0) {
      words.push({ start, end: i, ascii });
      start = -1;
    }
  }
  return words;
}

/**
 * Lower case, accents dropped, as names are folded everywhere (`foldName`): "Erdoğan" and "ERDOGAN" fold alike.
 * An ASCII word (letters and digits only) is just lower-cased: `foldName` would give the same, at some ten
 * times the cost (its Unicode normalisation and regexes), and every word of every statement is folded.
 */
function fold(text: string, word: Word): string {
  const written = text.slice(word.start, word.end);
  return word.ascii ? written.toLowerCase() : foldName(written);
}

/** Whether a text has a capital letter: a name written all in lower case is a word ("us", "may"). */
function hasCapital(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 ? code >= 65 && code <= 90 : UPPER_CASE.test(text[i]!)) return true;
  }
  return false;
}

/**
 * Finds an article's entities inside short texts (a statement's words): every surface form the article gives
 * an entity (its name and aliases), matched on whole words, case and accents aside ("Erdogan" meets
 * "Erdoğan", "TURKEY" meets "Turkey"), longest first ("New York University" over "New York"), never
 * overlapping. Text is matched rather than the body's mention offsets carried over because a statement's
 * text is not always a piece of the body (split quotes are joined, an indirect statement loses its quote marks).
 *
 * Apostrophes and hyphens separate words on both sides, so "Erdoğan's" still holds the name "Erdogan" and
 * "O'Brien" meets "O’Brien". A name opens with a capital, or with a particle or a word with a capital inside
 * ("al-Assad", "de Gaulle", "van der Leyen", "eBay"); another word in lower case opens a phrase, not a name
 * ("make America great again" holds the name "America", whatever entity the slogan was taken for). A match
 * with no capital letter at all is a word, not a name ("us" is not the US, "may" not Theresa May). The forms
 * are indexed once per article by their first word, so each text costs one pass over its characters and a
 * lookup per word that may open a name.
 */
export function entitiesInText(entities: readonly Entity[]): (text: string) => StatementEntity[] {
  // built on the first text: many articles have no statement to look in
  let byFirstWord: Map<string, Form[]> | undefined;
  return (text) => {
    byFirstWord ??= indexForms(entities);
    if (byFirstWord.size === 0) return [];
    const words = wordsOf(text);
    // folded when first needed: most words of a text are in lower case and open no name
    const folded: Array<string | undefined> = [];
    const foldedAt = (k: number) => (k < words.length ? (folded[k] ??= fold(text, words[k]!)) : undefined);
    const found: StatementEntity[] = [];
    for (let at = 0; at < words.length; at++) {
      const { start, end: wordEnd } = words[at]!;
      const code = text.charCodeAt(start);
      const lowerCase = (code >= 97 && code <= 122) || LOWER_CASE.test(text[start]!);
      if (lowerCase && !hasCapital(text, start, wordEnd) && !NAME_OPENING_PARTICLES.has(foldedAt(at)!)) continue;
      const form = byFirstWord.get(foldedAt(at)!)?.find((f) => f.words.every((word, k) => foldedAt(at + k) === word));
      if (!form) continue;
      const end = words[at + form.words.length - 1]!.end;
      if (!hasCapital(text, start, end)) continue;
      found.push({ id: form.id, start, end });
      at += form.words.length - 1;
    }
    return found;
  };
}

/** Every surface form of every entity, as folded words, by its first word, longest first. */
function indexForms(entities: readonly Entity[]): Map<string, Form[]> {
  const byFirstWord = new Map<string, Form[]>();
  const seen = new Set<string>();
  // entities come most-mentioned first: a form two entities share goes to the one the article names most
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const words = wordsOf(name).map((word) => fold(name, word));
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      const forms = byFirstWord.get(words[0]!);
      if (forms) forms.push({ words, id: entity.id });
      else byFirstWord.set(words[0]!, [{ words, id: entity.id }]);
    }
  }
  for (const forms of byFirstWord.values()) forms.sort((a, b) => b.words.length - a.words.length);
  return byFirstWord;
}
