import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../shared/parse/statements/index.ts';
import { carrySpeaker } from '../../../shared/parse/statements/refiners/carry-speaker.ts';
import { dropNonStatements } from '../../../shared/parse/statements/refiners/drop-non-statements.ts';
import { dropOverlaps } from '../../../shared/parse/statements/refiners/drop-overlaps.ts';
import { mergeSplitQuotes } from '../../../shared/parse/statements/refiners/merge-split-quotes.ts';
import { prepareText } from '../../../shared/parse/statements/text/document.ts';
import type { Candidate } from '../../../shared/parse/statements/types.ts';
import { summarize } from './helpers.ts';

/** A candidate over the first occurrence of `words` in `body`. */
function candidate(body: string, words: string, fields: Partial<Candidate>): Candidate {
  const start = body.indexOf(words);
  return { kind: 'direct', parser: 'unattributed-quote', parts: [{ start, end: start + words.length }], start: start - 1, end: start + words.length + 1, cue: '', mention: null, ...fields };
}

describe('merge-split-quotes', () => {
  const body = '"We are sorry," he said. "It will not happen again."';
  const text = prepareText(body);
  const first = { ...candidate(body, 'We are sorry,', { parser: 'quote-then-speaker', cue: 'said' }), end: body.indexOf('said.') + 5 };
  const second = candidate(body, 'It will not happen again.', {});

  it('joins an unattributed quotation to the attributed one right before it', () => {
    const [merged, ...rest] = mergeSplitQuotes.refine(text, [first, second], {});
    expect(rest).toEqual([]);
    expect(merged!.parts.map((p) => body.slice(p.start, p.end))).toEqual(['We are sorry,', 'It will not happen again.']);
  });

  it('leaves a quotation with its own attribution alone', () => {
    const attributed = { ...second, parser: 'quote-then-speaker' };
    expect(mergeSplitQuotes.refine(text, [first, attributed], {})).toHaveLength(2);
  });

  it('joins two unattributed quotations with only white space between them: one quotation run on', () => {
    const run = '"Would it be negotiable?"\n\n"Maybe let some people stay."';
    const parts = [candidate(run, 'Would it be negotiable?', { parser: 'unattributed-quote' }), candidate(run, 'Maybe let some people stay.', { parser: 'unattributed-quote' })];
    const merged = mergeSplitQuotes.refine(prepareText(run), parts, {});
    expect(merged.map((c) => c.parts.map((p) => run.slice(p.start, p.end)))).toEqual([['Would it be negotiable?', 'Maybe let some people stay.']]);
  });
});

describe('drop-overlaps', () => {
  it('keeps the attributed reading of a quotation and drops the unattributed one', () => {
    const body = '"We will win," she said.';
    const attributed = candidate(body, 'We will win,', { parser: 'quote-then-speaker', cue: 'said' });
    const bare = candidate(body, 'We will win,', {});
    expect(dropOverlaps.refine(prepareText(body), [attributed, bare], {})).toEqual([attributed]);
  });

  it('treats a quotation inside reported speech as a partial quote of it', () => {
    const body = 'Mr Blair said the families deserved "to be completely exonerated".';
    const reported = candidate(body, 'the families deserved "to be completely exonerated"', { kind: 'indirect', parser: 'said-that', cue: 'said' });
    const partial = candidate(body, 'to be completely exonerated', {});
    expect(dropOverlaps.refine(prepareText(body), [reported, partial], {})).toEqual([reported]);
  });

  it('keeps the outer of two nested reported clauses', () => {
    expect(summarize('Mr Dein said that, although coverage had grown, he feared there might now be too many games being shown.')).toHaveLength(1);
  });
});

describe('carry-speaker', () => {
  it('gives an unattributed quotation the last person quoted, not an organisation in between', () => {
    const body = 'Mr Florin said adults play video games. EA said games were big business. "Nobody queues for music anymore."';
    expect(summarize(body).map(([speaker]) => speaker)).toEqual(['Florin', 'EA', 'Florin']);
  });

  it('drops a quotation when nobody spoke before it', () => {
    const body = '"Nobody queues for music anymore."';
    const text = prepareText(body);
    expect(carrySpeaker.refine(text, [candidate(body, 'Nobody queues for music anymore.', {})], {})).toEqual([]);
  });
});

describe('resolve-speakers', () => {
  it('names a speaker by the most complete name in the article', () => {
    const body = 'Turkish President Recep Tayyip Erdogan spoke in New York. Erdogan said the region was Azerbaijani territory.';
    expect(summarize(body)[0]?.[0]).toBe('Recep Tayyip Erdogan');
  });

  it('resolves Mr X, he and she to the right earlier person', () => {
    const body = [
      'Gerry Conlon - who was wrongly convicted of planting the bombs - said the families were delighted with the apology.',
      'Mrs Maguire was the relative with whom Giuseppe planned to stay in London.',
      'She said it was a wonderful feeling to have had the apology.',
      'Mr Conlon said the campaign had been long.',
      'He said the apology had lifted a weight.',
    ].join(' ');
    expect(summarize(body).map(([speaker]) => speaker)).toEqual(['Gerry Conlon', 'Maguire', 'Gerry Conlon', 'Gerry Conlon']);
  });

  it('resolves role nouns to the name given with that role', () => {
    const body = 'Irish Transport Minister Martin Cullen visited Dublin. Last Friday the minister had announced he was to advertise for three senior executives.';
    expect(summarize(body)[0]?.[0]).toBe('Martin Cullen');
  });

  it('expands an acronym defined in brackets and keeps unnamed sources as written', () => {
    const body = 'Video game giant Electronic Arts (EA) says it wants to become the biggest entertainment firm. A Home Office spokesman said the rules would not change.';
    expect(summarize(body).map(([speaker]) => speaker)).toEqual(['Electronic Arts', 'A Home Office spokesman']);
  });
});

describe('drop-non-statements', () => {
  it('drops unattributed quotations that are short, titles, or mid-sentence phrases', () => {
    const body = 'He called it "a bold and brave step for us" on Monday. "Yes we can." "The Lord Of The Rings Returns Again"';
    const text = prepareText(body);
    const found = [
      candidate(body, 'a bold and brave step for us', {}),
      candidate(body, 'Yes we can.', {}),
      candidate(body, 'The Lord Of The Rings Returns Again', {}),
    ];
    expect(dropNonStatements.refine(text, found, {})).toEqual([]);
  });

  it('keeps a whole quoted sentence', () => {
    const body = 'Mr Fox spoke. "That pattern will continue for years."';
    const found = [candidate(body, 'That pattern will continue for years.', {})];
    expect(dropNonStatements.refine(prepareText(body), found, {})).toEqual(found);
  });
});

describe('speaker aliases', () => {
  it('never carry a relative clause: "Turkey, which occupies northern Cyprus," is Turkey', () => {
    const [statement] = extractStatements('Turkey, which occupies northern Cyprus, said it would not withdraw its troops from the island.');
    expect(statement?.speaker.name).toBe('Turkey');
    expect(statement?.speaker.aliases).toEqual([]);
  });
});
