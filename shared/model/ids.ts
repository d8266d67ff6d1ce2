import { createHash } from 'node:crypto';

// Module constants: esbuild turns a \p{…} literal into `new RegExp(…)`, rebuilt on every call if written
// inside the function, and foldName runs for every name the parser and the store look at.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’']/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents and punctuation folded: "Erdoğan" and "erdogan" compare equal. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}

/** URL-safe slug of a folded name: the canonical id of a speaker or entity ("recep-tayyip-erdogan"). */
export function slugId(name: string): string {
  return foldName(name).replace(/ /g, '-') || 'unknown';
}

/**
 * An article's id derives from where it came from (bucket + key, and its index when one object holds
 * several articles), so that re-uploading the same key replaces the same article.
 */
export function articleId(source: string, index = 0): string {
  const digest = createHash('sha256').update(`${source}#${index}`).digest('base64url');
  return digest.slice(0, 16);
}

/**
 * A statement's id: its article's id and its place among the article's statements ("<articleId>-<n>", n from
 * 0). A re-upload that finds the same statements in the same order keeps the ids; the store keys a
 * statement by the same place, so the id alone finds it in the article's current version.
 */
export function statementId(article: string, index: number): string {
  return `${article}-${index}`;
}

/** The article id and place a statement id names, or null when it names none ("abc", "abc-x", "-1"). */
export function parseStatementId(id: string): { articleId: string; index: number } | null {
  const match = /^(.+)-(0|[1-9]\d{0,5})$/.exec(id);
  return match ? { articleId: match[1]!, index: Number(match[2]) } : null;
}
