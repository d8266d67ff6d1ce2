/**
 * News articles the repository owns: generated from templates by fast-check with a fixed seed, so every run
 * (and every clone) gets the same set without shipping a corpus. They are built the way wire copy is: a
 * headline, a dateline paragraph, direct quotations attributed after and before the quote, reported speech,
 * pronoun follow-ups, `according to` attributions, places, organisations and dates, in every upload format
 * (header text, plain text, Markdown with front matter, JSON, HTML) and with a few bad inputs among them.
 *
 * The cast is invented (no real person's words), shared across articles so that speakers and entities recur
 * the way they do in an archive. Each article records what the templates put in it (`expected`), so tests can
 * check the parser against known truth, not only that it runs.
 */
import fc from 'fast-check';

export type Format = 'header-text' | 'plain-text' | 'markdown' | 'json' | 'html';

interface Person {
  name: string;
  surname: string;
  honorific: 'Mr' | 'Ms';
  pronoun: 'he' | 'she';
  role: string;
}

export interface ExpectedQuote {
  text: string;
  speaker: string;
  /** The speaker's full name stands in the quote's own sentence (a pronoun's antecedent is the parser's guess). */
  named: boolean;
}

export interface GeneratedArticle {
  key: string;
  bytes: Buffer;
  contentType: string;
  format: Format;
  /** Bad inputs the pipeline must repair (not valid UTF-8) or reject with a reason (empty, binary), never lose. */
  bad: 'repaired' | 'rejected' | null;
  expected: { headline: string; date: string; quotes: ExpectedQuote[] };
}

const PEOPLE: Person[] = [
  { name: 'Maria Okafor', surname: 'Okafor', honorific: 'Ms', pronoun: 'she', role: 'health secretary' },
  { name: 'Tomas Lindqvist', surname: 'Lindqvist', honorific: 'Mr', pronoun: 'he', role: 'chief executive of Northwind Energy' },
  { name: 'Harriet Blackwood', surname: 'Blackwood', honorific: 'Ms', pronoun: 'she', role: 'shadow chancellor' },
  { name: 'Daniel Achterberg', surname: 'Achterberg', honorific: 'Mr', pronoun: 'he', role: 'mayor of Eastbridge' },
  { name: 'Priya Raman', surname: 'Raman', honorific: 'Ms', pronoun: 'she', role: 'head of the Meridian Bank' },
  { name: 'Owen Castellano', surname: 'Castellano', honorific: 'Mr', pronoun: 'he', role: 'union leader' },
  { name: 'Ingrid Solheim', surname: 'Solheim', honorific: 'Ms', pronoun: 'she', role: 'foreign minister' },
  { name: 'Samuel Oduya', surname: 'Oduya', honorific: 'Mr', pronoun: 'he', role: 'coach of Riverside United' },
];
const ORGANISATIONS = ['Northwind Energy', 'the Meridian Bank', 'the Harbour Council', 'Riverside United', 'the National Statistics Office'];
const PLACES = ['London', 'Paris', 'Brazil', 'Germany', 'Japan', 'Kenya', 'Canada', 'Scotland'];
const SECTIONS = ['business', 'politics', 'sport', 'tech', 'world'];
const TOPICS = ['energy prices', 'the new budget', 'hospital waiting lists', 'the rail strike', 'interest rates', 'the cup final', 'broadband coverage'];
const QUOTES = [
  'We will not stand by while families struggle to pay their bills',
  'This is the most serious challenge we have faced in a decade',
  'Nobody should be surprised by these figures',
  'We have listened, and we are changing course',
  'The plan is fully funded and it will be delivered on time',
  'I am confident that the team can win this match',
  'There is no question of a delay',
  'We expect prices to fall by the end of the year',
];
const CLAUSES = [
  'the scheme would cost about 40 million pounds',
  'prices had risen by 6% in the past year',
  'talks would resume next week',
  'the report had been delayed by a lack of staff',
  'more than 2,000 jobs were at risk',
  'the decision would be reviewed in the spring',
];

const person = fc.constantFrom(...PEOPLE);
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

/** One paragraph and the quotations the templates put in it (by construction, with known speakers). */
interface Paragraph {
  text: string;
  quotes: ExpectedQuote[];
}

const paragraph: fc.Arbitrary<(previous: Person) => { paragraph: Paragraph; speaker: Person }> = fc.oneof(
  fc.tuple(person, pick(QUOTES)).map(([who, quote]) => () => ({
    paragraph: { text: `"${quote}," said ${who.name}, the ${who.role}.`, quotes: [{ text: quote, speaker: who.name, named: true }] },
    speaker: who,
  })),
  fc.tuple(person, pick(QUOTES), pick(PLACES)).map(([who, quote, place]) => () => ({
    paragraph: { text: `Speaking in ${place}, ${who.name} said: "${quote}."`, quotes: [{ text: `${quote}.`, speaker: who.name, named: true }] },
    speaker: who,
  })),
  fc.tuple(pick(QUOTES)).map(([quote]) => (previous: Person) => ({
    paragraph: { text: `"${quote}," ${previous.pronoun} added.`, quotes: [{ text: quote, speaker: previous.name, named: false }] },
    speaker: previous,
  })),
  fc.tuple(person, pick(CLAUSES)).map(([who, clause]) => () => ({
    paragraph: { text: `${who.honorific} ${who.surname} told reporters that ${clause}.`, quotes: [] },
    speaker: who,
  })),
  fc.tuple(pick(ORGANISATIONS), pick(CLAUSES)).map(([organisation, clause]) => (previous: Person) => ({
    paragraph: { text: `According to ${organisation}, ${clause}.`, quotes: [] },
    speaker: previous,
  })),
  fc.tuple(pick(PLACES), pick(TOPICS), fc.integer({ min: 2, max: 90 })).map(([place, topic, count]) => (previous: Person) => ({
    paragraph: { text: `In ${place}, ${count} groups have written to ministers about ${topic} since Monday.`, quotes: [] },
    speaker: previous,
  })),
);

