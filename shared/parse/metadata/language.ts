import { data } from 'franc-min/data.js';
import { expressions } from 'franc-min/expressions.js';

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

// Enough text to tell languages apart; the time grows with the sample.
const SAMPLE_CHARS = 300;
/** Shorter samples are not worth a guess (franc's `minLength`). */
const MIN_SAMPLE_CHARS = 20;
/** What franc adds to a language's distance for a trigram its profile lacks. */
const MISSING_TRIGRAM = 300;

/**
 * franc's trigram profiles of the languages of one script, inverted: for each trigram, the languages whose
 * profile holds it and its rank there. franc looks every trigram of the sample up in every language's profile
 * (44 for Latin script), which made it most of a text article's parse; this looks each trigram up once.
 */
interface ScriptProfiles {
  languages: string[];
  /** trigram → its number, the index of its postings */
  ids: Map<string, number>;
  /** per trigram number: [language index, rank, language index, rank, …] */
  postings: number[][];
  /** Per trigram number, its count in the sample being read; zero between reads (reused: no allocation). */
  counts: Int32Array;
  /**
   * The trigrams of lower-case ASCII letters and spaces (most of a Latin-script sample) by their code
   * (`denseCode`): the trigram's number, or -1 when no profile holds it. Looked up without building a string.
   */
  dense: Int32Array;
  /** Per dense code, the read in which an unknown trigram was last seen: counts each unknown once per read. */
  denseSeen: Int32Array;
}

/** Characters of a dense trigram: space and a–z, as 0 and 1–26. */
const DENSE_BASE = 27;
const DENSE_SIZE = DENSE_BASE ** 3;
/** The code of a space or a lower-case ASCII letter, or -1. */
const denseChar = (code: number): number => (code === 32 ? 0 : code >= 97 && code <= 122 ? code - 96 : -1);
/** Numbers the reads, for `denseSeen`. */
let readNumber = 0;

/**
 * A script's profiles, built when a sample in that script is first read, not at module load: most articles
 * are in Latin script and never need the others' (a third of franc's trigrams), and an article whose language
 * is declared may need none.
 */
const PROFILES = new Map<string, ScriptProfiles>();

function profilesOf(script: string): ScriptProfiles | undefined {
  let profiles = PROFILES.get(script);
  const languages = Object.hasOwn(data, script) ? data[script] : undefined;
  if (profiles === undefined && languages !== undefined) {
    profiles = buildProfiles(languages);
    PROFILES.set(script, profiles);
  }
  return profiles;
}

function buildProfiles(languages: Record<string, string>): ScriptProfiles {
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  Object.values(languages).forEach((profile, language) => {
    const ranked = profile.split('|');
    // franc keeps a trigram listed twice at its better (lower) rank
    const seen = new Set<string>();
    ranked.forEach((trigram, rank) => {
      if (seen.has(trigram)) return;
      seen.add(trigram);
      let id = ids.get(trigram);
      if (id === undefined) {
        ids.set(trigram, (id = postings.length));
        postings.push([]);
      }
      postings[id]!.push(language, rank);
    });
  });
  const dense = new Int32Array(DENSE_SIZE).fill(-1);
  for (const [trigram, id] of ids) {
    const codes = [...trigram].map((char) => (char.length === 1 ? denseChar(char.charCodeAt(0)) : -1));
    if (codes.length === 3 && codes.every((code) => code >= 0)) dense[(codes[0]! * DENSE_BASE + codes[1]!) * DENSE_BASE + codes[2]!] = id;
  }
  return { languages: Object.keys(languages), ids, postings, counts: new Int32Array(postings.length), dense, denseSeen: new Int32Array(DENSE_SIZE) };
}

/** The body's language as an ISO 639-1 code, or null when the text is too short or the language unknown. */
export function detectLanguage(body: string): string | null {
  return ISO_639_1[francLanguage(body)] ?? null;
}

/**
 * The body's language as franc-min names it (ISO 639-3, `und` when it cannot tell): exactly what
 * `franc(body.slice(0, 300), { minLength: 20 })` answers (a test holds it to that), several times faster.
 */
export function francLanguage(body: string): string {
  const sample = body.slice(0, SAMPLE_CHARS);
  if (sample.length < MIN_SAMPLE_CHARS) return 'und';
  const [script, share] = topScript(sample);
  const profiles = profilesOf(script);
  if (profiles) return closestLanguage(sample, profiles);
  // a script only one language is written in (Hangul, Thai…) names its language
  return share > 0 ? script : 'und';
}

/** The script most of the sample is written in, and its share; the first listed wins a tie, as in franc. */
function topScript(sample: string): [string, number] {
  let top = '';
  let topShare = -1;
  for (const [script, expression] of Object.entries(expressions)) {
    const share = (sample.match(expression)?.length ?? 0) / sample.length;
    if (share > topShare) {
      top = script;
      topShare = share;
    }
  }
  return [top, topShare];
}

/**
 * franc's measure: per distinct trigram of the sample, |count − rank − 1| when the language's profile holds
 * it, else 300; the smallest total wins, the first listed on a tie (franc sorts stably).
 */
function closestLanguage(sample: string, { languages, ids, postings, counts, dense, denseSeen }: ScriptProfiles): string {
  // one look-up per trigram of the sample: known trigrams are counted by number, the others only told apart
  const clean = cleanSample(sample);
  const known: number[] = [];
  const unknown = new Set<string>();
  let unknownDense = 0;
  const read = ++readNumber;
  // the dense codes of the trigram's first two characters (-1: not dense), moved along as i advances
  let first = clean.length > 0 ? denseChar(clean.charCodeAt(0)) : -1;
  let second = clean.length > 1 ? denseChar(clean.charCodeAt(1)) : -1;
  for (let i = 0; i + 3 <= clean.length; i++) {
    const third = denseChar(clean.charCodeAt(i + 2));
    if (first >= 0 && second >= 0 && third >= 0) {
      const code = (first * DENSE_BASE + second) * DENSE_BASE + third;
      const id = dense[code]!;
      if (id >= 0) {
        if (counts[id]!++ === 0) known.push(id);
      } else if (denseSeen[code] !== read) {
        denseSeen[code] = read;
        unknownDense++;
      }
    } else {
      const trigram = clean.slice(i, i + 3);
      const id = ids.get(trigram);
      if (id === undefined) unknown.add(trigram);
      else if (counts[id]!++ === 0) known.push(id);
    }
    first = second;
    second = third;
  }
  const distances = new Int32Array(languages.length).fill((known.length + unknown.size + unknownDense) * MISSING_TRIGRAM);
  for (const id of known) {
    const list = postings[id]!;
    const count = counts[id]!;
    for (let i = 0; i < list.length; i += 2) {
      distances[list[i]!]! += Math.abs(count - list[i + 1]! - 1) - MISSING_TRIGRAM;
    }
    counts[id] = 0;
  }
  let best = 0;
  for (let i = 1; i < distances.length; i++) if (distances[i]! < distances[best]!) best = i;
  return languages[best] ?? 'und';
}

/** The sample as franc (trigram-utils) cleans it for trigrams: ASCII punctuation and digits out, spaces collapsed, lower case, padded. */
function cleanSample(sample: string): string {
  return ` ${sample.replace(/[\u0021-\u0040]+/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase()} `;
}
