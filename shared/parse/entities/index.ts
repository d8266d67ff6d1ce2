import type { Entity, EntityType, Span } from '../../model/article.ts';
import { foldName, slugId } from '../../model/ids.ts';
import { PLACE_WORDS_FROM, PLACES } from './gazetteer.ts';
import {
  COMMON_ACRONYMS, COMPASS_WORDS, DATE_WORDS, DATE_WORDS_NEAR_NUMBERS, FUNCTION_WORDS, INSTITUTION_CONNECTORS,
  LOCATION_NOUNS, LOCATION_PREPOSITIONS, LOCATION_WORDS, NAME_CONNECTORS, NAME_SUFFIXES, ORGANIZATION_NOUNS,
  ORGANIZATION_WORDS, PERSON_ROLES, PERSON_TITLES,
} from './lexicon.ts';

interface Token {
  text: string;
  start: number;
  end: number;
  capitalized: boolean;
  sentenceStart: boolean;
  /** Written "Baku's" or "UK-based": the name ends here. */
  endsName: boolean;
}

/** One mention with the type its own evidence gives and how strong that evidence is. */
interface Mention {
  span: Span;
  /** Canonical name when known (a gazetteer entry), else the surface form. */
  name: string;
  type: EntityType;
  strength: number;
}

// How sure a mention is of its type: a gazetteer entry or a title beats a neighbouring word, which beats a guess.
const GAZETTEER = 5;
const OWN_WORDS = 4;
const ACRONYM = 3;
const CONTEXT = 2;
/** A role word right before a person's name: more than the name's own last word ("Green") says about it. */
const ROLE_BEFORE = 4.5;
const GUESS = 1;

// "in May", "since March": month names that are also names or words read as months after these
const DATE_PREPOSITIONS = new Set(['in', 'since', 'until', 'by', 'from', 'last', 'next', 'early', 'late', 'mid', 'of']);

const WORD = /[\p{L}\p{N}]+(?:[-’'&][\p{L}\p{N}]+)*/gu;
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]+(?:[-’'][\p{Lu}\p{Ll}][\p{Ll}\p{M}]*)*$|^(?:Mc|Mac|O’|O')\p{Lu}\p{Ll}+$/u;
const INITIALS = /^\p{Lu}{1,2}$/u;
const ACRONYM_WORD = /^\p{Lu}[\p{Lu}\d&]{1,5}$/u;
const CAPITAL = /^\p{Lu}/u;
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;
/** "personal video recorder (PVR)": an abbreviation after lower-case words. */
const SPELLED_OUT = /\p{Ll}\s+\(([^()\s]+)\)/gu;
const SPACES = /^\s+$/;

/**
 * People, organisations and places named in a body: capitalised names found by their shape, typed by the
 * gazetteer, their own words (Ministry, Corridor), titles (President) and neighbours (in …, … district), and
 * merged across surface forms (Erdogan → Recep Tayyip Erdogan; Azeri, Azerbaijani → Azerbaijan).
 */
export function findEntities(body: string): Entity[] {
  const tokens = tokenize(body);
  const lowerWords = new Set<string>();
  const midSentence = new Set<string>();
  for (const token of tokens) {
    if (!token.capitalized) lowerWords.add(token.text);
    else if (!token.sentenceStart) midSentence.add(token.text);
  }
  const mentions: Mention[] = [];
  for (const run of nameRuns(tokens, body, lowerWords)) {
    const only = run.first === run.last ? tokens[run.first]! : null;
    // a lone capitalised word opening a sentence is a name only if the text also capitalises it elsewhere
    if (only?.sentenceStart && !isPlaceWord(only.text) && !midSentence.has(only.text)) continue;
    classify(run, tokens, body, mentions);
  }
  return merge(mentions);
}

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  for (const m of body.matchAll(WORD)) {
    let text = m[0];
    const start = m.index;
    const suffix = possessive(text) ? text.length - 2 : text.includes('-') ? (NAME_SUFFIXES.exec(text)?.index ?? -1) : -1;
    if (suffix >= 0) text = text.slice(0, suffix);
    tokens.push({
      text,
      start,
      end: start + text.length,
      capitalized: CAPITAL.test(text),
      sentenceStart: opensSentence(body, start),
      endsName: suffix >= 0,
    });
  }
  return tokens;
}

/** "Baku's", "Jones'": ends in 's after an apostrophe. */
function possessive(word: string): boolean {
  const apostrophe = word[word.length - 2];
  return word.endsWith('s') && (apostrophe === '’' || apostrophe === "'");
}

/** Whether the text before `start` (spaces, quote marks and brackets aside) ends a sentence or a paragraph. */
function opensSentence(body: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && ' "“”‘’\'()'.includes(body[i]!)) i--;
  return i < 0 || '.!?:;\n'.includes(body[i]!);
}

