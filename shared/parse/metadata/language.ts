import { franc } from 'franc-min';

/** ISO 639-3 codes franc-min can answer, as ISO 639-1 (all of them have one except the few left out). */
const ISO_639_1: Record<string, string> = {
  amh: 'am', arb: 'ar', azj: 'az', bel: 'be', ben: 'bn', bos: 'bs', bul: 'bg', ces: 'cs', ckb: 'ku', cmn: 'zh',
  deu: 'de', ell: 'el', eng: 'en', fra: 'fr', fuv: 'ff', guj: 'gu', hau: 'ha', hin: 'hi', hrv: 'hr', hun: 'hu',
  ibo: 'ig', ind: 'id', ita: 'it', jav: 'jv', jpn: 'ja', kan: 'kn', kaz: 'kk', kin: 'rw', kor: 'ko', lin: 'ln',
  mal: 'ml', mar: 'mr', mya: 'my', nld: 'nl', npi: 'ne', nya: 'ny', pan: 'pa', pbu: 'ps', pes: 'fa', plt: 'mg',
  pol: 'pl', por: 'pt', qug: 'qu', ron: 'ro', run: 'rn', rus: 'ru', sin: 'si', som: 'so', spa: 'es', srp: 'sr',
  sun: 'su', swe: 'sv', swh: 'sw', tam: 'ta', tel: 'te', tgl: 'tl', tha: 'th', tur: 'tr', ukr: 'uk', urd: 'ur',
  uzn: 'uz', vie: 'vi', yor: 'yo', zlm: 'ms', zul: 'zu', zyb: 'za',
};

// Enough text to tell languages apart; franc's time grows with the sample and is most of a text article's parse.
const SAMPLE_CHARS = 300;

/** The body's language as an ISO 639-1 code, or null when the text is too short or the language unknown. */
export function detectLanguage(body: string): string | null {
  const code = franc(body.slice(0, SAMPLE_CHARS), { minLength: 20 });
  return ISO_639_1[code] ?? null;
}

/** A declared language tag in canonical form (`en_us` → `en-US`), or null when it is not a language tag. */
export function normalizeLanguageTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'));
    return canonical && canonical !== 'und' ? canonical : null;
  } catch {
    return null;
  }
}
