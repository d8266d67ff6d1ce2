import { describe, expect, it } from 'vitest';
import { normalizeForEcho } from '../../../shared/echo/normalize.ts';

describe('normalizeForEcho', () => {
  it('folds case, accents, compatibility forms and ß', () => {
    expect(normalizeForEcho('Erdoğan’s ﬁnal WORD on the Straße')).toBe('erdogans final word on the strasse');
  });

  it('reads every quote mark and apostrophe alike', () => {
    const forms = ['“We don’t back down,” he said', '"We don\'t back down," he said', '«We donʼt back down», he said', '‘We don‘t back down,’ he said'];
    expect(new Set(forms.map(normalizeForEcho))).toEqual(new Set(['we dont back down he said']));
  });

  it('drops punctuation and collapses whitespace', () => {
    expect(normalizeForEcho('  Prices rose 1.1% —\n in December… ')).toBe('prices rose 1 1 in december');
  });
});
