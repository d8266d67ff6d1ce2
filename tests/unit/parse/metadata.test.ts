import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../../../shared/parse/dates.ts';
import { detectHeadings } from '../../../shared/parse/metadata/headings.ts';
import { normalizeLanguageTag } from '../../../shared/parse/metadata/language-tag.ts';
import { detectLanguage } from '../../../shared/parse/metadata/language.ts';
import { findMentionedDates } from '../../../shared/parse/metadata/mentioned-dates.ts';
import { fixture, parseOne, parseText } from './support.ts';

describe('the example article', () => {
  const { metadata, body } = parseOne(fixture('karabakh-offensive-2023-09-20.txt'));

  it('finds both in-body headings, one of them a question', () => {
    expect(metadata.headings).toEqual([
      'Armenia-Azerbaijan flare-up enters second day',
      'What triggered recent clashes between Armenia and Azerbaijan?',
    ]);
  });

  it('resolves "Tuesday (Sept 19)" against the publication date, with offsets into the body', () => {
    expect(metadata.mentionedDates).toEqual([{ text: 'Tuesday (Sept 19)', date: '2023-09-19', start: 17, end: 34 }]);
    expect(body.slice(17, 34)).toBe('Tuesday (Sept 19)');
  });

  it('derives word count, content hash, language and the lead sentence', () => {
    expect(metadata.wordCount).toBe(390);
    expect(metadata.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(metadata.language).toBe('en');
    expect(metadata.summary).toBe(
      'As Azerbaijan on Tuesday (Sept 19) launched a fresh military offensive against Armenia in the disputed ' +
        'Nagorno-Karabakh region, Turkey said it fully supported Baku’s actions the same day.',
    );
    expect(metadata.provenance).toMatchObject({ language: 'detected', summary: 'lead-sentence', headings: 'body-layout' });
  });

  it('invents nothing the source does not give', () => {
    expect(metadata).toMatchObject({ title: null, byline: null, authors: [], siteName: null, canonicalUrl: null, tags: [] });
  });
});

describe('normalizeDate', () => {
  it.each([
    ['2023-09-20', '2023-09-20'],
    ['2023-09-20T08:15', '2023-09-20T08:15:00'],
    ['2023-09-20T08:15:30+0300', '2023-09-20T08:15:30+03:00'],
    ['2023-09-20 08:15:30.120Z', '2023-09-20T08:15:30.120Z'],
    ['2022-01-10T22:06:08:684Z', '2022-01-10T22:06:08.684Z'],
    ['20 September 2023', '2023-09-20'],
    ['Wed, 20 Sep 2023 08:15:00 GMT', '2023-09-20T08:15:00Z'],
    ['1695197700', '2023-09-20T08:15:00Z'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input)).toBe(expected);
  });

  it('gives null for what is not a full date', () => {
    expect(normalizeDate('2023-02-30')).toBeNull();
    expect(normalizeDate('September')).toBeNull();
    expect(normalizeDate('yesterday')).toBeNull();
  });
});

describe('mentioned dates', () => {
  it('keeps only fully written dates when there is no publication date to resolve against', () => {
    const body = 'The deal, signed on Monday, takes effect on 1 March 2005.';
    expect(findMentionedDates(body, null)).toEqual([{ text: '1 March 2005', date: '2005-03-01', start: 44, end: 56 }]);
    expect(findMentionedDates(body, '2005-02-16').map((d) => d.date)).toEqual(['2005-02-14', '2005-03-01']);
  });

  it('counts nothing from an arbitrary day without a publication date, however certain chrono is of it', () => {
    const body =
      'Today the firm said profits hit $125m in June, up from $80m a year earlier. Its stake, held for 43 days, ' +
      'was sold at the end of June 2004; the bid closes on 5/3/05.';
    expect(findMentionedDates(body, null).map((d) => [d.text, d.date])).toEqual([
      ['end of June 2004', '2004-06-30'],
      ['5/3/05', '2005-05-03'],
    ]);
    expect(findMentionedDates(body, '2005-02-16').map((d) => d.text)).toContain('Today');
  });
});

describe('headings', () => {
  it('does not take a line broken mid-sentence, or the first or last paragraph, for a heading', () => {
    const body = 'Opening paragraph here.\n\nThe men ran in Sheffield as\n\nthe crowd watched.\n\nClosing line';
    expect(detectHeadings(body)).toEqual([]);
  });
});

describe('language', () => {
  it('detects the language of an undeclared body as ISO 639-1', () => {
    const french =
      "Le gouvernement a annoncé mardi une série de mesures pour soutenir les entreprises touchées par la hausse des prix de l'énergie, a indiqué le ministre.";
    expect(detectLanguage(french)).toBe('fr');
    expect(parseText(`Un titre\n\n${french}`)[0]!.metadata.language).toBe('fr');
  });

  it('canonicalises declared tags and refuses what is not one', () => {
    expect(normalizeLanguageTag('en_us')).toBe('en-US');
    expect(normalizeLanguageTag('not a tag')).toBeNull();
  });
});
