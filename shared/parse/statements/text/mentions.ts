import type { SpeakerType } from '../../../model/statement.ts';
import { WEEKDAYS } from '../../date-words.ts';
import { cueInfo } from '../cues.ts';
import type { Mention } from '../types.ts';
import {
  DESCRIBED_SPEAKERS, GROUP_NOUNS, GROUP_PRONOUNS, HONORIFICS, NAME_PARTICLES, ORG_NOUNS, PERSON_PRONOUNS, PERSON_ROLES,
  SOURCE_DOCUMENTS, THING_PRONOUNS, isPlace,
} from '../words.ts';
import { type Token, isAcronym, isCapitalized, isPunctuation, tokenize } from './tokens.ts';

/** How far a speaker phrase may reach from its cue, in characters. */
const WINDOW = 200;
const MAX_WORDS = 12;

/** Words that end a speaker phrase when walking back from the cue: a new clause starts there. */
const CLAUSE_WORDS = new Set([
  'that', 'after', 'when', 'while', 'as', 'because', 'but', 'although', 'though', 'if', 'since', 'before',
  'where', 'which', 'who', 'whom', 'whose', 'so', 'than', 'until', 'unless', 'whether', 'what', 'how', 'why',
  'whereas', 'whilst', 'once', 'or', 'nor', 'said', 'says', 'told',
]);

/** "went on to say", "is expected to tell", "continues to insist": the only words before "to" that still report speech. */
const BEFORE_TO = new Set(['on', 'expected', 'due', 'likely', 'set', 'going', 'about', 'able', 'continues', 'continued', 'continue']);

/** Between a speaker and the cue: auxiliaries and adverbs ("has also said", "will later tell"), and "to" with the words before it. */
const BETWEEN_WORDS = new Set([
  'also', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'might', 'shall', 'should', 'must',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'later', 'previously', 'earlier', 'recently',
  'repeatedly', 'then', 'further', 'again', 'publicly', 'privately', 'reportedly', 'allegedly', 'already',
  'today', 'yesterday', 'subsequently', 'now', 'just', 'still', 'duly', 'openly', 'separately', 'simply',
  'initially', 'originally', 'firmly', 'strongly', 'clearly', 'flatly', 'angrily', 'frankly', 'once',
  'always', 'often', 'frequently', 'consistently', 'famously', 'effectively', 'explicitly', 'similarly',
  'likewise', 'too', 'went', 'soon', 'even', 'long', 'since',
  // "Ford itself said", "Cruz himself said", "they all vowed": an intensifier or quantifier after the speaker
  'himself', 'herself', 'itself', 'themselves', 'all',
  // "is expected to say", "continues to insist"
  'to', ...BEFORE_TO,
]);
const BE_FORMS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);
const NEGATIONS = /^(?:not|never|n't|cannot|didn't|doesn't|don't|won't|wouldn't|hasn't|haven't|hadn't|isn't|wasn't|couldn't)$/;

/** Sentence openers and time phrases that stand before the speaker ("However, on Wednesday the minister said"). */
const LEADING_WORDS = new Set([
  'however', 'but', 'and', 'so', 'meanwhile', 'now', 'also', 'yet', 'still', 'instead', 'separately', 'earlier',
  'later', 'previously', 'today', 'yesterday', 'tonight', 'overall', 'indeed', 'elsewhere', 'there', 'here',
  'then', 'finally', 'moreover', 'furthermore', 'similarly', 'likewise', 'nonetheless', 'nevertheless',
  'recently', 'subsequently', 'initially', 'originally', 'afterwards', 'thus', 'hence', 'again', 'both',
]);
const TIME_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'last', 'this', 'next', 'early', 'late', 'by', 'over', 'since', 'from', 'until', 'for', 'earlier', 'later']);
/** A weekday alone before the speaker, with no preposition: "Wednesday the minister said" ("yesterday" is a leading word). */
const DAY_WORDS: ReadonlySet<string> = new Set(WEEKDAYS);
const TIME_WORDS = new Set([
  ...WEEKDAYS, 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'year', 'years',
  'week', 'weeks', 'month', 'months', 'day', 'days', 'morning', 'afternoon', 'evening', 'night', 'weekend',
  'time', 'the', 'a', 'recent', 'past', 'summer', 'winter', 'spring', 'autumn', 'season', 'last', 'this',
  'next', 'same', 'previous', 'early', 'late', 'end', 'start', 'of', 'quarter', 'decade', 'first', 'second',
]);

/** Words a speaker phrase cannot start with: prepositions and bare possessives ("of CPS records", "Their demands"). */
const NOT_A_SPEAKER_START = new Set([
  'of', 'in', 'at', 'for', 'to', 'from', 'with', 'by', 'on', 'into', 'about', 'than', 'my', 'your', 'there', 'what', 'such', 'these', 'those', 'if', 'not', 'no',
  // the journalist's own voice, or words inside a quotation: never a reported speaker
  'i', 'we', 'you',
]);

/** "another", "those surveyed": a source with no noun of its own. */
const ANOTHER_SOURCE = /^(?:another|those\s+(?:surveyed|polled|interviewed|questioned))$/i;

/** "many", "some": sources on their own ("many said"), never the head of a longer phrase ("it was possible some"). */
const QUANTIFIERS = new Set(['many', 'some', 'most', 'several', 'others']);

