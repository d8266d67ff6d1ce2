/**
 * What names an article that has no title: the first words of its text, cut with an ellipsis, so a list
 * shows something a reader can recognise instead of "Untitled". Pure, so the store (which keeps it on the
 * items that name an article: statements, mentions) and the web view (which derives it from the stored
 * summary) agree.
 */

/** Enough to recognise an article by, short enough for one line of a list. */
const WORDS = 10;
/** A word can be a URL or a run of unspaced text: the whole stays short anyway. */
const MAX_CHARS = 80;
const TRAILING_PUNCTUATION = /[\s.,;:!?…\-–—"'“”‘’(]+$/u;

/** The first words of `text`, ending with "…"; null when it has no words. */
export function firstWords(text: string | null | undefined): string | null {
  const words = (text ?? '').split(/\s+/u).filter((word) => word !== '');
  if (words.length === 0) return null;
  let lead = words.slice(0, WORDS).join(' ');
  if (lead.length > MAX_CHARS) lead = [...lead].slice(0, MAX_CHARS).join('');
  lead = lead.replace(TRAILING_PUNCTUATION, '');
  return lead === '' ? null : `${lead}…`;
}
