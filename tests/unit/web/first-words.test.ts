import { describe, expect, it } from 'vitest';
import { firstWords } from '../../../shared/model/first-words.ts';

describe('firstWords: what names an article without a title', () => {
  it('takes the first ten words and ends with an ellipsis', () => {
    expect(firstWords('Minister Ana Pérez said on Monday that the bridge would reopen before winter.')).toBe(
      'Minister Ana Pérez said on Monday that the bridge would…',
    );
  });

  it('ends a short text with an ellipsis too, after its own punctuation is dropped', () => {
    expect(firstWords('Storm closes the port.')).toBe('Storm closes the port…');
    expect(firstWords('  "Nobody   will be left behind,"\n she said')).toBe('"Nobody will be left behind," she said…');
  });

  it('keeps a text without spaces short', () => {
    const lead = firstWords('x'.repeat(500));
    expect(lead).toBe(`${'x'.repeat(80)}…`);
  });

  it('gives nothing for no words', () => {
    for (const text of [null, undefined, '', '   \n ', '—']) expect(firstWords(text), String(text)).toBeNull();
  });
});
