import * as chrono from 'chrono-node/en';
import { WEEKDAYS, WEEKDAYS_DE, WEEKDAYS_FR } from '../../date-words.ts';
import { splitAuthors } from '../header-text.ts';
import { mayHoldEnglishDate } from './english-date-cue.ts';
import { cleanText, squeezed } from './clean-text.ts';

// Words that introduce or surround a name in a byline, in the languages of the pages we read:
// "By", "von", "par", "por", "di", "door", "Autor:", "Posted by", "Text:", "Erstellt von", "Veröffentlicht von",
// "Eingestellt von" (Blogger's German byline).
const CUE =
  /^(?:(?:zeige alle beiträge|alle (?:beiträge|artikel)|alles|mehr|view all posts|all posts|more|articles)\s+(?:von|by|from)|(?:written|posted|published|updated|reported|story|text|words|photos?)\s+(?:by|von)|(?:publié|publicado|pubblicato|escrito)\s+(?:par|por|da)|(?:erstellt|eingestellt|veröffentlicht|publiziert|geschrieben|verfasst|ein beitrag)(?:\s+von)?|(?:last\s+)?(?:updated|published|posted|modified)|by|von|vom|par|por|di|door|autor(?:in)?|author|autore|auteur|text|redaktion:|on|am|posted|show all articles of)\b[:\s]*/iu;
// What follows a name on a byline line: a date, an e-mail address (or Cloudflare's "[email protected]" that
// stands for one), a role, a separator, another credit ("Illustration von …", "Photos by …"), the category a
// blog files the post in ("Posted by X in News", "under Just For Fun") and other page text.
const TRAILER =
  /\s+(?:[|•·@]|\S+(?:@|\[at\])|\[email\s+protected\]|\d|(?:am|on|at|um|vom|alle|all|mehr|more)(?![\p{L}\p{N}])|(?:illustrations?|fotos?|photos?|bilder|grafik)\s+(?:von|by)\s|(?:in|under|unter|dans)\s+\p{L}).*$|\s*[|•·,]\s*$/iu;
const MAX_NAME_WORDS = 6;
const MAX_NAME_CHARS = 80;

/** Where two texts meet with no space: a capital word after a lower-case or capital run ("OFHeiko", "CunninghamWe"), or digits after letters ("Collignon22"). */
const TEXTS_RUN_TOGETHER = /(?<=\p{Ll}{3}|\p{Lu}{2})(?=\p{Lu}\p{Ll}{2})|(?<=\p{L})(?=\d+(?:[.\s/:-]|$))/gu;

/**
 * The name on a byline, without its cue word, date, role or trailing page text: "Veröffentlicht von Cem
 * Basman" → "Cem Basman", "Redaktion 1. November 2023" → "Redaktion", "on" → null.
 */
export function nameOnByline(byline: string): string | null {
  // where a flattened byline runs two texts together ("Nicole Collignon22. Februar", "ARTICLES OFHeiko
  // Sauer", "Scott CunninghamWe"), a separator; "DeFino" and "McDonald" stay whole, and so does a name of one
  // word, which is a handle ("KleineGrüneMonster", "Bo2man"), not two texts
  // a line break ends the name too ("By Ana Sandoiu\n Neuroscience")
  let text = cleanText(byline.replace(/\s*\n\s*/g, ' | '));
  if (/\s/.test(text.replace(CUE, '').trim())) text = text.replace(TEXTS_RUN_TOGETHER, ' | ');
  text = withoutDates(text);
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(CUE, '').replace(/^[\s|•·:–—-]+/, '').trim();
  }
  text = text
    .replace(TRAILER, '')
    .replace(/^[\s,|•·:–—-]+|[\s,|•·:–—-]+$/g, '')
    .trim();
  // a role after the name is not a second author: "Uta Staschewski, Projektleiterin der HSS" → "Uta Staschewski"
  const names = text
    .split(AUTHOR_LIST_SEPARATOR)
    .filter(Boolean)
    .filter((part, index) => index === 0 || !isRole(part));
  if (names.length === 1 && names[0] !== text) return looksLikeName(names[0]!) ? names[0]! : null;
  const isList = names.length > 1 && names.every((name) => /^\p{Lu}/u.test(name) && looksLikeName(name));
  if (isList && (names.every((name) => /\s/.test(name)) || !looksLikeName(text))) return names.join(', ');
  return looksLikeName(text) ? text : null;
}

