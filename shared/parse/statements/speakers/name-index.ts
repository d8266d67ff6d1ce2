import type { Entity } from '../../../model/article.ts';
import type { SpeakerType } from '../../../model/statement.ts';
import { foldName } from '../../../model/ids.ts';
import { WEEKDAYS } from '../../date-words.ts';
import type { ArticleText } from '../text/document.ts';
import { GROUP_NOUNS, HONORIFICS, NAME_PARTICLES, ORG_NOUNS, PERSON_ROLES, isPlace } from '../words.ts';

interface Named {
  name: string;
  at: number;
}

export type Gender = 'male' | 'female';
const HONORIFIC_GENDER: Record<string, Gender> = { mr: 'male', sir: 'male', lord: 'male', mrs: 'female', ms: 'female', miss: 'female', lady: 'female', dame: 'female' };

/** A person named at the start of a sentence: the likely antecedent of a following he/she. */
interface Subject extends Named {
  gender?: Gender;
  /** A single word: counts only when the article gives a full name ending with it. */
  surnameOnly?: boolean;
}

/** Capitalized words that open sentences or clauses rather than names. */
const NOT_NAME_START = new Set([
  'the', 'a', 'an', 'but', 'and', 'however', 'in', 'on', 'at', 'for', 'when', 'while', 'as', 'after', 'if', 'this',
  'that', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'its', 'our', 'there', 'what', 'with', 'by',
  'from', 'of', 'to', 'so', 'yet', 'since', 'before', 'last', 'next', 'speaking', 'according', 'meanwhile', 'although',
  ...WEEKDAYS, 'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'during', 'until',
]);

