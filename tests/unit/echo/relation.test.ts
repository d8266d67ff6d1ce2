import { describe, expect, it } from 'vitest';
import { echoRelation } from '../../../shared/echo/relation.ts';
import { overlapOfSmaller } from '../../../shared/echo/shingles.ts';

const direct = (text: string) => ({ kind: 'direct' as const, text });
const indirect = (text: string) => ({ kind: 'indirect' as const, text });

const QUOTE = 'Armenia must withdraw its troops from Karabakh, and it must do so now. There is no other way to peace.';

describe('echoRelation', () => {
  it('a re-typed quote is a copy', () => {
    expect(echoRelation(direct(QUOTE), direct('ARMENIA must withdraw its troops from Karabakh — and it must do so now! There is no other way to peace'))).toBe('copy');
  });

  it('a quote with a word changed, dropped or its last sentence cut is a near-copy', () => {
    expect(echoRelation(direct(QUOTE), direct(QUOTE.replace('troops', 'forces')))).toBe('near-copy');
    expect(echoRelation(direct(QUOTE), direct(QUOTE.replace(' now', '')))).toBe('near-copy');
    expect(echoRelation(direct(QUOTE), direct('Armenia must withdraw its troops from Karabakh, and it must do so now.'))).toBe('near-copy');
    // the BBC corpus: one report spelt "tyres", another "tires"
    expect(
      echoRelation(
        indirect('chief operating officer Peter Chernin said that News Corp is kicking the tyres of pretty much all video games companies'),
        indirect('chief operating officer Peter Chernin said that News Corp is kicking the tires of pretty much all video games companies'),
      ),
    ).toBe('near-copy');
  });

  it('an indirect report of the quote is a paraphrase; two different quotes are not', () => {
    expect(echoRelation(direct(QUOTE), indirect('Armenia had to withdraw its troops from Karabakh at once'))).toBe('paraphrase');
    expect(echoRelation(direct(QUOTE), direct('Armenia had to withdraw its troops from Karabakh at once'))).toBeNull();
    expect(echoRelation(direct(QUOTE), indirect('the talks in Brussels would go on until a deal was found'))).toBeNull();
  });

  it('a few words in common are not an echo', () => {
    // "to play his part" is inside many sentences: too short to be the cut copy of one
    expect(echoRelation(indirect('to play his part'), indirect('to play his part as he had been asked to do'))).toBeNull();
    // the BBC corpus: every word of "its record on the NHS" is in the other quote, but few of its word pairs
    expect(echoRelation(indirect('its record on the NHS'), direct('This government turns its back on the people who work in the NHS'))).toBeNull();
    expect(echoRelation(direct(''), direct('…'))).toBeNull();
  });
});

describe('overlapOfSmaller', () => {
  it('is the share of the smaller set the larger holds, whichever is given first', () => {
    const cut = new Set(['a', 'b']);
    const whole = new Set(['a', 'b', 'c', 'd']);
    expect(overlapOfSmaller(cut, whole)).toBe(1);
    expect(overlapOfSmaller(whole, cut)).toBe(1);
    expect(overlapOfSmaller(new Set(['a', 'x']), whole)).toBe(0.5);
    expect(overlapOfSmaller(new Set(), whole)).toBe(0);
  });
});
