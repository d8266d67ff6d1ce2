import { COUNTRY_ROWS, REGIONS } from './gazetteer-data.ts';

export interface Place {
  /** Canonical name: the country's name for its names and demonyms, else the capital's. */
  name: string;
  kind: 'country' | 'demonym' | 'capital' | 'region';
}

// What the English-language press writes and world-countries does not list (it follows each country's
// preferred form, e.g. Türkiye): the first name given here becomes the canonical name.
const PRESS_FORMS: Record<string, { names?: string[]; demonyms?: string[] }> = {
  TR: { names: ['Turkey'] },
  AZ: { demonyms: ['Azeri'] },
  US: { names: ['US'] },
};

/** Plurals the press uses for demonyms: Armenians, Azerbaijanis (not "Frenchs"). */
const plural = (demonym: string): string[] => (/[ni]$/.test(demonym) ? [demonym, `${demonym}s`] : [demonym]);

/** Surface form (case as written) → place; built once per process. */
export const PLACES: ReadonlyMap<string, Place> = (() => {
  const places = new Map<string, Place>();
  const add = (form: string, place: Place) => {
    if (!places.has(form)) places.set(form, place);
  };
  for (const [code, common, names, demonyms, capitals] of COUNTRY_ROWS) {
    const press = PRESS_FORMS[code];
    const name = press?.names?.[0] ?? common;
    for (const form of [name, common, ...(press?.names ?? []), ...names]) add(form, { name, kind: 'country' });
    for (const demonym of [...demonyms, ...(press?.demonyms ?? [])]) {
      for (const form of plural(demonym)) add(form, { name, kind: 'demonym' });
    }
    for (const capital of capitals) add(capital, { name: capital, kind: 'capital' });
  }
  for (const region of REGIONS) add(region, { name: region, kind: 'region' });
  return places;
})();

/**
 * First word of a gazetteer form → the most words a form starting with it has ("South" → 3 for "South
 * Georgia and..."), to bound the look-ahead when matching: most words start no place at all.
 */
export const PLACE_WORDS_FROM: ReadonlyMap<string, number> = (() => {
  const most = new Map<string, number>();
  for (const form of PLACES.keys()) {
    const words = form.split(' ');
    most.set(words[0]!, Math.max(most.get(words[0]!) ?? 0, words.length));
  }
  return most;
})();
