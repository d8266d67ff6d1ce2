import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightBody, type Span } from '../../../functions/api/web/highlight.ts';

const spanOf = (body: string, text: string): Span => {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { start, end: start + text.length };
};

const marked = (result: ReturnType<typeof highlightBody<Span>>) =>
  result.paragraphs.flatMap((pieces) => pieces.filter((piece) => piece.statement).map((piece) => piece.text));

describe('highlightBody', () => {
  const body = 'First he said, "We go." Then left.\n\n"Two paragraphs\n\nof quote," she said.\n\nEnd.';

  it('highlights exactly the characters each statement covers, in paragraphs', () => {
    const said = spanOf(body, '"We go."');
    const result = highlightBody(body, [said]);
    expect(result.paragraphs).toHaveLength(4);
    expect(result.paragraphs[0]).toEqual([
      { text: 'First he said, ' },
      { text: '"We go."', statement: said, first: true, last: true },
      { text: ' Then left.' },
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('splits a statement that runs over a paragraph break, opening it once and closing it once', () => {
    const quote = spanOf(body, '"Two paragraphs\n\nof quote," she said.');
    const result = highlightBody(body, [quote]);
    expect(result.paragraphs[1]).toEqual([{ text: '"Two paragraphs', statement: quote, first: true, last: false }]);
    expect(result.paragraphs[2]).toEqual([{ text: 'of quote," she said.', statement: quote, first: false, last: true }]);
  });

  it('closes a statement whose span ends in the blank space after a paragraph', () => {
    const start = body.indexOf('"We go."');
    const span = { start, end: body.indexOf('"Two') - 1 };
    const pieces = highlightBody(body, [span]).paragraphs[0]!;
    expect(pieces.at(-1)).toMatchObject({ statement: span, first: true, last: true });
  });

  it('keeps statements that do not fit the body, or overlap an earlier one, out of the text', () => {
    const said = spanOf(body, '"We go."');
    const overlapping = { start: said.start + 2, end: said.end + 3 };
    const outside = { start: body.length - 1, end: body.length + 10 };
    const empty = { start: 4, end: 4 };
    const result = highlightBody(body, [outside, overlapping, said, empty]);
    expect(marked(result)).toEqual(['"We go."']);
    expect(result.unplaced).toEqual(expect.arrayContaining([outside, overlapping, empty]));
    expect(result.unplaced).toHaveLength(3);
  });

  it('loses no text and marks body.slice(start, end) for any non-overlapping spans within a paragraph', () => {
    const word = fc.stringMatching(/^[a-z<>"&' ]{1,8}$/);
    const paragraph = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join('').trim() || 'x');
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (paragraphs, cuts) => {
        const text = paragraphs.join('\n\n');
        // Spans chosen inside one paragraph each, never overlapping.
        const spans: Span[] = [];
        let offset = 0;
        for (const para of paragraphs) {
          const points = [...new Set(cuts.map((cut) => cut % (para.length + 1)))].sort((a, b) => a - b);
          for (let i = 0; i + 1 < points.length; i += 2) spans.push({ start: offset + points[i]!, end: offset + points[i + 1]! });
          offset += para.length + 2;
        }
        const placeable = spans.filter((span) => span.end > span.start);
        const result = highlightBody(text, placeable);
        expect(result.paragraphs.map((pieces) => pieces.map((piece) => piece.text).join(''))).toEqual(paragraphs);
        expect(marked(result)).toEqual(placeable.map((span) => text.slice(span.start, span.end)));
        expect(result.unplaced).toEqual([]);
      }),
    );
  });
});