const MAKER = /^\p{Ll}+maker$/u;
const SHARE_OF_PEOPLE = /^(?:(?:about|almost|nearly|roughly|only|just|more than|less than|fewer than|at least|over|some)\s+)?(?:half|a third|a quarter|two-thirds|three-quarters|(?:one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out of)\s+(?:\d+|two|three|four|five|ten)|(?:\d+(?:\.\d+)?|\p{L}+(?:-\p{L}+)?)\s*(?:percent|per cent|%))(?:\s+of\s+[\p{L} -]+)?$/iu;
/** "campaigners", "chiefs": a plural common noun (not "news", "bus", "its"). */
const PLURAL_NOUN = /^\p{Ll}[\p{Ll}-]{2,}[^su']s$/u;
const ADVERB = /^\p{Ll}+ly$/u;

const lowerDeterminers = new Set(['the', 'this', 'that', 'his', 'her', 'its', 'their', 'our']);
const indefinites = new Set(['a', 'an', 'one', 'another', 'some', 'many', 'several', 'most', 'two', 'three', 'other']);

const join = (body: string, tokens: Token[]) => (tokens.length ? body.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : '');
const isNameWord = (token: Token) => isCapitalized(token) || NAME_PARTICLES.has(token.lower);
const headWord = (token: Token) => token.lower.split('-').pop()!;
const isRole = (token: Token) => PERSON_ROLES.has(token.lower) || PERSON_ROLES.has(headWord(token));
const isOrgNoun = (token: Token) => ORG_NOUNS.has(token.lower) || ORG_NOUNS.has(headWord(token)) || MAKER.test(token.text);

function mention(body: string, tokens: Token[], form: Mention['form'], name: string, title: string | null, type: SpeakerType): Mention {
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, text: join(body, tokens), form, name, title, type };
}

