import type { ArticleText } from '../text/document.ts';
import { classify } from '../text/mentions.ts';
import { isCapitalized, isPunctuation, tokenize, wordCount } from '../text/tokens.ts';
import type { Candidate, Mention, StatementParser } from '../types.ts';

/** A speaker's label opening the paragraph: one to three capitalized words and a colon ("JAKE TAPPER:", "Lopez:"). */
const LABEL = /^(\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,2}):[ \t]+(?=\S)/u;
/** Fewer turns than this are a heading or a lead-in ("Poll: ...", "The result: ..."), not a transcript. */
const MIN_TURNS = 2;
/** A turn shorter than this is a label of a list ("Sanders: Win in a walk."), not something said. */
const MIN_WORDS = 5;
/** Over this share of capitalized words the paragraph lists names ("Iowa: Tim Albrecht, Brad Anderson, ..."). */
const MAX_CAPITALIZED = 0.6;

/**
 * `TAPPER: Do you think ...`, `Luciana Lopez: Saying to people ...`: a turn of a transcript, where the
 * speaker's label and a colon open the paragraph and the rest of the paragraph is what they said, without
 * quotation marks. Only an article with two turns or more is read as a transcript.
 */
export const transcriptTurn: StatementParser = {
  name: 'transcript-turn',
  extract(text: ArticleText) {
    const { body } = text;
    const turns: Candidate[] = [];
    for (const paragraph of text.paragraphs) {
      const label = LABEL.exec(body.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 80)));
      if (!label) continue;
      const mention = labelledSpeaker(text, paragraph.start, paragraph.start + label[1]!.length);
      const from = paragraph.start + label[0].length;
      // a quotation after the label is the name-colon construction's
      if (!mention || /^["“‘]/.test(body.slice(from, from + 1)) || wordCount(body.slice(from, paragraph.end)) < MIN_WORDS) continue;
      const words = tokenize(body, from, paragraph.end).filter((token) => !isPunctuation(token));
      if (words.filter(isCapitalized).length > MAX_CAPITALIZED * words.length) continue;
      turns.push({
        kind: 'direct',
        parser: this.name,
        parts: [{ start: from, end: paragraph.end }],
        start: paragraph.start,
        end: paragraph.end,
        cue: ':',
        cueAt: mention.end,
        mention,
      });
    }
    return turns.length >= MIN_TURNS ? turns : [];
  },
};

/** The label as a person's name or surname ("TAPPER" as written in a transcript): not a place or a single letter ("Q:"). */
function labelledSpeaker(text: ArticleText, start: number, end: number): Mention | null {
  const mention = classify(text.body, tokenize(text.body, start, end));
  if (!mention || (mention.form !== 'name' && mention.form !== 'honorific') || mention.type === 'location') return null;
  return mention.name.length >= 2 ? mention : null;
}