/** Runs of capitalised words (with connectors inside, "Bank of Ireland") that only spaces separate. */
function nameRuns(tokens: Token[], body: string, lowerWords: Set<string>): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = [];
  // one space, nothing else, between two words
  const spaced = (a: Token, b: Token): boolean => b.start === a.end + 1 && body[a.end] === ' ';
  const isNumber = (t: Token | undefined) => Boolean(t && /^\d/.test(t.text));
  const isDate = (i: number) =>
    DATE_WORDS.has(tokens[i]!.text) ||
    (DATE_WORDS_NEAR_NUMBERS.has(tokens[i]!.text) &&
      (isNumber(tokens[i - 1]) || isNumber(tokens[i + 1]) || DATE_PREPOSITIONS.has(tokens[i - 1]?.text ?? '')));
  const isName = (i: number) => tokens[i]!.capitalized && tokens[i]!.text.length > 1 && !isDate(i);
  let i = 0;
  while (i < tokens.length) {
    if (!isName(i)) {
      i++;
      continue;
    }
    let first = i;
    let last = i;
    while (!tokens[last]!.endsName && last + 1 < tokens.length) {
      const next = tokens[last + 1]!;
      if (!spaced(tokens[last]!, next)) break;
      if (isName(last + 1)) {
        last++;
        continue;
      }
      // a connector joins only when a name word follows it: "Bank of Ireland", not "Ireland of course"
      const after = tokens[last + 2];
      if (NAME_CONNECTORS.has(next.text) && after && isName(last + 2) && spaced(next, after)) {
        last += 2;
        continue;
      }
      break;
    }
    i = last + 1;
    // function words ("If", "The") and sentence-initial ordinary words ("However", "Imposition") open no name
    while (
      first <= last &&
      (FUNCTION_WORDS.has(tokens[first]!.text) ||
        (tokens[first]!.sentenceStart && isOrdinaryWord(tokens[first]!.text, lowerWords)))
    ) {
      first++;
      while (first <= last && !tokens[first]!.capitalized) first++;
    }
    if (first <= last) runs.push(...splitAtAnd(tokens, first, last));
  }
  return runs;
}

/**
 * "and" joins two names ("Brian and Seamus", "PS3 and Xbox") more often than it sits inside one: the run is
 * kept whole only when it is a gazetteer place ("Bosnia and Herzegovina") or ends in an organisation word.
 */
function splitAtAnd(tokens: Token[], first: number, last: number): Array<{ first: number; last: number }> {
  const words = tokens.slice(first, last + 1).map((t) => t.text);
  if (!words.includes('and') || PLACES.has(words.join(' ')) || ORGANIZATION_WORDS.has(words.at(-1)!)) {
    return [{ first, last }];
  }
  const runs: Array<{ first: number; last: number }> = [];
  let start = first;
  for (let i = first; i <= last + 1; i++) {
    if (i === last + 1 || tokens[i]!.text === 'and') {
      if (i > start) runs.push({ first: start, last: i - 1 });
      start = i + 1;
    }
  }
  return runs;
}

/** A gazetteer word, or places joined by hyphens ("Armenia-Azerbaijan"). */
const isPlaceWord = (word: string): boolean =>
  PLACES.has(word) || (word.includes('-') && word.split('-').every((part) => PLACES.has(part)));

function isOrdinaryWord(word: string, lowerWords: Set<string>): boolean {
  if (isPlaceWord(word)) return false;
  return FUNCTION_WORDS.has(word) || lowerWords.has(word.toLowerCase());
}

function classify(run: { first: number; last: number }, tokens: Token[], body: string, out: Mention[]): void {
  new RunTyping(run.first, run.last, tokens, body, out).classify();
}

/**
 * Types one run of capitalised words into mentions. A class rather than closures inside classify: it runs
 * for every name of every article, and tsx (the benchmarks) re-names each closure it creates.
 */
class RunTyping {
  private readonly words: Token[];
  private readonly texts: string[];

  constructor(
    private readonly first: number,
    last: number,
    private readonly tokens: Token[],
    private readonly body: string,
    private readonly out: Mention[],
  ) {
    this.words = tokens.slice(first, last + 1);
    this.texts = this.words.map((w) => w.text);
  }

