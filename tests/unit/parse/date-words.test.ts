import { describe, expect, it } from 'vitest';
import { CAPITALIZED_WEEKDAYS, WEEKDAYS, WEEKDAYS_DE, WEEKDAYS_FR } from '../../../shared/parse/date-words.ts';
import { DATE_WORDS } from '../../../shared/parse/entities/lexicon.ts';
import { looksLikeName } from '../../../shared/parse/formats/html/byline.ts';
import { summarize } from '../statements/helpers.ts';

describe('weekday names, spelled out once', () => {
  it('are dates to the entity lexicon and no author to the byline rules, in each language', () => {
    expect(CAPITALIZED_WEEKDAYS).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    for (const day of CAPITALIZED_WEEKDAYS) expect(DATE_WORDS.has(day)).toBe(true);
    for (const day of [...WEEKDAYS, ...WEEKDAYS_DE, ...WEEKDAYS_FR]) expect(looksLikeName(day[0]!.toUpperCase() + day.slice(1))).toBe(false);
  });

  it('are a time phrase, not the speaker, before a statement and after its cue', () => {
    expect(summarize('Wednesday the minister said in a statement on Tuesday that the talks would resume.')).toEqual([
      ['the minister', 'indirect', 'said', 'the talks would resume'],
    ]);
  });
});