/** Before a sentence's subject there is no punctuation and no lower-case word but articles and roles. */
const BEFORE_SUBJECT = new Set(['the', 'a', 'an', 'former', 'new', 'acting', 'shadow', 'deputy', 'but', 'and', 'however', 'meanwhile', 'also', 'now', 'then']);
const LOWER_WORD = /\b\p{Ll}[\p{Ll}-]*/gu;
function onlySubjectWords(text: string): boolean {
  if (/[,;:"“]/.test(text)) return false;
  return (text.match(LOWER_WORD) ?? []).every((word) => BEFORE_SUBJECT.has(word) || PERSON_ROLES.has(word) || PERSON_ROLES.has(word.split('-').pop()!));
}

// A run of capitalized words, possibly joined by one particle ("Bank of England"). Each repetition starts
// with white space and then a capital or a particle, so the pattern cannot backtrack badly.
const CAPITALIZED_RUN = /\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:of|the|for|de|van|von|bin|al|la|le|du|da|di)[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*)*/gu;
const ACRONYM = /\((\p{Lu}[\p{Lu}\p{Ll}]{1,6})\)/gu;
/** The capitalized words right before an acronym in brackets: "Electronic Arts (EA)". */
const DEFINED_BEFORE = /(\p{Lu}[\p{L}-]+(?:[ \t]+(?:of[ \t]+|for[ \t]+|and[ \t]+)?\p{Lu}[\p{L}-]+)+)[ \t]*$/u;
/** Up to four words ending in a lower-case one right before a name: "Tory leader", "the shadow home secretary,". */
const ROLE_BEFORE = /((?:[\p{L}'’-]+ ){0,3}[\p{Ll}-]+),? $/u;
const LOWER_OR_HYPHEN = /[\p{Ll}-]/u;

/**
 * The last hyphen part of the lower-case word that ends right before `at` (then an optional comma and one
 * space): the role ROLE_BEFORE would find there, read without the pattern, which tries every start.
 */
function lastWordBefore(body: string, at: number): string {
  const floor = Math.max(0, at - 50);
  let end = at;
  if (end <= floor || body[end - 1] !== ' ') return '';
  end--;
  if (end > floor && body[end - 1] === ',') end--;
  let start = end;
  while (start > floor && LOWER_OR_HYPHEN.test(body[start - 1]!)) start--;
  return body.slice(start, end).split('-').pop()!;
}

/** The index of the last item positioned before `at` in a list sorted by position, or -1: a binary search. */
function lastIndexBefore(sorted: readonly Named[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.at < at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

const SHORT_ACRONYM = /^\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}$/u;
const ALL_CAPITALS = /^\p{Lu}{2,}$/u;

/**
 * What the article tells about names: full personal names by surname ("Erdogan" → "Recep Tayyip
 * Erdogan"), roles given before names ("Irish Transport Minister" → "Martin Cullen"), acronyms defined
 * in brackets ("Electronic Arts (EA)") and, when the caller found them, its entities.
 */
export class NameIndex {
  /** Each distinct name once, at its first mention: a long article repeats names thousands of times. */
  private readonly bySurname = new Map<string, Map<string, number>>();
  /** Every personal name mention, by position, built once for lastPersonBefore. */
  private people: Named[] | undefined;
  private readonly titled: { title: string; name: string; at: number }[] = [];
  private readonly acronyms = new Map<string, string>();
  private readonly entityByAlias = new Map<string, Entity>();
  private readonly subjects: Subject[] = [];
  private readonly allPeople: Named[] = [];
  private readonly organizations: Named[] = [];
  private readonly genderBySurname = new Map<string, Gender>();

  private readonly body: string;
  /** Folded forms of the names looked at: the same few names are folded again and again. */
  private readonly folded = new Map<string, string>();

  constructor(text: ArticleText, entities: Entity[] = []) {
    const { body } = text;
    this.body = body;
    for (const match of body.matchAll(ACRONYM)) {
      const defined = DEFINED_BEFORE.exec(body.slice(Math.max(0, match.index - 80), match.index));
      if (defined) this.acronyms.set(match[1]!, defined[1]!);
    }
    // The first person named early in a sentence, before any comma, is taken as its subject
    // ("Lib Dem home affairs spokesman Mark Oaten has branded ...").
    let subjectSentence = -1;
    for (const match of body.matchAll(CAPITALIZED_RUN)) {
      const sentence = text.sentenceAt(match.index);
      const quote = text.quoteAt(match.index);
      const quoted = !!quote && match.index >= quote.contentStart && match.index < quote.contentEnd;
      const early = !!sentence && !quoted && sentence.start !== subjectSentence && match.index - sentence.start < 60 && onlySubjectWords(body.slice(sentence.start, match.index));
      if (this.addRun(match[0], match.index, early) && sentence) subjectSentence = sentence.start;
    }
    for (const entity of entities) {
      for (const alias of [entity.name, ...entity.aliases]) this.entityByAlias.set(this.fold(alias), entity);
      if (entity.type === 'person') this.addPerson(entity.name, entity.mentions[0]?.start ?? 0);
    }
  }

  /** Indexes one capitalized run; true when it named a person. */
  private addRun(run: string, at: number, sentenceInitial: boolean): boolean {
    this.addOrganization(run, at);
    if (!/[ \t]/.test(run)) {
      // one word names nobody in full, but a surname opening a sentence is its subject ("Collins ran ...")
      if (sentenceInitial && !NOT_NAME_START.has(run.toLowerCase())) this.subjects.push({ name: run, at, surnameOnly: true });
      return false;
    }
    let words = run.split(/[ \t]+/);
    // "Tuesday Mr Ebbers", "Chancellor Mr Brown": what follows an honorific inside the run is the name
    const inner = words.findIndex((w, i) => i > 0 && HONORIFICS.has(w.toLowerCase().replace(/\.$/, '')));
    if (inner > 0) {
      at += words.slice(0, inner).join(' ').length + 1;
      words = words.slice(inner);
    }
    while (words.length && NOT_NAME_START.has(words[0]!.toLowerCase())) {
      at += words[0]!.length + 1;
      words.shift();
    }
    const gender = HONORIFIC_GENDER[words[0]?.toLowerCase().replace(/\.$/, '') ?? ''];
    if (gender && words.length >= 2) {
      const surname = words[words.length - 1]!.replace(/['’]s$/, '');
      this.genderBySurname.set(this.fold(surname), gender);
      if (sentenceInitial) this.subjects.push({ name: surname, at, gender });
      return true;
    }
    let roleEnd = -1;
    words.forEach((word, i) => { if (PERSON_ROLES.has(word.toLowerCase().split('-').pop()!)) roleEnd = i; });
    const name = words.slice(roleEnd + 1);
    if (roleEnd >= 0 && name.length >= 2) this.titled.push({ title: words.slice(0, roleEnd + 1).join(' '), name: name.join(' '), at });
    // "Tory leader Michael Howard", "the shadow home secretary, David Davis": a lower-case role just before
    if (roleEnd < 0 && name.length >= 2 && name.length <= 4 && PERSON_ROLES.has(lastWordBefore(this.body, at))) {
      const before = ROLE_BEFORE.exec(this.body.slice(Math.max(0, at - 50), at));
      const role = before?.[1]?.split(' ').pop()?.split('-').pop();
      if (before && role && PERSON_ROLES.has(role)) this.titled.push({ title: before[1]!, name: name.join(' '), at });
    }
    const person = this.addPerson(name.join(' '), at);
    if (person && sentenceInitial) this.subjects.push({ name: name.join(' '), at });
    return person;
  }

  /** Organisations named in the text ("National Audit Office", "MoD"), for an "it said" with no earlier speaker. */
  private addOrganization(run: string, at: number) {
    const words = run.split(/[ \t]+/).filter((w) => !NOT_NAME_START.has(w.toLowerCase()));
    if (words.length === 0 || words.length > 6) return;
    const name = words.join(' ');
    const acronym = words.length === 1 && SHORT_ACRONYM.test(name) && name.length <= 6;
    if (acronym || (words.length > 1 && words.some((w) => ORG_NOUNS.has(w.toLowerCase())))) {
      if (!isPlace(name)) this.organizations.push({ name: this.acronyms.get(name) ?? name, at });
    }
  }

  /** The last organisation named before `at`. */
  lastOrganizationBefore(at: number): string | undefined {
    return this.organizations[lastIndexBefore(this.organizations, at)]?.name;
  }

  /** Gender the article gives a name by Mr/Mrs/Ms before its surname, if any. */
  genderOf(name: string): Gender | undefined {
    return this.genderBySurname.get(this.fold(name.split(/\s+/).pop() ?? ''));
  }

  /** The last person named at a sentence start before `at` whose known gender does not contradict `gender`. */
  lastSubjectBefore(at: number, gender: Gender): Named | undefined {
    for (let i = lastIndexBefore(this.subjects, at); i >= 0; i--) {
      const subject = this.subjects[i]!;
      const known = subject.gender ?? this.genderOf(subject.name);
      if (known && known !== gender) continue;
      const full = this.fullName(subject.name, at);
      if (subject.surnameOnly && !full) continue;
      return { name: full ?? subject.name, at: subject.at };
    }
    return undefined;
  }

  /** Registers a personal name; false when the words cannot be one. */
  private addPerson(name: string, at: number): boolean {
    const words = name.split(/\s+/).filter(Boolean);
    if (words.length < 2 || words.length > 4) return false;
    if (HONORIFICS.has(words[0]!.toLowerCase().replace(/\.$/, '')) && !/^(?:sir|lord|lady|dame)$/i.test(words[0]!)) return false;
    if (isPlace(name) || words.some((w) => ORG_NOUNS.has(w.toLowerCase()) || GROUP_NOUNS.has(w.toLowerCase()) || NAME_PARTICLES.has(w.toLowerCase()))) return false;
    if (words.some((w) => ALL_CAPITALS.test(w) || /['’]s$/.test(w))) return false;
    const surname = this.fold(words[words.length - 1]!);
    const names = this.bySurname.get(surname) ?? new Map<string, number>();
    names.set(name, Math.min(at, names.get(name) ?? at));
    this.bySurname.set(surname, names);
    this.allPeople.push({ name, at });
    this.people = undefined;
    return true;
  }

  /** The most complete personal name ending with `name`'s last word, preferring ones written before `at`. */
  fullName(name: string, at: number): string | undefined {
    const words = name.split(/\s+/);
    const options = this.bySurname.get(this.fold(words[words.length - 1]!)) ?? new Map<string, number>();
    const folded = this.fold(name);
    const fits = [...options].filter(([option]) => this.fold(option).endsWith(folded));
    const earlier = fits.filter(([, first]) => first < at);
    const pool = earlier.length ? earlier : fits;
    return pool.reduce<string | undefined>((best, [option]) => (!best || option.length > best.length ? option : best), undefined);
  }

  /** The last personal name before `at`, for a pronoun with no earlier speaker. */
  lastPersonBefore(at: number): string | undefined {
    // entities are added after the text's runs, so mentions arrive out of order; sort once (stable: the first
    // added wins among mentions at one position)
    this.people ??= [...this.allPeople].sort((a, b) => a.at - b.at);
    const before = lastIndexBefore(this.people, at);
    if (before < 0) return undefined;
    return this.people[lastIndexBefore(this.people, this.people[before]!.at) + 1]!.name;
  }

  /** The name last given with a role containing `role` ("minister" → "Martin Cullen"). */
  byRole(role: string, at: number): { name: string; title: string } | undefined {
    const wanted = role.toLowerCase();
    let best: { title: string; name: string; at: number } | undefined;
    for (const entry of this.titled) {
      if (entry.at < at && entry.title.toLowerCase().split(/\s+/).includes(wanted) && (!best || entry.at > best.at)) best = entry;
    }
    return best;
  }

  private fold(name: string): string {
    let folded = this.folded.get(name);
    if (folded === undefined) this.folded.set(name, (folded = foldName(name)));
    return folded;
  }

  acronym(name: string): string | undefined {
    return this.acronyms.get(name);
  }

  entity(name: string): { name: string; type: SpeakerType } | undefined {
    const entity = this.entityByAlias.get(this.fold(name));
    return entity ? { name: entity.name, type: entity.type } : undefined;
  }
}