const article = fc.record({
  section: pick(SECTIONS),
  lead: person,
  organisation: pick(ORGANISATIONS),
  topic: pick(TOPICS),
  place: pick(PLACES),
  date: fc.date({ min: new Date('2022-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
  body: fc.array(paragraph, { minLength: 3, maxLength: 9 }),
  byline: pick(['Sam Reporter', 'Alex Writer', 'Jo Correspondent']),
  format: fc.constantFrom<Format>('header-text', 'header-text', 'plain-text', 'markdown', 'json', 'html'),
});

type DrawnArticle = typeof article extends fc.Arbitrary<infer T> ? T : never;

function compose(drawn: DrawnArticle) {
  const headline = `${drawn.lead.name} warns ${drawn.organisation} over ${drawn.topic} in ${drawn.place}`;
  const date = drawn.date.toISOString().slice(0, 10);
  const lead = `${drawn.lead.name}, the ${drawn.lead.role}, has criticised ${drawn.organisation} over ${drawn.topic}.`;
  const paragraphs: Paragraph[] = [{ text: lead, quotes: [] }];
  let speaker = drawn.lead;
  for (const next of drawn.body) {
    const made = next(speaker);
    paragraphs.push(made.paragraph);
    speaker = made.speaker;
  }
  return { headline, date, paragraphs, byline: drawn.byline };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(format: Format, parts: ReturnType<typeof compose>): { text: string; extension: string; contentType: string } {
  const body = parts.paragraphs.map((p) => p.text);
  switch (format) {
    case 'header-text':
      return {
        text: `title ${parts.headline}\ndate ${parts.date}\nauthor ${parts.byline}\n\n${body.join('\n\n')}\n`,
        extension: 'txt',
        contentType: 'text/plain; charset=utf-8',
      };
    case 'plain-text':
      return { text: `${parts.headline}\n\n${body.join('\n\n')}\n`, extension: 'txt', contentType: 'text/plain' };
    case 'markdown':
      return {
        text: `---\ntitle: "${parts.headline}"\ndate: ${parts.date}\nauthor: ${parts.byline}\n---\n\n${body.join('\n\n')}\n`,
        extension: 'md',
        contentType: 'text/markdown',
      };
    case 'json':
      return {
        text: JSON.stringify({ headline: parts.headline, datePublished: parts.date, byline: `By ${parts.byline}`, articleBody: body.join('\n\n') }, null, 2),
        extension: 'json',
        contentType: 'application/json',
      };
    case 'html':
      return {
        text:
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(parts.headline)} - Example News</title>` +
          `<meta property="article:published_time" content="${parts.date}"><meta name="author" content="${escapeHtml(parts.byline)}"></head>` +
          `<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header><main><article><h1>${escapeHtml(parts.headline)}</h1>` +
          body.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
          `</article></main><footer>© Example News</footer></body></html>`,
        extension: 'html',
        contentType: 'text/html; charset=utf-8',
      };
  }
}

/** What a newsroom's export also holds now and then: every one must end as a queryable rejection or a repaired text. */
const BAD_INPUTS: { name: string; bytes: Buffer; contentType: string; bad: 'repaired' | 'rejected' }[] = [
  {
    // Latin-1 bytes in a file that claims nothing: decoded as windows-1252 with a warning.
    name: 'latin1.txt',
    bytes: Buffer.from('Caf\xe9 owners in Montr\xe9al said prices had risen.\n\nThe caf\xe9 "is full every night", its owner said.\n', 'latin1'),
    contentType: 'text/plain',
    bad: 'repaired',
  },
  { name: 'empty.txt', bytes: Buffer.alloc(0), contentType: 'text/plain', bad: 'rejected' },
  {
    name: 'image.txt',
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0]),
    contentType: 'text/plain',
    bad: 'rejected',
  },
];

export const SYNTHETIC_SEED = 20261205;

/**
 * `count` articles, the same for the same seed; every 50th slot holds one of the bad inputs. Keys look like an
 * archive's: `section/NNN.ext`.
 */
export function syntheticNews(count: number, seed = SYNTHETIC_SEED): GeneratedArticle[] {
  const drawn = fc.sample(article, { seed, numRuns: count });
  return drawn.map((one, index) => {
    const number = String(index + 1).padStart(3, '0');
    if (index % 50 === 49) {
      const bad = BAD_INPUTS[Math.floor(index / 50) % BAD_INPUTS.length]!;
      const { name, bytes, contentType, bad: kind } = bad;
      return { key: `${one.section}/${number}-${name}`, bytes, contentType, format: 'plain-text', bad: kind, expected: { headline: '', date: '', quotes: [] } };
    }
    const parts = compose(one);
    const { text, extension, contentType } = render(one.format, parts);
    return {
      key: `${one.section}/${number}.${extension}`,
      bytes: Buffer.from(text, 'utf8'),
      contentType,
      format: one.format,
      bad: null,
      expected: { headline: parts.headline, date: parts.date, quotes: parts.paragraphs.flatMap((p) => p.quotes) },
    };
  });
}
