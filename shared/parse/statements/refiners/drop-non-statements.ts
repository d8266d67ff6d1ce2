import { MAX_STATEMENT } from '../limits.ts';
import type { ArticleText } from '../text/document.ts';
import { wordCount } from '../text/tokens.ts';
import type { Candidate, StatementRefiner } from '../types.ts';


/**
 * Quotation marks that do not report speech: scare quotes and nicknames (a short phrase with no
 * speaker), titles of works (mostly capitalized words), phrases the journalist quotes mid-sentence,
 * and anything in a heading. Also drops statements of the journalist ("I", "you").
 */
export const dropNonStatements: StatementRefiner = {
  name: 'drop-non-statements',
  refine(text, candidates) {
    return candidates.filter((candidate) => {
      const length = candidate.parts.reduce((sum, part) => sum + part.end - part.start, 0);
      if (length === 0 || length > MAX_STATEMENT) return false;
      if (inHeading(text, candidate.start)) return false;
      if (candidate.parser === 'unattributed-quote' && !standsAlone(text, candidate)) return false;
      return true;
    });
  },
};

/** An unattributed quotation counts only as a whole quoted sentence of four words or more. */
function standsAlone(text: ArticleText, candidate: Candidate): boolean {
  const { body } = text;
  const words = candidate.parts.map((part) => body.slice(part.start, part.end)).join(' ');
  if (wordCount(words) < 4) return false;
  if (looksLikeTitle(words)) return false;
  const sentence = text.sentenceAt(candidate.start);
  if (!sentence) return false;
  // a quoted phrase inside the journalist's sentence
  if (candidate.start - sentence.start > 3 || body.slice(sentence.start, candidate.start).trim() !== '') return false;
  const last = candidate.parts[candidate.parts.length - 1]!;
  const endsSentence = /[.!?…,—-]['’]?$/.test(body.slice(Math.max(last.start, last.end - 2), last.end));
  const after = body.slice(candidate.end, Math.min(body.length, candidate.end + 3));
  return endsSentence || /^\s*(?:[.!?]|$)/.test(after) || /^\s*\n/.test(after);
}

const LETTER = /\p{L}/u;
const CAPITAL = /^\p{Lu}/u;

/** "The Lord of the Rings", "Harry Potter and the Goblet of Fire": most words capitalized, no full stop. */
function looksLikeTitle(words: string): boolean {
  if (/[.!?]\s*$/.test(words)) return false;
  const list = words.split(/\s+/).filter((w) => LETTER.test(w));
  const capitalized = list.filter((w) => CAPITAL.test(w)).length;
  return capitalized / Math.max(1, list.length) > 0.6;
}

/** A short paragraph without closing punctuation is a heading. */
function inHeading(text: ArticleText, at: number): boolean {
  const paragraph = text.paragraphs[text.paragraphAt(at)];
  if (!paragraph) return false;
  const last = text.body[paragraph.end - 1] ?? '';
  if (/[.!?"”'’)…:]/.test(last)) return false;
  return paragraph.end - paragraph.start < 200;
}
