/**
 * The parser faces whatever is uploaded. For any input it either returns articles or throws RejectedInput
 * (a permanent, explained refusal); nothing else may escape, and no input may take more than 1 s (the
 * bound issue 6 asks for; measured as the parse's CPU time, which a busy shared machine does not inflate).
 *
 * Small arbitrary inputs run here; mutated news articles (50 of the set in ../support/news-set.ts: the BBC
 * corpus when present, else generated articles in every format) and the giant adversarial inputs run in a child
 * process (parser-process.ts), so one that hangs or overflows the stack is timed out instead of taking
 * the test run down with it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_CHARS, parseDocument, RejectedInput } from '../../shared/parse/index.ts';
import { newsSet } from '../support/news-set.ts';
import { ParserProcess, type Outcome } from './parser-process.ts';

const BOUND_MS = 1_000;
/** Wall time after which a child-process parse is abandoned: long past the bound, even on a busy machine. */
const DEADLINE_MS = 5_000;
const FIVE_MB = 5 * 1024 * 1024;
const SEED = Number(process.env.FUZZ_SEED ?? 6_2026);

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const parser = new ParserProcess();
const figures = { inputs: 0, maxCpuMs: 0, maxLabel: '' };
let articles: Buffer[] = [];

function record(label: string, outcome: Outcome): void {
  figures.inputs += 1;
  const cpuMs = outcome.outcome === 'timed-out' ? outcome.ms : outcome.cpuMs;
  if (cpuMs > figures.maxCpuMs) Object.assign(figures, { maxCpuMs: cpuMs, maxLabel: label });
}

/** What an input must come to: articles or a RejectedInput, within the bound. */
function problem(outcome: Outcome): string | null {
  if (outcome.outcome === 'crashed') return `crashed: ${outcome.error}`;
  if (outcome.outcome === 'timed-out') return `still running after ${(outcome.ms / 1000).toFixed(0)} s (killed)`;
  if (outcome.cpuMs > BOUND_MS) return `took ${outcome.cpuMs.toFixed(0)} ms of CPU (wall ${outcome.ms.toFixed(0)} ms)`;
  return null;
}

/** In this process, for small inputs. */
function parseHere(bytes: Uint8Array, key: string, contentType?: string): Outcome {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const times = () => {
    const { user, system } = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (user + system) / 1000 };
  };
  try {
    const articles = parseDocument(bytes, { key, ...(contentType ? { contentType } : {}) });
    return { outcome: 'parsed', articles: articles.length, statements: articles.reduce((sum, a) => sum + a.statements.length, 0), ...times() };
  } catch (error) {
    if (error instanceof RejectedInput) return { outcome: 'rejected', code: error.code, ...times() };
    return { outcome: 'crashed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ...times() };
  }
}

const encode = (text: string) => new TextEncoder().encode(text);
const hints = fc.record({
  key: fc.constantFrom('article.txt', 'article.html', 'article.md', 'article.json', 'article', 'folder/Erdoğan (2023).htm'),
  contentType: fc.option(fc.constantFrom('text/plain', 'text/html', 'application/json', 'text/markdown', 'application/octet-stream', 'text/html; charset=utf-16'), {
    nil: undefined,
  }),
});

/** Text shaped like what the formats look for, so the fuzzer gets past the first checks. */
const articleLike = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom('<html>', '<div>', '</div>', '<p>', '<script type="application/ld+json">', '{"@type":"NewsArticle","headline":', '---\n', '# ', '"', '“', '”', '\n\n'),
      fc.constantFrom(' said ', ' told ', ' according to ', 'Mr ', 'Ms ', 'President ', '12 March 2004', 'Monday'),
      fc.string({ unit: 'grapheme' }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const news = await newsSet();
  // 50 articles spread over the whole set (all categories of the corpus; all formats of the generated set).
  const stride = Math.max(1, Math.floor(news.keys.length / 50));
  const sample = news.keys.filter((key, index) => index % stride === 0 && !news.rejected.has(key)).slice(0, 50);
  articles = await Promise.all(sample.map((key) => news.read(key)));
  console.log(`parser fuzz: mutating ${articles.length} articles of ${news.description}`);
  // Starts the child (its start-up is not timed).
  await parser.parse({ bytes: articles[0] as Buffer, key: 'warm-up.txt' }, DEADLINE_MS);
}, 180_000);

afterAll(() => {
  parser.close();
  process.off('unhandledRejection', onUnhandled);
  console.log(`parser fuzz: ${figures.inputs} inputs, max CPU time ${figures.maxCpuMs.toFixed(0)} ms (${figures.maxLabel}); unhandled rejections ${unhandled.length}`);
});