/** A text with each date in it replaced by a separator: "Anna Dunst 3. März 2021" → "Anna Dunst | ". */
function withoutDates(text: string): string {
  let undated = text;
  const dates = mayHoldEnglishDate(undated) ? chrono.strict.parse(undated) : [];
  for (const date of dates.reverse()) {
    undated = `${undated.slice(0, date.index)} | ${undated.slice(date.index + date.text.length)}`;
  }
  // day-first dates chrono's English parser leaves: "29. Juni", "12.03.2019"
  return undated.replace(/\b\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{2,4}|\p{L}+\.?(?:\s+\d{4})?)/gu, ' | ');
}

// Between the names of several authors: "A, B und C", "A (avec B et C)", "A with B". A list is split when each
// part is a full name, or when the whole is too long for one name: "Herz und Blut" stays one blog's name.
const AUTHOR_LIST_SEPARATOR = /\s*[,;&()]+\s*(?:(?:and|und|et|y|e|en|avec|with|mit)\s+)?|\s+(?:and|und|et|y|e|en|avec|with|mit)\s+/iu;

// Job titles that follow a name on a byline, in the languages of the pages we read. A word is a role when it is
// one of these as a whole word ("Editor", "Co-Editor", "Leiterin"), or a German compound that ends in one after
// a stem of its own ("Projektleiterin", "Chefredakteur"): a surname that merely ends like one ("Schleiter",
// "Creditor") is a name.
const ROLES =
  'reporter|correspondent|editor|writer|journalist|contributor|columnist|director|officer|manager|president|photographer|producer|moderator|' +
  'rédacteur|rédactrice|journaliste|envoyée?|periodista|redactora?|giornalista';
const GERMAN_ROLES = 'redakteur|korrespondent|kolumnist|journalist|reporter|leiter|führer|sprecher|referent|direktor|präsident|berater|mitarbeiter|volontär|fotograf|produzent|moderator';
const ROLE_WORD = new RegExp(String.raw`^(?:\p{L}+-)?(?:(?:${ROLES})s?|(?:\p{L}{4,})?(?:${GERMAN_ROLES})(?:in|innen)?)$`, 'iu');
// A German job that is also a surname ("Tom Leiter", "Jan Sprecher") names someone after a first name; after an
// adjective it is a job ("Stellvertretender Leiter", "Freier Mitarbeiter").
const SURNAME_ROLE = /^(?:leiter|führer|sprecher|berater|referent|direktor)$/iu;
const ADJECTIVE = /(?:end|lich|isch|ig|ei|iert)e[rsmn]?$/iu;

/** Whether a part of a byline is a job title: one of its words is a role ("Staff Writer", "Chief People Officer"). */
function isRole(part: string): boolean {
  const words = part.split(/\s+/);
  const [first, last] = words;
  if (words.length === 2 && /^\p{Lu}/u.test(first!) && SURNAME_ROLE.test(last!) && !ADJECTIVE.test(first!) && !ROLE_WORD.test(first!)) return false;
  return words.some((word) => ROLE_WORD.test(word));
}

// Words that fill an author slot without naming anyone: a heading ("Über den Autor", "AUTOREN"), a cue left
// alone ("Artikel von"), a placeholder ("No Author", "admin"), a weekday from the dateline ("Donnerstag").
const NOT_A_NAME = new Set([
  ...`about the author authors autor autoren autorin über den die der artikel article articles von by no
  admin administrator redakteur verfasser written posted geschrieben veröffentlicht erstellt eingestellt`.split(/\s+/),
  ...WEEKDAYS,
  ...WEEKDAYS_DE,
  ...WEEKDAYS_FR,
]);

// Particles inside a name ("Ludwig van Beethoven"), which may open one ("van Gogh").
const PARTICLE = String.raw`(?:von|van|de|der|den|del|da|di|du|le|la|zu)`;
const STARTS_WITH_PARTICLE = new RegExp(`^${PARTICLE}\\s`);

// Initials alone sign a byline too: "Von R. R. am 7. August"
const INITIALS = /^(?:\p{Lu}\.\s?){2,3}$/u;

// An address fills an author slot on some sites ("cipha[at]cipha.net", "https://example.com/"): it reaches the
// author but is not the name on the byline.
const ADDRESS = /@|\[at\]|^https?:/i;

