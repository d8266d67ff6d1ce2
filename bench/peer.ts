import nlp from 'compromise';

/**
 * The peer the parser is compared with: compromise, a general-purpose rule-based NLP library, asked for
 * the same two things (quotations and people) over the same texts. Returns how many of each it found,
 * so the work cannot be optimised away.
 */
export function peerExtract(texts: readonly string[]): { quotations: number; people: number } {
  let quotations = 0;
  let people = 0;
  for (const text of texts) {
    const doc = nlp(text);
    quotations += doc.quotations().length;
    people += doc.people().length;
  }
  return { quotations, people };
}