  classify(): void {
    const { texts, words, out } = this;
    const whole = texts.join(' ');
    // "UN General Assembly", "Allied Irish Banks": an organisation (and any place its name holds)
    if (ORGANIZATION_WORDS.has(texts.at(-1)!)) return this.organization();
    // "Irish Transport Minister Martin Cullen": a place before the title, a person after it
    const title = texts.findLastIndex((t) => PERSON_TITLES.has(t));
    if (title >= 0) {
      if (title > 0) this.places(0, title - 1);
      // "President of France" names an office, and France
      if (NAME_CONNECTORS.has(texts[title + 1] ?? '')) this.places(title + 1, texts.length - 1);
      else if (title < texts.length - 1) this.add(title + 1, texts.length - 1, 'person', OWN_WORDS);
      return;
    }
    // "Opposition councillor Tom Green": a name-shaped run right after a lower-case role is a person, even
    // when its last word is also a place word
    if (this.afterRole() && !PLACES.has(whole)) return this.add(0, texts.length - 1, 'person', ROLE_BEFORE);
    // "Bank of Ireland", "Ambuja Cement India Ltd"
    if (!PLACES.has(whole) && texts.some((t) => ORGANIZATION_WORDS.has(t))) return this.organization();
    const placeWords = LOCATION_WORDS.has(texts.at(-1)!) || LOCATION_WORDS.has(texts[0]!) || COMPASS_WORDS.has(texts[0]!);
    if (texts.length > 1 && placeWords && !PLACES.has(whole)) {
      this.add(0, texts.length - 1, 'location', OWN_WORDS);
      return;
    }
    // "Transport for London": an institution named after what it is for or of (and the place it names)
    if (texts.slice(1, -1).some((t) => INSTITUTION_CONNECTORS.has(t)) && !PLACES.has(whole)) {
      this.add(0, texts.length - 1, 'organization', CONTEXT);
      this.places(0, texts.length - 1);
      return;
    }
    // Gazetteer entries inside the run ("Karabakh Armenians", "Armenia-Azerbaijan") split it; the rest is typed by context.
    let rest = 0;
    for (let i = 0; i < texts.length; ) {
      const place = longestPlace(texts, i);
      if (place) {
        if (i > rest) this.byContext(rest, i - 1);
        this.add(i, place.end, 'location', GAZETTEER, place.name);
        i = place.end + 1;
        rest = i;
      } else if (isPlaceWord(texts[i]!)) {
        if (i > rest) this.byContext(rest, i - 1);
        let offset = words[i]!.start;
        for (const part of texts[i]!.split('-')) {
          out.push({ span: { start: offset, end: offset + part.length, text: part }, name: PLACES.get(part)!.name, type: 'location', strength: GAZETTEER });
          offset += part.length + 1;
        }
        i++;
        rest = i;
      } else i++;
    }
    if (rest < texts.length) this.byContext(rest, texts.length - 1);
  }

  private add(from: number, to: number, type: EntityType, strength: number, name?: string): void {
    const { start } = this.words[from]!;
    const { end } = this.words[to]!;
    const span: Span = { start, end, text: this.body.slice(start, end) };
    this.out.push({ span, name: name ?? span.text, type, strength });
  }

  private organization(): void {
    this.add(0, this.texts.length - 1, 'organization', OWN_WORDS);
    this.places(0, this.texts.length - 1);
  }

  private places(from: number, to: number): void {
    for (let i = from; i <= to; ) {
      const place = longestPlace(this.texts, i, to);
      if (place) {
        this.add(i, place.end, 'location', GAZETTEER, place.name);
        i = place.end + 1;
      } else i++;
    }
  }

  private afterRole(): boolean {
    const { texts } = this;
    const before = this.tokens[this.first - 1];
    if (!before || before.capitalized || !PERSON_ROLES.has(before.text) || !this.adjacent(before, true, 0, texts.length - 1)) return false;
    return texts.length >= 2 && texts.length <= 4 && texts.every((w) => NAME_WORD.test(w));
  }

  /** Whether only white space separates the token from words[from] (before) or words[to] (after). */
  private adjacent(token: Token | undefined, before: boolean, from: number, to: number): boolean {
    if (!token) return false;
    const gap = before ? this.body.slice(token.end, this.words[from]!.start) : this.body.slice(this.words[to]!.end, token.start);
    return SPACES.test(gap);
  }

  private byContext(from: number, to: number): void {
    const { words, texts, tokens, body } = this;
    // connectors left at the edges once places are split off: "Armenia and Azerbaijan" leaves "and"
    while (from <= to && !words[from]!.capitalized) from++;
    while (to >= from && !words[to]!.capitalized) to--;
    if (from > to) return;
    const part = texts.slice(from, to + 1);
    const previous = tokens[this.first + from - 1];
    const next = tokens[this.first + to + 1];
    if (part.length === 1 && ACRONYM_WORD.test(part[0]!)) {
      if (isCommonAcronym(part[0]!, body)) return;
      return this.add(from, to, 'organization', ACRONYM);
    }
    if (part.length === 1 && PLURAL_ACRONYM.test(part[0]!)) return; // "PVRs": a plural thing
    if (this.adjacent(next, false, from, to) && LOCATION_NOUNS.has(next!.text)) return this.add(from, to, 'location', CONTEXT);
    const afterPrevious = this.adjacent(previous, true, from, to);
    if (afterPrevious && ORGANIZATION_NOUNS.has(previous!.text)) return this.add(from, to, 'organization', CONTEXT);
    if (afterPrevious && PERSON_ROLES.has(previous!.text)) return this.add(from, to, 'person', CONTEXT);
    if (afterPrevious && LOCATION_PREPOSITIONS.has(previous!.text)) return this.add(from, to, 'location', CONTEXT);
    const nameLike = part.every((w, i) => NAME_WORD.test(w) || (i === 0 && INITIALS.test(w) && part.length > 1));
    if (part.length >= 2 && part.length <= 4 && nameLike) return this.add(from, to, 'person', GUESS);
    // a lone or odd-shaped name in news is most often a company or body ("Telewest", "Eircom")
    return this.add(from, to, 'organization', GUESS);
  }
}

