import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../shared/parse/statements/index.ts';

const pieces = ['"', '“', '”', '‘', '’', "'", ' ', '\n\n', '.', ',', ':', ' said ', ' told ', 'Mr ', 'He', ' according to ', 'Smith', 'the minister', ' that ', '(', ')', '-', 'A', 'b'];
const newsish = fc.array(fc.constantFrom(...pieces), { maxLength: 200 }).map((parts) => parts.join(''));

function checkInvariants(body: string) {
  for (const statement of extractStatements(body)) {
    expect(statement.start).toBeGreaterThanOrEqual(0);
    expect(statement.end).toBeLessThanOrEqual(body.length);
    expect(statement.start).toBeLessThan(statement.end);
    expect(statement.speaker.name.length).toBeGreaterThan(0);
    // the text is made of the body's own words between start and end
    const span = body.slice(statement.start, statement.end).replace(/["“”„«»]/g, '');
    for (const word of statement.text.split(/\s+/).filter(Boolean).map((w) => w.replace(/["“”„«»]/g, ''))) {
      if (word) expect(span).toContain(word);
    }
  }
}

describe('robustness', () => {
  it('never throws, and offsets stay inside the body with start < end (random strings)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (body) => checkInvariants(body)), { numRuns: 300 });
  });

  it('never throws on news-like fragments full of quote marks and cues', () => {
    fc.assert(fc.property(newsish, (body) => checkInvariants(body)), { numRuns: 500 });
  });

  it('text is the body slice without quote marks and attribution', () => {
    const body = 'Intro.\n\n"We are sorry," he said. "It will not happen again." Mr Smith said the firm would pay.';
    const statements = extractStatements(`Mr Smith arrived. ${body}`);
    for (const statement of statements) {
      const span = `Mr Smith arrived. ${body}`.slice(statement.start, statement.end);
      expect(span.replace(/["“”]/g, '')).toContain(statement.text.split(' ')[0]!.replace(/["“”]/g, ''));
    }
    expect(statements.map((s) => s.text)).toEqual(['We are sorry, It will not happen again.', 'the firm would pay']);
  });

  it('an unbalanced quote mark does not swallow the rest of the article', () => {
    const body = 'Mr Smith said "we will never give up.\n\nThe company said profits rose by 5% last year.\n\n"This is a good result," Ms Jones said.';
    const statements = extractStatements(body);
    expect(statements.map((s) => [s.speaker.name, s.kind])).toEqual([
      ['Smith', 'direct'],
      ['The company', 'indirect'],
      ['Jones', 'direct'],
    ]);
    expect(statements[0]!.end).toBeLessThanOrEqual(body.indexOf('\n\n'));
  });

  it('tells apostrophes from quote marks', () => {
    const body = 'Turkey said it fully supported Baku’s actions and that Armenia shouldn’t interfere.';
    expect(extractStatements(body).map((s) => s.text)).toEqual(['it fully supported Baku’s actions and that Armenia shouldn’t interfere']);
  });

  const words = ['he', 'said', '"we', 'will', 'Mr', 'Smith', 'told', 'the', 'minister', '“never', 'according', 'to', 'that', 'Baku’s', 'A', 'B,'];
  let wordy = '';
  for (let i = 0; wordy.length < 1_000_000; i++) wordy += `${words[(i * 7 + (i >> 3)) % words.length]} `;

  /** CPU time of this worker process (not wall time: other processes on a loaded machine do not count). */
  const cpuMs = (run: () => void) => {
    const before = process.cpuUsage();
    run();
    const { user, system } = process.cpuUsage(before);
    return (user + system) / 1000;
  };
  /** The faster of two runs: one slow run (a collection, a compile) is not the input's cost. */
  const costOf = (body: string) => Math.min(cpuMs(() => extractStatements(body)), cpuMs(() => extractStatements(body)));

  // Hostile input must stay linear: four times the input costs about four times the CPU, never the sixteen
  // times a quadratic pass would. A ratio, not a time limit, so that a loaded machine does not fail it.
  it.each([
    ['cue words and thousands of unbalanced quote marks', wordy],
    ['nothing but straight quote marks', '"'.repeat(1_000_000)],
  ])('takes time linear in a 1 MB adversarial input (%s, no full stops)', (_name, body) => {
    expect(Array.isArray(extractStatements(body))).toBe(true);
    const quarter = costOf(body.slice(0, body.length / 4));
    const whole = costOf(body);
    expect(whole / Math.max(quarter, 1)).toBeLessThan(8);
  });
});