describe('parseDocument on arbitrary input', () => {
  it('returns articles or throws RejectedInput for arbitrary strings and bytes, each within 1 s', () => {
    const input = fc.oneof(
      fc.string().map(encode),
      fc.string({ unit: 'binary' }).map(encode),
      articleLike.map(encode),
      fc.uint8Array({ maxLength: 4096 }),
    );
    fc.assert(
      fc.property(input, hints, (bytes, { key, contentType }) => {
        const outcome = parseHere(bytes, key, contentType);
        record('arbitrary input', outcome);
        expect(problem(outcome)).toBeNull();
      }),
      { seed: SEED, numRuns: 1_500 },
    );
    expect(unhandled).toEqual([]);
  });

  // Found by this fuzzer (root-less documents made Readability throw a plain Error); fixed, kept as a check.
  it.each(['<', '<a', '<html', '<!', '<script>', '<style>x'])('refuses the truncated HTML %j with RejectedInput', (html) => {
    expect(problem(parseHere(encode(html), 'article.html'))).toBeNull();
  });

  it('returns articles or throws RejectedInput for mutated articles, each within 1 s', { timeout: 300_000 }, async () => {
    const repeated = (text: string, times: number) => Array.from({ length: times }, () => text).join('');
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      fc.record({ kind: fc.constant('random bytes' as const), bytes: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 50 }) }),
      fc.record({ kind: fc.constant('inserted bytes' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 2048 }) }),
      // Lines up to ~100 KB here; the 5 MB line is one of the giant inputs below.
      fc.record({ kind: fc.constant('huge line' as const), times: fc.integer({ min: 2, max: 40 }) }),
      fc.record({ kind: fc.constant('quote marks' as const), mark: fc.constantFrom('"', '“', '”', "'", '«', '»', '„'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      // Depth up to 500 here (~1,700 already costs ~0.9 s); deeper pages are among the giant inputs below.
      fc.record({ kind: fc.constant('nested html' as const), tag: fc.constantFrom('div', 'p', 'blockquote', 'span'), depth: fc.integer({ min: 10, max: 500 }) }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: articles.length - 1 }), mutation, hints, async (index, change, { key, contentType }) => {
        const original = articles[index] as Buffer;
        const text = original.toString('utf8');
        const at = (fraction: number, length: number) => Math.floor(fraction * length);
        let bytes: Uint8Array;
        switch (change.kind) {
          case 'truncate':
            bytes = original.subarray(0, at(change.at, original.length));
            break;
          case 'random bytes':
            bytes = Buffer.from(original);
            for (const [position, value] of change.bytes) bytes[at(position, bytes.length)] = value;
            break;
          case 'inserted bytes': {
            const cut = at(change.at, original.length);
            bytes = Buffer.concat([original.subarray(0, cut), change.bytes, original.subarray(cut)]);
            break;
          }
          case 'huge line':
            bytes = encode(repeated(text.replace(/\s+/g, ' '), change.times).slice(0, FIVE_MB));
            break;
          case 'quote marks': {
            const cut = at(change.at, text.length);
            bytes = encode(`${text.slice(0, cut)}${repeated(change.mark, 10_000)}${text.slice(cut)}`);
            break;
          }
          case 'nested html':
            bytes = encode(`<html><body>${repeated(`<${change.tag}>`, change.depth)}${text}${repeated(`</${change.tag}>`, change.depth)}</body></html>`);
            break;
        }
        const outcome = await parser.parse({ bytes, key, ...(contentType ? { contentType } : {}) }, DEADLINE_MS);
        const label = `article ${index}, ${change.kind}${'depth' in change ? ` ${change.depth}` : ''}${'times' in change ? ` ×${change.times}` : ''}`;
        record(label, outcome);
        const found = problem(outcome);
        if (found) failures.push(`${label} (${bytes.length} bytes): ${found}`);
      }),
      // Every failure is collected (rather than stopping at the first) so that one run shows them all.
      { seed: SEED, numRuns: 150 },
    );
    console.log(`mutated articles: ${failures.length} of 150 failed${failures.length ? `:\n  ${failures.slice(0, 10).join('\n  ')}` : ''}`);
    expect(failures).toEqual([]);
  });
});

describe('parseDocument on giant adversarial input', () => {
  const article = () => (articles[0] as Buffer).toString('utf8');
  const giants: { name: string; key: string; input: () => string | Uint8Array }[] = [
    { name: '5 MB of one word', key: 'word.txt', input: () => 'word '.repeat(FIVE_MB / 5) },
    { name: '5 MB of one word without spaces', key: 'word.txt', input: () => 'w'.repeat(FIVE_MB) },
    { name: 'one byte over 5 MB (refused as too large)', key: 'big.txt', input: () => 'w'.repeat(FIVE_MB + 1) },
    { name: '10,000 quote marks in an article', key: 'quotes.txt', input: () => `${article()}\n\n${'"'.repeat(10_000)}` },
    {
      name: 'an article as one 5 MB line',
      key: 'line.txt',
      input: () => article().replace(/\s+/g, ' ').repeat(FIVE_MB / article().length).slice(0, FIVE_MB),
    },
    {
      // ~60 KB: depth, not size, is what costs (refused before a DOM is built)
      name: '5,000 nested divs',
      key: 'nested.html',
      input: () => `<html><body>${'<div>'.repeat(5_000)}${article()}${'</div>'.repeat(5_000)}</body></html>`,
    },
    {
      name: '50,000 nested divs',
      key: 'nested.html',
      input: () => `<html><body>${'<div>'.repeat(50_000)}${article()}${'</div>'.repeat(50_000)}</body></html>`,
    },
    {
      // the most text an article may have (MAX_BODY_CHARS), dense with names, quotes and dates
      name: 'the longest accepted article text, as one line',
      key: 'longest.txt',
      input: () => article().replace(/\s+/g, ' ').repeat(MAX_BODY_CHARS / article().length).slice(0, MAX_BODY_CHARS),
    },
    { name: '1 MB of random bytes', key: 'random.txt', input: () => fc.sample(fc.uint8Array({ minLength: 1 << 20, maxLength: 1 << 20 }), { seed: SEED, numRuns: 1 })[0] as Uint8Array },
  ];

  for (const giant of giants) {
    it(`${giant.name}: articles or RejectedInput within 1 s`, { timeout: DEADLINE_MS + 150_000 }, async () => {
      const input = giant.input();
      const outcome = await parser.parse({ bytes: typeof input === 'string' ? encode(input) : input, key: giant.key }, DEADLINE_MS);
      record(giant.name, outcome);
      console.log(`${giant.name}: ${outcome.outcome}, CPU ${Number.isNaN(outcome.cpuMs) ? '?' : outcome.cpuMs.toFixed(0)} ms, wall ${outcome.ms.toFixed(0)} ms`);
      expect(problem(outcome)).toBeNull();
    });
  }
});
