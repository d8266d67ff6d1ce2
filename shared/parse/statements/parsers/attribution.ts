import type { ArticleText } from '../text/document.ts';

const ABBREVIATION_BEFORE = /\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Rev|Inc|Ltd|Co|Corp|[A-Z])$/;
const CONTINUES_AFTER_DOT = /^[.,]|^\s+\p{Ll}/u;
/** A contrasting clause after a comma has a subject and cue of its own (', but he said he ...'). */
const CONTRAST = /^,\s+(?:but|while|whereas|although|though)\s/;

/**
 * Where an attribution clause that starts at `from` ends: at a full stop (not after "Mr" or an initial),
 * ! ? or ;, where a new quotation opens ('"A," he said, "B."') or a contrasting clause starts ('"A," he
 * said, but he said ...'). Bounded to a few hundred characters.
 */
export function attributionEnd(text: ArticleText, from: number, limit: number): number {
  const { body } = text;
  const stop = Math.min(limit, from + 300);
  for (let at = from; at < stop; at++) {
    const char = body[at]!;
    if (char === '!' || char === '?' || char === ';') return at + 1;
    if (char === ',' && CONTRAST.test(body.slice(at, at + 12))) return at;
    // a full stop before a comma or a lower-case word is an abbreviation ("Sen. McConnell, R-Ky., said")
    if (char === '.' && !ABBREVIATION_BEFORE.test(body.slice(Math.max(from, at - 5), at)) && !CONTINUES_AFTER_DOT.test(body.slice(at + 1, at + 3))) return at + 1;
    if ((char === '"' || char === '“') && at > from && /\s/.test(body[at - 1]!)) return at;
  }
  return stop;
}
