import type { Entity } from '../../model/article.ts';
import type { StatementEntity } from '../../model/statement.ts';
import { foldText } from './folded-text.ts';

interface Form {
  folded: string;
  id: string;
}

const LOWER_CASE = /^\p{Ll}/u;

/**
 * Finds an article's entities inside short texts (a statement's words): every surface form the article gives
 * an entity (its name and aliases), matched on whole words, case and accents aside ("Erdogan" meets
 * "Erdoğan", "TURKEY" meets "Turkey"), longest first ("New York University" over "New York"), never
 * overlapping. Text is matched rather than the body's mention offsets carried over because a statement's
 * text is not always a piece of the body (split quotes are joined, an indirect statement loses its quote marks).
 *
 * A match written in lower case is not a name but a word ("us" is not the US, "may" not Theresa May).
 * The forms are indexed once per article by their first word, so each text costs one fold and a lookup per word.
 */
export function entitiesInText(entities: readonly Entity[]): (text: string) => StatementEntity[] {
  // built on the first text: many articles have no statement to look in
  let byFirstWord: Map<string, Form[]> | undefined;
  return (text) => {
    byFirstWord ??= indexForms(entities);
    if (byFirstWord.size === 0) return [];
    const { text: folded, from, to } = foldText(text);
    const found: StatementEntity[] = [];
    let at = 0;
    while (at < folded.length) {
      let space = folded.indexOf(' ', at);
      if (space < 0) space = folded.length;
      const form = byFirstWord.get(folded.slice(at, space))?.find((f) => wholeWordsAt(folded, f.folded, at));
      if (form && !LOWER_CASE.test(text.slice(from[at]!, to[at]!))) {
        const end = at + form.folded.length;
        found.push({ id: form.id, start: from[at]!, end: to[end - 1]! });
        space = end;
      }
      at = space + 1;
    }
    return found;
  };
}

/** Every surface form of every entity, folded, by its first word, longest first. */
function indexForms(entities: readonly Entity[]): Map<string, Form[]> {
  const byFirstWord = new Map<string, Form[]>();
  const seen = new Set<string>();
  // entities come most-mentioned first: a form two entities share goes to the one the article names most
  for (const entity of entities) {
    for (const name of [entity.name, ...entity.aliases]) {
      const folded = foldText(name).text.trimEnd();
      if (folded === '' || seen.has(folded)) continue;
      seen.add(folded);
      const space = folded.indexOf(' ');
      const first = space < 0 ? folded : folded.slice(0, space);
      const forms = byFirstWord.get(first);
      if (forms) forms.push({ folded, id: entity.id });
      else byFirstWord.set(first, [{ folded, id: entity.id }]);
    }
  }
  for (const forms of byFirstWord.values()) forms.sort((a, b) => b.folded.length - a.folded.length);
  return byFirstWord;
}

function wholeWordsAt(folded: string, form: string, at: number): boolean {
  const end = at + form.length;
  return folded.startsWith(form, at) && (end === folded.length || folded[end] === ' ');
}