/** A name is a few words with letters, not a sentence, not a date, not an address and not only words that name no one. */
export function looksLikeName(text: string): boolean {
  if (INITIALS.test(text)) return true;
  if (!text || text.length > MAX_NAME_CHARS || !/\p{L}{2}/u.test(text) || /^\d/.test(text) || ADDRESS.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.every((word) => NOT_A_NAME.has(word.toLowerCase().replace(/[^\p{L}]/gu, '')))) return false;
  // a name of several words opens with a capital or a particle; "deinen Hochzeitsbloggern" is a phrase
  if (words.length > 1 && /^\p{Ll}+\s/u.test(text) && !STARTS_WITH_PARTICLE.test(text)) return false;
  return words.length <= MAX_NAME_WORDS && !/[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''));
}

// Elements that hold the author's name on most sites: microdata, rel=author links, author pages, classes.
const AUTHOR_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  'a[rel~="author"]',
  '.author .fn, .vcard .fn',
  'a[href*="/author/"], a[href*="/autor/"], a[href*="/autoren/"], a[href*="/authors/"], a[href*="/auteur/"], a[href*="/autore/"]',
  '[class*="author-name"], [class*="authorname"], [class*="author__name"], [class*="autor-name"], [class*="autorname"]',
  // a class naming the author in the page's language, one or several: author(s), Autor(en), auteur(s), autore/autori
  '[class~="author"], [class~="autor"], [class~="auteur"], [class~="autore"], [class~="authors"], [class~="autoren"], [class~="auteurs"], [class~="autori"], ' +
    '[class*="byline"], [class*="post-author"], [class*="article-author"]',
];
// Any class that speaks of the author ("header-info__author-link", "c-author"), last: it also marks boxes,
// links and widgets around the name, so it counts only where it holds a full name and nothing more.
const ANY_AUTHOR_CLASS = '[class*="author"]';

// Author markup here belongs to other texts: comments, teasers of related articles, sidebars.
const ELSEWHERE = '[class*="comment"], [id*="comment"], aside, footer, nav, [class*="related"], [class*="sidebar"], [class*="teaser"]';

/**
 * Whether an element belongs to another text than the article: a comment, sidebar, teaser or the page's
 * navigation and footer. A container that holds the headline (or the page's body, which themes mark
 * "right-sidebar", "comments-open") is the article's, not one of those.
 */
export function belongsElsewhere(element: Element, document: Document, headline?: Element): boolean {
  const container = element.closest(ELSEWHERE);
  if (!container || container === document.body || container === document.documentElement) return false;
  return !headline || !container.contains(headline);
}

/**
 * The article's authors as the page's markup gives them: the names under the first selector that finds any,
 * outside comments, sidebars and teasers. A selector that finds only the site's name (microdata that signs
 * every page with the publisher) gives way to a later one that finds a person.
 */
export function authorsFromMarkup(document: Document, headline?: Element, isSite: (name: string) => boolean = () => false): AuthorCandidate | null {
  let siteOnly: AuthorCandidate | null = null;
  for (const selector of [...AUTHOR_SELECTORS, ANY_AUTHOR_CLASS]) {
    const names: string[] = [];
    let byline: Element | null | undefined;
    for (const element of Array.from(document.querySelectorAll(selector)).slice(0, 20)) {
      if (belongsElsewhere(element, document, headline)) continue;
      // several authors share one byline block; names elsewhere on the page are other articles'
      const block = element.parentElement?.parentElement;
      if (byline !== undefined && block !== byline) continue;
      const text = element.getAttribute('content') ?? element.textContent ?? '';
      // the catch-all class also marks boxes around the name (a bio, a whole header): one much longer than a
      // name is no byline, skipped before the date parsing and name checks that would cost most on it
      if (selector === ANY_AUTHOR_CLASS && isLongerThan(text, 2 * MAX_NAME_CHARS)) continue;
      const name = nameOnByline(text);
      if (!name || (selector === ANY_AUTHOR_CLASS && !ONLY_A_FULL_NAME.test(name))) continue;
      byline = block;
      if (!names.includes(name)) names.push(name);
    }
    if (names.length === 0) continue;
    const found = { names, from: `markup:${selector.split(',')[0]!.trim()}` };
    if (!names.every(isSite)) return found;
    siteOnly ??= found;
  }
  return siteOnly;
}

/** Whether a text is longer than `chars` once its runs of white space count as one (markup indents its text). */
function isLongerThan(text: string, chars: number): boolean {
  return text.length > chars && text.trim().replace(/\s+/g, ' ').length > chars;
}