/** "TV", or an abbreviation the text spells out in lower case ("personal video recorder (PVR)"). */
function isCommonAcronym(acronym: string, body: string): boolean {
  return COMMON_ACRONYMS.has(acronym) || spelledOutAcronyms(body).has(acronym);
}

// One pass over the body, remembered for the body being read: searching it again for every acronym
// mention would make a long text quadratic.
let spelledOut: { body: string; acronyms: Set<string> } | null = null;

/** Acronyms the text introduces after lower-case words: "personal video recorder (PVR)". */
function spelledOutAcronyms(body: string): Set<string> {
  if (spelledOut?.body !== body) {
    const acronyms = new Set([...body.matchAll(SPELLED_OUT)].map((match) => match[1]!));
    spelledOut = { body, acronyms };
  }
  return spelledOut.acronyms;
}

function longestPlace(texts: string[], start: number, limit = texts.length - 1): { end: number; name: string } | null {
  const most = PLACE_WORDS_FROM.get(texts[start]!);
  if (!most) return null;
  for (let end = Math.min(limit, start + most - 1); end >= start; end--) {
    const place = PLACES.get(texts.slice(start, end + 1).join(' '));
    if (place) return { end, name: place.name };
  }
  return null;
}

/** Mentions → entities: same canonical name merged, short person names folded into the full name they end. */
function merge(mentions: Mention[]): Entity[] {
  const groups = new Map<string, Mention[]>();
  // a name is mentioned many times: fold each once
  const folded = new Map<string, string>();
  for (const mention of mentions) {
    let key = folded.get(mention.name);
    if (key === undefined) folded.set(mention.name, (key = foldName(mention.name)));
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  // the strongest evidence decides (one "Karabakh region" outweighs two bare "Karabakh"), then the count
  const typeOf = (group: Mention[]): EntityType => {
    const score = new Map<EntityType, number>();
    for (const m of group) score.set(m.type, Math.max(score.get(m.type) ?? 0, m.strength * 1000) + 1);
    return [...score].sort((a, b) => b[1] - a[1])[0]![0];
  };
  // "Erdogan" and "Mr Erdogan" belong to "Recep Tayyip Erdogan" when exactly one person's full name ends so
  const people = [...groups].filter(([key, g]) => key.includes(' ') && typeOf(g) === 'person');
  // full names by their first and by their last word
  const byEndWord = new Map<string, Array<Mention[]>>();
  for (const [full, group] of people) {
    const words = full.split(' ');
    for (const word of new Set([words[0]!, words.at(-1)!])) {
      const owners = byEndWord.get(word);
      if (owners) owners.push(group);
      else byEndWord.set(word, [group]);
    }
  }
  for (const [key, group] of [...groups]) {
    if (key.includes(' ') || group.some((m) => m.strength === GAZETTEER)) continue;
    const owners = byEndWord.get(key);
    if (owners?.length === 1) {
      owners[0]!.push(...group.map((m) => ({ ...m, type: 'person' as const })));
      groups.delete(key);
    }
  }
  const entities: Entity[] = [];
  for (const group of groups.values()) {
    const type = typeOf(group);
    const name = canonicalName(group);
    const aliases = [...new Set(group.map((m) => m.span.text))].filter((a) => a !== name);
    const spans = group.map((m) => m.span).sort((a, b) => a.start - b.start);
    entities.push({ id: slugId(name), name, type, aliases, count: spans.length, mentions: spans });
  }
  return entities.sort((a, b) => b.count - a.count || a.mentions[0]!.start - b.mentions[0]!.start);
}

/** A gazetteer's name when there is one, else the longest surface form (the full name of a person). */
function canonicalName(group: Mention[]): string {
  const known = group.find((m) => m.strength === GAZETTEER);
  if (known) return known.name;
  return group.map((m) => m.name).reduce((best, n) => (n.split(' ').length > best.split(' ').length ? n : best));
}
