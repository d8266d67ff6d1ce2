/**
 * Declared languages (HTML lang, meta tags, JSON-LD, front matter). Apart from language.ts so that the
 * format readers, which the web view also loads, do not pull in franc's trigram profiles with it.
 */

/** A declared language tag in canonical form (`en_us` → `en-US`), or null when it is not a language tag. */
export function normalizeLanguageTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
    return canonical && canonical !== 'und' ? canonical : null;
  } catch {
    return null;
  }
}
