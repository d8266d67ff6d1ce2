import { paragraphs } from '../text.ts';

// a full stop ends a sentence when a capital (or quote) follows: "Mr. Smith" rarely matters for a lead
const SENTENCE_END = /[.!?]["”’]?(?=\s+["“‘]?\p{Lu})/u;

/** The lead sentence: the first sentence of the first paragraph that is not a heading. */
export function leadSentence(body: string, headings: string[]): string | null {
  const first = paragraphs(body).find((p) => !headings.includes(p.text.trim()));
  if (!first) return null;
  const text = first.text.replace(/\s+/g, ' ').trim();
  const end = SENTENCE_END.exec(text);
  return end ? text.slice(0, end.index + end[0].length) : text;
}