export interface AuthorCandidate {
  names: string[];
  from: string;
}

/**
 * The first source that names anyone, most trusted first; a first name alone or a login that a later source
 * spells out in full ("Stefanus" or "stefanusstahl" in JSON-LD, "Stefanus Stahl" in the byline) is taken in full.
 */
export function chooseAuthors(candidates: AuthorCandidate[]): AuthorCandidate | null {
  const first = candidates.find((c) => c.names.length > 0);
  if (!first) return null;
  const later = candidates.flatMap((c) => c.names);
  const names = first.names.map((name) => {
    if (/\s/.test(name)) return name;
    const lower = name.toLowerCase();
    const spelledOut = (other: string) => other.length > name.length && (other.toLowerCase().startsWith(`${lower} `) || squeezed(other) === squeezed(name));
    return later.find(spelledOut) ?? name;
  });
  // two sources that list these authors and the same others name the co-authors the first one left out (one
  // alone may have read a role or a team as a name: "Alex Durán, AMP Project Marketing"); Readability's byline
  // repeats the meta author or the markup, so it is no second source
  const listed = (candidate: AuthorCandidate) => candidate.names.flatMap(splitAuthors).map(squeezed);
  const firstListed = new Set(names.flatMap(splitAuthors).map(squeezed));
  const fullerLists = candidates.filter((c) => {
    if (c.from === 'readability') return false;
    const other = new Set(listed(c));
    return other.size > firstListed.size && Array.from(firstListed).every((name) => other.has(name));
  });
  const sameList = (a: AuthorCandidate, b: AuthorCandidate) => listed(a).sort().join('|') === listed(b).sort().join('|');
  const fuller = fullerLists.find((c) => fullerLists.some((other) => other !== c && sameList(c, other)));
  return fuller ? { names: fuller.names, from: fuller.from } : { names, from: first.from };
}

// A byline line: its cue in one of the page languages, then a name of two to four capitalised words
// (particles such as "von", "de", "van" allowed inside). A lower-case cue counts only at the start of a
// text, where a byline stands; inside a sentence "von" and "by" introduce anything.
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const FULL_NAME = String.raw`${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)?${NAME_WORD}){1,3}`;
// several authors: "Von Anna Dunst und Tom Berg", "By Ann Lee, Bo Chan and Cy Dee"
const ONLY_A_FULL_NAME = new RegExp(String.raw`^${FULL_NAME}$`, 'u');
const NAME_LIST = String.raw`${FULL_NAME}(?:(?:\s*,\s*|\s+(?:und|and|et|y|&)\s+)${FULL_NAME})*`;
// A cue of several words ("Posted by", "Gespeichert von") says a name follows, whatever its shape: a single
// name or a handle ("Posted by Konstantin", "Gespeichert von rasos am 24. Juli 2017"), read to its block's end.
const BYLINE_LINE = new RegExp(
  String.raw`(?:(?:^|[|•·\n]\s*|\s)(?:Von|VON|By|BY|Par|PAR|Por|POR|Di|Door|Autor(?:in)?:|AUTOR:|Author:|Text:|TEXT:)\s*:?\s+` +
    String.raw`|(?:^|[|•·\n])\s*(?:von|by|par|por|di|door)\s+)(${NAME_LIST})` +
    String.raw`|(?:^|[|•·\n]\s*|\s)(?:[Pp]osted by|[Ww]ritten by|[Tt]ext von|[Gg]eschrieben von|[Vv]eröffentlicht von|[Ee]rstellt von|[Ee]ingestellt von|[Gg]espeichert von|[Ee]in Beitrag von|[Pp]ublié par|[Pp]ublicado por)\s*:?\s+([^|•·\n]{2,${MAX_NAME_CHARS}})`,
  'u',
);

/** The name on the first byline line in a text: "Von Anna Dunst | 3. März 2021" → "Anna Dunst". */
export function nameOnBylineLine(text: string): string | null {
  const match = BYLINE_LINE.exec(text);
  return match ? nameOnByline(match[1] ?? match[2]!) : null;
}

/** A byline paragraph holds its cue, the name and perhaps a date or a credit: "Text von X Illustration von Y". */
const MAX_BYLINE_PARAGRAPH_WORDS = 12;

/**
 * The name on a paragraph of the article's text that is a byline of its own, cue first: "Von Leonora Holling",
 * "Gespeichert von rasos am 24. Juli 2017", often set at the article's end.
 */