/** Type of a bare name: place, organisation, or (two or more plain words) a person. */
export function typeOfName(tokens: Token[]): SpeakerType {
  const text = tokens.map((t) => t.text).join(' ');
  if (isPlace(text)) return 'location';
  if (tokens.some((t) => isOrgNoun(t) || /['’]s$/.test(t.text))) return 'organization';
  if (GROUP_NOUNS.has(tokens[tokens.length - 1]!.lower)) return 'group';
  if (tokens.length === 1 && isAcronym(tokens[0]!)) return 'organization';
  if (tokens.length >= 2 && tokens.every((t) => isCapitalized(t) && !isAcronym(t) && !/^\d/.test(t.text))) return 'person';
  return 'unknown';
}

/** Names are capitalized words, joined by particles; a leading "the" belongs to the phrase, not the name. */
function stripThe(tokens: Token[]): Token[] {
  return tokens[0] && tokens[0].lower === 'the' ? tokens.slice(1) : tokens;
}

/**
 * What a speaker phrase is: a pronoun, Mr X, a role with a name, a bare name, a definite role to resolve
 * later, or an unnamed source kept as written. Null when the words do not look like a speaker.
 */
export function classify(body: string, tokens: Token[], appositive: string | null = null): Mention | null {
  if (tokens.length === 0 || tokens.length > MAX_WORDS) return null;
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (tokens.length === 1) {
    if (PERSON_PRONOUNS.has(first.lower)) return mention(body, tokens, 'pronoun', first.lower, null, 'person');
    if (THING_PRONOUNS.has(first.lower)) return mention(body, tokens, 'pronoun', first.lower, null, 'organization');
    if (GROUP_PRONOUNS.has(first.lower)) return mention(body, tokens, 'pronoun', first.lower, null, 'group');
  }
  // "it would not withdraw its troops": a pronoun opens a clause, not a longer speaker phrase
  if (PERSON_PRONOUNS.has(first.lower) || THING_PRONOUNS.has(first.lower) || GROUP_PRONOUNS.has(first.lower)) return null;
  if (tokens.some(isPunctuation)) return null;
  // "another said": one more of the sources the article has been quoting; "those surveyed said"
  if (ANOTHER_SOURCE.test(join(body, tokens))) return mention(body, tokens, 'unnamed', join(body, tokens), null, 'unknown');
  // "About four in 10", "At least half of voters in each state": a share of those polled
  if (SHARE_OF_PEOPLE.test(join(body, tokens))) return mention(body, tokens, 'unnamed', join(body, tokens), null, 'group');
  if (NOT_A_SPEAKER_START.has(first.lower)) return null;
  if (tokens.length === 1 && lowerDeterminers.has(first.lower)) return null; // "Their demands": a possessive alone
  // an article inside the phrase must follow a preposition ("the chairman of the committee"), else
  // two phrases were run together ("New Year message the Liberal Democrat leader")
  if (tokens.some((t, i) => i > 0 && /^(?:the|a|an)$/.test(t.text.toLowerCase()) && !/^(?:of|for|in|at|to|and|with|from|on|by|group|firm|company)$/.test(tokens[i - 1]!.lower))) return null;

  // "a Holcim statement", "A CBI quarterly survey": the issuer speaks.
  if (SOURCE_DOCUMENTS.has(last.lower)) {
    const issuer = tokens.filter((t) => isCapitalized(t) && t !== first);
    if (issuer.length > 0 && issuer.length <= 4) {
      const name = join(body, issuer).replace(/['’]s$/, '');
      return mention(body, tokens, 'name', name, appositive, isPlace(name) ? 'location' : 'organization');
    }
    // "the report says": whoever the article last named as issuing it
    return tokens.length <= 3 && lowerDeterminers.has(first.lower) ? mention(body, tokens, 'role', join(body, tokens), null, 'organization') : null;
  }

  // "Mr Dein", "Irish Transport Minister Mr Cullen"
  const honorific = tokens.findIndex((t) => HONORIFICS.has(t.lower));
  if (honorific >= 0 && honorific < tokens.length - 1 && tokens.slice(honorific + 1).every(isCapitalized)) {
    // "the warnings were not there Lord Butler": a verb before the honorific ends another clause, not a title
    if (tokens.slice(0, honorific).some((t) => BETWEEN_WORDS.has(t.lower) || NEGATIONS.test(t.lower))) return classify(body, tokens.slice(honorific), appositive);
    const rest = tokens.slice(honorific + 1);
    const keepsTitle = ['sir', 'lord', 'lady', 'dame', 'baroness', 'baron'].includes(tokens[honorific]!.lower);
    const title = honorific > 0 ? join(body, stripThe(tokens.slice(0, honorific))) : appositive;
    if (rest.length >= 2 || keepsTitle) {
      return mention(body, tokens, 'name', keepsTitle ? join(body, tokens.slice(honorific)) : join(body, rest), title, 'person');
    }
    return mention(body, tokens, 'honorific', join(body, rest), title, 'person');
  }

  // "Turkish President Recep Tayyip Erdogan", "Telecoms firm Eircom", "business lobby group the CBI"
  let roleAt = -1;
  tokens.forEach((t, i) => { if (isRole(t) || (isOrgNoun(t) && !isCapitalized(t))) roleAt = i; });
  if (roleAt >= 0 && roleAt < tokens.length - 1) {
    let name = stripThe(tokens.slice(roleAt + 1));
    if (name.length > 0 && name.length <= 6 && isCapitalized(name[0]!) && name.every(isNameWord)) {
      const role = tokens[roleAt]!;
      const type: SpeakerType = isRole(role) && !isOrgNoun(role) ? 'person' : 'organization';
      let title = join(body, stripThe(tokens.slice(0, roleAt + 1)));
      // "economist Gary Thayer of AG Edwards": the person is Gary Thayer, the employer goes with the role
      const of = name.findIndex((t, i) => i >= 2 && (t.lower === 'of' || t.lower === 'at'));
      if (type === 'person' && of > 0) {
        title = `${title} ${join(body, name.slice(of))}`;
        name = name.slice(0, of);
      }
      if (name.length <= 5) return mention(body, tokens, 'name', join(body, name), title, type);
    }
  }

  // A bare name: "Turkey", "the CBI", "Azerbaijan's Ministry of Foreign Affairs"
  const bare = stripThe(tokens);
  if (bare.length > 0 && isCapitalized(bare[0]!) && !/^\d+$/.test(bare[0]!.text) && bare.every(isNameWord) && isNameWord(bare[bare.length - 1]!) && !NAME_PARTICLES.has(bare[bare.length - 1]!.lower)) {
    if (!(bare.length === 1 && (isRole(bare[0]!) || GROUP_NOUNS.has(bare[0]!.lower) || isOrgNoun(bare[0]!)))) {
      // "William Corr of the Campaign for Tobacco-Free Kids": a person, with the employer as title
      const of = bare.findIndex((t, i) => i >= 2 && (t.lower === 'of' || t.lower === 'at'));
      if (of > 0 && typeOfName(bare.slice(0, of)) === 'person') {
        return mention(body, tokens, 'name', join(body, bare.slice(0, of)), appositive ?? join(body, bare.slice(of)), 'person');
      }
      return mention(body, tokens, 'name', join(body, bare), appositive, typeOfName(bare));
    }
  }

  // The head noun: the last word before a post-modifier ("Authorities in the Karabakh region").
  const modifierAt = tokens.findIndex((t, i) => i > 0 && /^(?:in|of|at|for|from|with|involved|based|close|near|inside|within|across|on|familiar|who|briefed)$/.test(t.lower));
  const core = modifierAt > 0 ? tokens.slice(0, modifierAt) : tokens;
  const head = core[core.length - 1]!;
  if (core.length > 6) return null;
  const quantifierOnly = QUANTIFIERS.has(head.lower) && core.length > 1;
  if (GROUP_NOUNS.has(head.lower) && !quantifierOnly) return mention(body, tokens, 'unnamed', join(body, tokens), null, 'group');
  // "Labour campaign chiefs", "Opposition politicians": a plural common noun with a short modifier
  // ("Proponents of the new bill" opening a sentence: capitalized only there)
  const plural = PLURAL_NOUN.test(head === first ? head.lower : head.text);
  if (core.length <= 4 && plural && !lowerDeterminers.has(first.lower)) {
    return mention(body, tokens, 'unnamed', join(body, tokens), null, 'group');
  }
  // "the billionaire businessman", "a top campaign aide", "Hillary Clinton's campaign": described the way
  // annotated speakers are
  if (DESCRIBED_SPEAKERS.has(head.lower) && !isRole(head) && !isOrgNoun(head) && (lowerDeterminers.has(first.lower) || indefinites.has(first.lower) || afterPossessiveName(core))) {
    return mention(body, tokens, 'unnamed', join(body, tokens), null, PLURAL_NOUN.test(head.text) ? 'group' : 'unknown');
  }
  if (isRole(head) || isOrgNoun(head)) {
    const type: SpeakerType = isOrgNoun(head) && !isRole(head) ? 'organization' : 'person';
    if (lowerDeterminers.has(first.lower)) return mention(body, tokens, 'role', join(body, tokens), null, type);
    if (indefinites.has(first.lower)) return mention(body, tokens, 'unnamed', join(body, tokens), null, type);
    // "Arsenal vice-chairman", "Labour spokesman": a role without a determiner, to match against titles;
    // "Uganda's New Vision newspaper": an organisation named by its description
    return mention(body, tokens, type === 'organization' ? 'unnamed' : 'role', join(body, tokens), null, type);
  }
  return null;
}

const POSSESSIVE_NAME = /^\p{Lu}.*['’]s$/u;

/** "Marco Rubio's campaign", "Rival Hillary Clinton's senior aides": a name's, then lower-case words only. */
function afterPossessiveName(core: Token[]): boolean {
  const owner = core.findIndex((t) => POSSESSIVE_NAME.test(t.text));
  return owner >= 0 && owner < core.length - 1 && core.slice(owner + 1).every((t) => !isCapitalized(t));
}

/** Drops opening connectives and time phrases: "However, on Wednesday the minister" → "the minister". */
function stripLeading(tokens: Token[]): Token[] {
  let i = 0;
  for (;;) {
    const token = tokens[i];
    if (!token) return [];
    if (LEADING_WORDS.has(token.lower)) { i++; continue; }
    if (TIME_PREPOSITIONS.has(token.lower)) {
      let j = i + 1;
      while (tokens[j] && (TIME_WORDS.has(tokens[j]!.lower) || /^\d/.test(tokens[j]!.text))) j++;
      if (j > i + 1) { i = j; continue; }
    }
    if (DAY_WORDS.has(token.lower)) { i++; continue; }
    return tokens.slice(i);
  }
}

/** How many time words a time phrase between speaker and cue may have ("on Thursday evening"). */
const MAX_TIME_WORDS = 3;

/** Where a time phrase ending at `end` starts ("in 2003", "on Thursday evening"); `end` when there is none. */
function beforeTimePhrase(tokens: Token[], end: number): number {
  let at = end;
  while (at > 0 && end - at < MAX_TIME_WORDS && (TIME_WORDS.has(tokens[at - 1]!.lower) || /^\d{4}$/.test(tokens[at - 1]!.text))) at--;
  if (at < end && at >= 1 && /^(?:in|on|at|last|this|earlier|late|early)$/.test(tokens[at - 1]!.lower)) return at - 1;
  // "Beck last week said": the phrase opens with its own time word
  return at < end - 1 && at >= 1 && /^(?:last|this|earlier)$/.test(tokens[at]!.lower) ? at : end;
}

/**
 * "the magazine", "the self-described democratic socialist": the, then one to three lower-case words, none
 * of them an article or a possessive ("The department decreased its": a verb came before, not a noun).
 */
const DEFINITE_DESCRIPTION = /^the(?:\s+(?!(?:its|his|her|their|our|my|the|a|an)\b)\p{Ll}[\p{Ll}-]*){1,3}$/iu;
/**
 * "One attendee", "his son", "a former speechwriter", "Each side", "A majority of her backers": a
 * determiner, a possessive or a quantifier, then one to three lower-case words, and perhaps an of-phrase.
 * Such a phrase opening a clause right before a cue of speech speaks as written, whatever its noun.
 */
const DESCRIPTION = /^(?:the|a|an|one|another|each|his|her|their|its|some|several|both|two|three|four|five)(?:\s+(?!(?:its|his|her|their|our|my|the|a|an|of|in|into|on|at|for|with|to|from|by|about|over|against)\b)\p{Ll}[\p{Ll}-]*){1,3}(?:\s+of\s+(?:(?:the|his|her|their|its)\s+)?\p{Ll}[\p{Ll}-]*(?:\s+\p{Ll}[\p{Ll}-]*)?)?$/iu;

const CONTRACTED_AUXILIARY = /^(he|she|it|they|we)['’](?:s|re|ve)$/iu;

/** Connectives that may stand between a speaker and the cue, with or without commas ("Carter however said"). */
const CONNECTIVES = new Set(['however', 'though', 'meanwhile', 'instead', 'nonetheless', 'nevertheless', 'too', 'also', 'moreover', 'furthermore']);
/** Auxiliaries, adverbs and connectives that may stand between a speaker and the cue. */
const skippable = (t: Token) => BETWEEN_WORDS.has(t.lower) || CONNECTIVES.has(t.lower) || (ADVERB.test(t.text) && t.lower !== 'only');
/** A word that can end a speaking noun phrase on either side of "and". */
const nounish = (t: Token | undefined) => !!t && (isCapitalized(t) || GROUP_NOUNS.has(t.lower) || isRole(t));

/**
 * The speaker phrase that ends just before a cue at `cueStart`, not reaching before `floor`.
 * Returns null when the words before the cue are not a speaker, or the cue is passive or negated.
 */
export function speakerBefore(body: string, floor: number, cueStart: number, cueForm: string): Mention | null {
  const tokens = tokenize(body, Math.max(floor, cueStart - WINDOW), cueStart);
  // auxiliaries and adverbs between speaker and cue
  let end = tokens.length;
  // "Proponents of the new bill, however, say": a connective set off by commas is no appositive
  if (end >= 3 && tokens[end - 1]!.text === ',' && tokens[end - 3]!.text === ',' && CONNECTIVES.has(tokens[end - 2]!.lower)) end -= 3;
  const between: string[] = [];
  while (end > 0 && skippable(tokens[end - 1]!)) between.unshift(tokens[--end]!.lower);
  // "The Downing Street Strategy Unit in 2003 said", "Ms Smith on Tuesday told", "Spicer on Thursday evening said"
  end = beforeTimePhrase(tokens, end);
  while (end > 0 && skippable(tokens[end - 1]!)) between.unshift(tokens[--end]!.lower);
  // "he’s predicting", "they’re saying", "she’s said": a pronoun and a contracted auxiliary
  const contracted = end > 0 ? CONTRACTED_AUXILIARY.exec(tokens[end - 1]!.text) : null;
  if (contracted) {
    const pronoun = tokens[end - 1]!;
    between.unshift(cueForm.endsWith('ing') ? 'is' : 'has');
    tokens[end - 1] = { text: contracted[1]!, start: pronoun.start, end: pronoun.start + contracted[1]!.length, lower: contracted[1]!.toLowerCase() };
  }
  if (end > 0 && NEGATIONS.test(tokens[end - 1]!.lower)) return null;
  if (between.some((w) => NEGATIONS.test(w))) return null;
  const toAt = between.lastIndexOf('to');
  if (toAt >= 0 && !BEFORE_TO.has(between[toAt - 1] ?? '')) return null;
  if (between.some((w) => BE_FORMS.has(w)) && !cueForm.endsWith('ing') && !between.includes('to')) return null; // passive
  // a participle, not a report, unless "with" gives it a subject of its own
  if (cueForm.endsWith('ing') && !between.some((w) => BE_FORMS.has(w))) return absoluteSubject(body, tokens, end);
  if (end === 0) return null;

  // "Roy Asher, chief investment officer of Hibernian Investment Managers, told"; also with dashes
  const closing = tokens[end - 1]!.text;
  if (closing === ',' || closing === '-' || closing === '—' || closing === '–') {
    const opens = closing === ',' ? [','] : ['-', '—', '–'];
    let open = end - 2;
    while (open >= 0 && !opens.includes(tokens[open]!.text) && end - open < 30) {
      if (/^[;:"“”]$/.test(tokens[open]!.text)) return null;
      open--;
    }
    if (open < 1 || !opens.includes(tokens[open]!.text)) return null;
    // "Gustav Ando, research director for IHS Life Sciences, a consulting company, said", "Sam Solovey, a
    // contestant on the show, who went on to work alongside him, said": several appositives; the speaker
    // is the name that opens the clause, before the first of them
    if (closing === ',') open = firstAppositive(tokens, open);
    // "Sen. Johnny Isakson (R-Ga.), one of ..., said": the bracket after the name is left out of it
    const nameEnd = bracketStart(tokens, open);
    let nameStart = nameEnd;
    while (nameStart > 0 && (isNameWord(tokens[nameStart - 1]!) || HONORIFICS.has(tokens[nameStart - 1]!.lower)) && nameEnd - nameStart < 6) nameStart--;
    const nameTokens = stripLeading(tokens.slice(nameStart, nameEnd));
    const titleTokens = tokens.slice(open + 1, end - 1);
    // "Universities Scotland's Director, David Caldwell, said": the name is inside the commas
    if (titleTokens.length >= 2 && titleTokens.length <= 4 && titleTokens.every(isCapitalized)) {
      const inner = classify(body, titleTokens);
      let roleStart = open;
      while (roleStart > 0 && !isPunctuation(tokens[roleStart - 1]!) && !CLAUSE_WORDS.has(tokens[roleStart - 1]!.lower) && open - roleStart < 8) roleStart--;
      const role = stripLeading(tokens.slice(roleStart, open));
      if (inner && inner.form === 'name' && inner.type === 'person' && role.length > 0 && role.some(isRole)) {
        return { ...inner, start: role[0]!.start, text: body.slice(role[0]!.start, titleTokens[titleTokens.length - 1]!.end), title: inner.title ?? join(body, stripThe(role)) };
      }
    }
    if (nameTokens.length === 0 || titleTokens.length === 0 || !isCapitalized(nameTokens[0]!)) {
      // "One of the jilted bidders, Netherlands-based group LNM, said": the speaker is inside the commas
      const inner = classify(body, titleTokens);
      if (inner && inner.form === 'name') return inner;
      // "Many speakers at the service — including Muslims, Christians — said": the noun phrase before the aside
      let phraseStart = open;
      while (phraseStart > 0 && !isPunctuation(tokens[phraseStart - 1]!) && !CLAUSE_WORDS.has(tokens[phraseStart - 1]!.lower) && open - phraseStart < MAX_WORDS) phraseStart--;
      const phrase = stripLeading(tokens.slice(phraseStart, open));
      const before = classify(body, phrase);
      if (before) return before.form !== 'pronoun' && before.form !== 'name' ? before : null;
      // "One attendee, who spoke on the condition of anonymity, said"
      const opensClause = phraseStart === 0 ? cueStart - WINDOW <= floor : isPunctuation(tokens[phraseStart - 1]!) || CLAUSE_WORDS.has(tokens[phraseStart - 1]!.lower);
      return opensClause && describes(body, phrase, cueForm) ? mention(body, phrase, 'unnamed', join(body, phrase), null, 'unknown') : null;
    }
    const relative = /^(?:which|what|who|whom|whose|where|how|why)$/.test(titleTokens[0]!.lower);
    const title = relative || /^\d+$/.test(titleTokens[0]!.text) ? null : join(body, titleTokens);
    const found = classify(body, nameTokens, title);
    // the words as written take the title along, never a relative clause ("Turkey, which occupies ...")
    return found && found.form !== 'pronoun' && title ? { ...found, text: body.slice(found.start, titleTokens[titleTokens.length - 1]!.end) } : found;
  }

  // "Electronic Arts (EA) says": the bracket is part of the speaker phrase
  end = bracketStart(tokens, end);
  // a pronoun right before the cue is the whole subject ("During an interview she said")
  const nearest = tokens[end - 1];
  if (nearest && (PERSON_PRONOUNS.has(nearest.lower) || THING_PRONOUNS.has(nearest.lower) || GROUP_PRONOUNS.has(nearest.lower))) {
    return classify(body, [nearest]);
  }
  // walk back over the noun phrase
  let start = end;
  let relative = -1;
  while (start > 0 && end - start < MAX_WORDS) {
    const token = tokens[start - 1]!;
    if (isPunctuation(token)) break;
    if (cueInfo(token.lower)) break; // "Tory sources say senior party figures argued": another report
    if (CLAUSE_WORDS.has(token.lower)) {
      // "Eircom, which recently revealed that ...": the relative pronoun stands for the name before it;
      // "voters who said", "critics who say": or for the noun phrase right before "who"
      if ((token.lower === 'which' || token.lower === 'who') && start === end) {
        return antecedent(body, tokens, start - 1) ?? (token.lower === 'who' && reportsClauseCue(cueForm) ? shortestSubject(body, tokens, start - 1) : null);
      }
      if (token.lower === 'who') relative = start - 1;
      break;
    }
    if (token.lower === 'and') {
      // "Union leaders and trade campaigners": both sides end in a noun that can speak
      const before = tokens[start - 2];
      const after = tokens[end - 1];
      if (!nounish(before) || !nounish(after)) break;
    }
    start--;
  }
  const phrase = stripLeading(tokens.slice(start, end));
  const found = classify(body, phrase);
  if (found) return found;
  // "The magazine said", "the GOP speechwriter said": a definite description opening the clause speaks
  // as written, whatever its noun; so does another description that opens a clause of its own ("even
  // though a number of attendees said")
  const opensClause = start === 0 ? cueStart - WINDOW <= floor : tokens[start - 1]!.text === ',';
  if (opensClause && DEFINITE_DESCRIPTION.test(join(body, phrase))) return mention(body, phrase, 'unnamed', join(body, phrase), null, 'unknown');
  const opensSubClause = opensClause || (start > 0 && CLAUSE_WORDS.has(tokens[start - 1]!.lower));
  if (opensSubClause && describes(body, phrase, cueForm)) return mention(body, phrase, 'unnamed', join(body, phrase), null, 'unknown');
  // "people who have battled online threats say": the subject is the noun phrase before "who"
  if (relative > 0) {
    const subject = relativeSubject(body, tokens, relative);
    if (subject) return subject;
  }
  // "Asked why ... there Lord Butler said", "In his New Year message the Liberal Democrat leader said":
  // the speaker is the longest tail of the words that reads as one
  for (let from = 1; from < phrase.length; from++) {
    const head = phrase[from]!;
    if (!isCapitalized(head) && !/^(?:the|a|an)$/.test(head.lower)) continue;
    const tail = classify(body, phrase.slice(from));
    if (tail && tail.form !== 'pronoun') return tail;
  }
  return null;
}

/**
 * "..., with Sen. Jane Doe calling it a mistake", "with 30 percent of voters saying they ...": in an absolute
 * phrase the noun phrase between "with" and the participle is the participle's own subject.
 */
function absoluteSubject(body: string, tokens: Token[], end: number): Mention | null {
  let start = end;
  while (start > 0 && end - start < MAX_WORDS && tokens[start - 1]!.lower !== 'with') {
    const token = tokens[start - 1]!;
    if (isPunctuation(token) || CLAUSE_WORDS.has(token.lower) || cueInfo(token.lower)) return null;
    start--;
  }
  if (start === 0 || start === end || tokens[start - 1]!.lower !== 'with') return null;
  const found = classify(body, tokens.slice(start, end));
  return found && found.form !== 'pronoun' ? found : null;
}

/**
 * The phrase is a DESCRIPTION that can be the subject of a cue that reports a clause (not "a virus called
 * Bofra", "the numerical addresses": a cue whose object is its content also names and does): it does not
 * end in a preposition ("her lead in pledged delegates"), and before a bare verb form, which a singular
 * subject cannot take ("his recent claim", "an early public pledge": nouns), its last word is a plural.
 */
function describes(body: string, phrase: Token[], cueForm: string): boolean {
  const last = phrase[phrase.length - 1];
  if (!last || !reportsClauseCue(cueForm) || NOT_A_SPEAKER_START.has(last.lower) || !DESCRIPTION.test(join(body, phrase))) return false;
  return !isBareVerb(cueForm) || PLURAL_NOUN.test(last.text);
}

/** A cue that reports a clause, and does so often: neither naming nor acting on an object ("called", "attacked"), nor weak. */
function reportsClauseCue(form: string): boolean {
  const cue = cueInfo(form);
  return !!cue && cue.frame !== 'rest' && !cue.weak;
}

/** A cue form the lexicon also knows with -s or -ed ("claim": "claims", "claimed"): the base form of a verb, or a noun. */
function isBareVerb(form: string): boolean {
  const verb = form.split(' ')[0]!;
  return ['s', 'es', 'd', 'ed'].some((ending) => cueInfo(verb + ending) !== undefined);
}

/** How many words a bracket between a name and its cue may hold ("Sen. Chris Murphy (a Connecticut Democrat so boyish ...)"). */
const MAX_BRACKET_WORDS = 20;

/** Where a bracket ending just before `end` opens ("Isakson (R-Ga.)", "Electronic Arts (EA)"); `end` when there is none. */
function bracketStart(tokens: Token[], end: number): number {
  if (tokens[end - 1]?.text !== ')') return end;
  let open = end - 2;
  while (open > 0 && tokens[open]!.text !== '(' && end - open < MAX_BRACKET_WORDS) open--;
  return tokens[open]?.text === '(' ? open : end;
}

/** The noun phrase (no name needed) just before a "who" at `at`, with no comma between: "people who ...". */
function relativeSubject(body: string, tokens: Token[], at: number): Mention | null {
  let start = at;
  while (start > 0 && at - start < 6 && !isPunctuation(tokens[start - 1]!) && !CLAUSE_WORDS.has(tokens[start - 1]!.lower) && !cueInfo(tokens[start - 1]!.lower)) start--;
  const found = classify(body, stripLeading(tokens.slice(start, at)));
  return found && found.form !== 'pronoun' ? found : null;
}

/**
 * The shortest noun phrase that ends just before a "who" at `at` ("critics" in "Obama rebuked critics who
 * say"): a longer one would take in the verb of the clause the relative clause hangs from.
 */
function shortestSubject(body: string, tokens: Token[], at: number): Mention | null {
  // "some analysts and activists, who pointed out ...": a comma may set the relative clause off
  const end = tokens[at - 1]?.text === ',' ? at - 1 : at;
  for (let from = end - 1; from >= 0 && end - from <= 6; from--) {
    const token = tokens[from]!;
    if (isPunctuation(token) || CLAUSE_WORDS.has(token.lower) || cueInfo(token.lower)) break;
    const found = classify(body, tokens.slice(from, end));
    if (found && found.form !== 'pronoun') return found;
  }
  return null;
}

/** The name just before a relative pronoun at `at` ("Telecoms firm Eircom, which ..."). */
function antecedent(body: string, tokens: Token[], at: number): Mention | null {
  let end = at;
  if (tokens[end - 1]?.text === ',') end--;
  let start = end;
  while (start > 0 && end - start < 6 && (isNameWord(tokens[start - 1]!) || isRole(tokens[start - 1]!) || isOrgNoun(tokens[start - 1]!))) start--;
  // "a loss for Bernie Sanders, who ...": a particle of names ("for", "of") before the name is a preposition
  while (start < end && NAME_PARTICLES.has(tokens[start]!.lower)) start++;
  const found = classify(body, stripLeading(tokens.slice(start, end)));
  return found && (found.form === 'name' || found.form === 'honorific') ? found : null;
}

/**
 * Words that end a speaker phrase after an inverted cue ("said Mr Pollard in a statement"); an auxiliary
 * ends it too, since then the cue was not inverted at all ("X, who ..., said Trump had ...").
 */
const AFTER_STOP = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'last', 'yesterday', 'today', 'that', 'who',
  'which', 'as', 'adding', 'referring', 'speaking', 'and', 'but', 'because', 'earlier', 'recently', 'to', 'told',
  'has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'could', 'can', 'may', 'might', 'should',
  'must', 'did', 'does', 'do',
]);

/** The speaker phrase right after an inverted cue ('"...," said Hugh Morgan Williams, chair of the CBI's SME Council.'). */
export function speakerAfter(body: string, from: number, limit: number): Mention | null {
  const tokens = tokenize(body, from, Math.min(limit, from + WINDOW));
  let end = 0;
  while (end < tokens.length && end < MAX_WORDS && !isPunctuation(tokens[end]!) && !(end > 0 && AFTER_STOP.has(tokens[end]!.lower))) end++;
  const phrase = tokens.slice(0, end);
  let title: string | null = null;
  let titleEnd = -1;
  if (tokens[end]?.text === ',') {
    let stop = end + 1;
    while (stop < tokens.length && !isPunctuation(tokens[stop]!) && !['who', 'which', 'that', 'adding', 'referring', 'speaking', 'as', 'when', 'after'].includes(tokens[stop]!.lower)) stop++;
    const titleTokens = tokens.slice(end + 1, stop);
    const opening = titleTokens[0];
    if (opening && titleTokens.length <= 15 && !/^\d+$/.test(opening.text) && !BETWEEN_WORDS.has(opening.lower) && !CLAUSE_WORDS.has(opening.lower) && !cueInfo(opening.lower)) {
      title = join(body, titleTokens);
      titleEnd = titleTokens[titleTokens.length - 1]!.end;
    }
  }
  const found = classify(body, phrase, title);
  // "said the chairman of the committee, Labour MP Barry Sheerman": the name follows the role
  if (found && title && (found.form === 'role' || found.form === 'unnamed')) {
    const named = classify(body, tokens.slice(end + 1).filter((t) => t.end <= titleEnd));
    if (named && named.form === 'name') {
      return { ...named, start: found.start, end: titleEnd, text: body.slice(found.start, titleEnd), title: named.title ?? join(body, stripThe(phrase)) };
    }
  }
  if (found && titleEnd > 0 && found.form !== 'pronoun') return { ...found, end: titleEnd, text: body.slice(found.start, titleEnd) };
  return found;
}

/** Words that open an introductory phrase before the subject ("In May, ...", "After the vote, ..."). */
const INTRODUCTORY = new Set(['in', 'on', 'at', 'after', 'before', 'during', 'since', 'when', 'while', 'as', 'with', 'without', 'despite', 'following', 'for', 'by', 'from', 'earlier', 'later', 'last', 'speaking', 'asked', 'if', 'although', 'though', 'because', 'unlike', 'like']);
/** How far into a sentence an introductory phrase may run before its comma. */
const MAX_INTRODUCTION = 12;
/** A word that ends the subject: an auxiliary, a cue, or a past-tense or third-person verb form. */
const VERB_LIKE = /^(?:\p{Ll}+ed|\p{Ll}+s)$/u;
const endsSubject = (t: Token) => isPunctuation(t) || BETWEEN_WORDS.has(t.lower) || NEGATIONS.test(t.lower) || !!cueInfo(t.lower) || CLAUSE_WORDS.has(t.lower);

/**
 * The subject of the sentence that holds a cue whose own subject is left out ("The judge imposed a
 * sentence, saying ...", "X said ... but added that ..."): the noun phrase that opens the sentence, after
 * connectives and an introductory phrase ("In May, a U.S. District Court judge sided with ...").
 */
export function sentenceSubject(body: string, sentenceStart: number, cueStart: number): Mention | null {
  let tokens = stripLeading(tokenize(body, sentenceStart, Math.min(cueStart, sentenceStart + WINDOW)));
  while (tokens[0]?.text === ',') tokens = stripLeading(tokens.slice(1)); // "In May, ..." once its time words are gone
  if (tokens[0] && INTRODUCTORY.has(tokens[0].lower)) {
    const comma = tokens.findIndex((t) => t.text === ',');
    if (comma < 0 || comma > MAX_INTRODUCTION) return null;
    tokens = stripLeading(tokens.slice(comma + 1));
  }
  const first = tokens[0];
  if (first && (PERSON_PRONOUNS.has(first.lower) || THING_PRONOUNS.has(first.lower) || GROUP_PRONOUNS.has(first.lower))) return classify(body, [first]);
  let end = 0;
  while (end < tokens.length && end < MAX_WORDS && !endsSubject(tokens[end]!)) {
    const token = tokens[end]!;
    // a lower-case verb form ends the subject, unless it names who speaks ("officials", "the company")
    if (end > 0 && !isCapitalized(token) && VERB_LIKE.test(token.text) && !GROUP_NOUNS.has(token.lower) && !isRole(token) && !isOrgNoun(token)) break;
    end++;
  }
  for (let length = end; length > 0; length--) {
    const found = classify(body, tokens.slice(0, length));
    if (found) return found;
  }
  return null;
}

/**
 * A source named after a prepositional cue that reads as no name or role ("according to a congressional
 * report", "according to exit polls", "according to a Huffington Post review of Federal Election Commission
 * filings"): kept as written, up to the first punctuation or clause word, when it is a noun phrase of at
 * most MAX_WORDS that opens with a determiner, a capital or a plural noun.
 */
export function sourceAfter(body: string, from: number, limit: number): Mention | null {
  const named = speakerAfter(body, from, limit);
  if (named) return named;
  const tokens = tokenize(body, from, Math.min(limit, from + WINDOW));
  let end = 0;
  while (end < tokens.length && !isPunctuation(tokens[end]!) && !CLAUSE_WORDS.has(tokens[end]!.lower)) end++;
  const phrase = tokens.slice(0, end);
  const first = phrase[0];
  if (!first || phrase.length > MAX_WORDS || NOT_A_SPEAKER_START.has(first.lower)) return null;
  const opens = indefinites.has(first.lower) || lowerDeterminers.has(first.lower) || isCapitalized(first) || PLURAL_NOUN.test(first.text) || phrase.length >= 2;
  return opens ? mention(body, phrase, 'unnamed', join(body, phrase), null, 'unknown') : null;
}

/** How many appositives may stand between a speaker's name and the cue. */
const MAX_APPOSITIVES = 3;
/** How many words the appositives may take together. */
const MAX_APPOSITIVE_WORDS = 40;

/**
 * The earliest comma before `open` (walking back over at most MAX_APPOSITIVES comma groups) that follows
 * the name opening the clause: only connectives and time words stand before that name. `open` itself
 * when there is none.
 */
function firstAppositive(tokens: Token[], open: number): number {
  let best = open;
  let groups = 1;
  for (let at = open - 1; at > 0 && open - at < MAX_APPOSITIVE_WORDS && groups < MAX_APPOSITIVES; at--) {
    const token = tokens[at]!;
    if (/^[;:"“”()]$/.test(token.text)) break;
    if (token.text !== ',') continue;
    groups++;
    let nameStart = at;
    while (nameStart > 0 && (isNameWord(tokens[nameStart - 1]!) || HONORIFICS.has(tokens[nameStart - 1]!.lower)) && at - nameStart < 6) nameStart--;
    if (nameStart === at || !isCapitalized(tokens[nameStart]!)) continue;
    // "On Tuesday, Kevin Brady, chairman of ..., said", "However, the director ..., James Comey, said": an
    // opening time phrase or connective is capitalized too, but names no one
    if (stripLeading(tokens.slice(nameStart, at)).length === 0) continue;
    const opening = tokens.slice(0, nameStart);
    const lastBreak = opening.map((t) => isPunctuation(t) || CLAUSE_WORDS.has(t.lower)).lastIndexOf(true);
    if (stripLeading(opening.slice(lastBreak + 1)).length === 0) best = at;
  }
  return best;
}
