import { paragraphs } from '../text.ts';

const MAX_HEADING_WORDS = 14;
const OPENS_CAPITALIZED = /^["“‘'(]?[\p{Lu}\p{N}]/u;
const CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;

/**
 * In-body subheadings of a text article: a one-line paragraph between paragraphs that is short, starts with a
 * capital, and does not end like a sentence (a question can be a heading: "What triggered the clashes?").
 */
export function detectHeadings(body: string): string[] {
  const paras = paragraphs(body);
  const headings: string[] = [];
  paras.forEach((p, i) => {
    if (i === 0 || i === paras.length - 1) return;
    const next = paras[i + 1]!.text;
    // a line broken mid-sentence is followed by its lower-case continuation
    if (isHeadingLike(p.text) && !isHeadingLike(next) && OPENS_CAPITALIZED.test(next)) {
      headings.push(p.text.trim());
    }
  });
  return headings;
}

function isHeadingLike(text: string): boolean {
  const line = text.trim();
  if (line.includes('\n') || line.length > 120) return false;
  const words = line.split(/\s+/);
  if (words.length < 2 || words.length > MAX_HEADING_WORDS) return false;
  if (!CAPITAL_OR_DIGIT.test(line)) return false;
  // "The men's 800m went to form in Sheffield as" is half a sentence
  if (/\b(?:a|an|the|and|or|but|of|to|in|on|at|as|by|for|with|from|that|which|who|is|are|was|were)$/i.test(line)) {
    return false;
  }
  // sentences end with a full stop, colon, comma or a closing quote; headings do not
  return !/[.:;,!"”’')\]…]$/.test(line);
}