export function nameOnBylineParagraph(text: string): string | null {
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.split(/\s+/).length > MAX_BYLINE_PARAGRAPH_WORDS) continue;
    const match = BYLINE_LINE.exec(paragraph);
    if (match?.index === 0) return nameOnByline(match[1] ?? match[2]!);
  }
  return null;
}

// The dateline under a headline may give the author beside the date and time with no cue: "25.10.2022 - Anna
// Dunst", "Anna Dunst / 22.04.2020 / 06:15". Its parts are set apart by dashes, slashes, bars or dots; a comma
// sets a place before a date ("Bad Homburg, 3. März 2021"), so a part with one names no one here, and so does
// a dash ("Bad Homburg - 25.10.2022 - Anna Dunst"): a text before a dash and the date is the dateline's place,
// not a byline.
const DATELINE_TIME = /\b\d{1,2}:\d{2}(?:\s*(?:Uhr|h|am|pm))?\b/giu;
const DATELINE_SEPARATOR = /(?:^|\s)[-–—/•·](?=\s|$)|\|/u;
// a dated block with its date taken out (`withoutDates` leaves a bar): words, then a dash, then the date
const PLACE_BEFORE_DATE = /^[^|]*\p{L}[^|]*\s[-–—]\s*\|/u;

/** The name beside the date on the first dated block of a text: "Kultur | 25.10.2022 - Anna Dunst | …" → "Anna Dunst". */
export function nameOnDateline(text: string): string | null {
  for (const block of text.split(/\s*\|\s*/)) {
    if (block.split(/\s+/).length > MAX_BYLINE_PARAGRAPH_WORDS) continue;
    const undated = withoutDates(block);
    if (undated === block) continue;
    const parts = undated
      .replace(PLACE_BEFORE_DATE, ' | ')
      .replace(DATELINE_TIME, ' | ')
      .split(DATELINE_SEPARATOR)
      .map((part) => part.trim())
      .filter(Boolean);
    return parts.length === 1 && ONLY_A_FULL_NAME.test(parts[0]!) && looksLikeName(parts[0]!) ? parts[0]! : null;
  }
  return null;
}

// A labelled byline names its author wherever it stands on the page: "Autor: Peter Maahn", "Redaktion: X"; the
// label may stand in a block of its own above the name ("Von: | Götz Warnke"). Without its colon, "Autor"
// heads widgets about a blog or a book too ("Autor | Der Autor dieses Blogs…"): a label block without one
// counts only when the block after it is a name and nothing more ("Autor | Nikolai Huke |").
const LABELLED_BYLINE = new RegExp(
  String.raw`(?:^|[\s|•·])(?:Autor(?:in)?|AUTOR(?:IN)?|Author|AUTHOR|Redaktion|Text|Von|Verfasser(?:in)?)\s*:\s*(?:\|\s*)?(${NAME_LIST})` +
    String.raw`|(?:^|\|)\s*(?:Autor(?:in)?|AUTOR(?:IN)?|Author|AUTHOR|Verfasser(?:in)?)\s*\|\s*(${NAME_LIST})\s*,?\s*(?:\||$)`,
  'u',
);

/** The name after the first byline label in a page's text: "Datum: 03.11.2021 Autor: Peter Maahn/SP-X" → "Peter Maahn". */
export function nameOnLabelledByline(text: string): string | null {
  const match = LABELLED_BYLINE.exec(text);
  return match ? nameOnByline(match[1] ?? match[2]!) : null;
}

// An article signed at its end, the name alone in bold or italics; footnotes or a note may follow it.
const SIGNATURE = new RegExp(String.raw`^${NAME_LIST}$`, 'u');
const SIGNATURE_PARAGRAPHS = 3;

/** The name an article is signed with in one of its last paragraphs, set in bold or italics: "<p><b>Anna Dunst</b></p>". */
export function nameOnSignature(article: Element): string | null {
  const paragraphs = Array.from(article.querySelectorAll('p')).filter((p) => p.textContent?.trim());
  for (const paragraph of paragraphs.slice(-SIGNATURE_PARAGRAPHS).reverse()) {
    const text = cleanText(paragraph.textContent ?? '');
    const emphasised = Array.from(paragraph.querySelectorAll('strong, b, em, i')).some((element) => cleanText(element.textContent ?? '') === text);
    if (emphasised && SIGNATURE.test(text)) return nameOnByline(text);
  }
  return null;
}
