/**
 * What every date chrono's strict English parser finds contains (chrono-node 2.x, locales/en): a digit, or a
 * word of its month, weekday or time-unit dictionaries ("March", "Sept.", "thurs", "minutes"), each starting
 * after a non-word character, as chrono's word-boundary parsers require. A text without one holds no date for
 * chrono.strict, so it need not run: compiling its large expressions is most of an HTML article's first byline.
 * tests/unit/parse/english-date-cue.test.ts holds the list to chrono's dictionaries and the cue to its results.
 */
const ENGLISH_DATE_CUE =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|second|minute|hour|day|week|quarter|year)/i;

export const mayHoldEnglishDate = (text: string): boolean => ENGLISH_DATE_CUE.test(text);
