import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collapseWrapperChains, MAX_WRAPPER_CHAIN } from '../../../shared/parse/formats/html/nesting.ts';
import { fixture, parseText } from './support.ts';

const nested = (tag: string, depth: number, inner: string) => `${`<${tag}>`.repeat(depth)}${inner}${`</${tag}>`.repeat(depth)}`;
const bodyOf = (html: string) => (parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as { document: Document }).document.body;

function depthOf(element: Element): number {
  let depth = 0;
  for (let child = element.firstElementChild; child; child = child.firstElementChild) depth++;
  return depth;
}

describe('HTML wrapper chains', () => {
  it('keeps the first links of a chain hundreds deep and the element that holds the text', () => {
    const body = bodyOf(nested('div', 400, '<p class="lede">Council backs budget.</p>'));
    collapseWrapperChains(body);
    // body and the first wrappers, then the paragraph
    expect(depthOf(body)).toBe(MAX_WRAPPER_CHAIN + 1);
    expect(body.querySelector('p.lede')?.textContent).toBe('Council backs budget.');
  });

  it('leaves chains as long as real pages have, and elements with text or several children, as they are', () => {
    const html = nested('div', 13, '<p>One.</p>') + nested('section', 30, '<p>Two.</p><p>Three.</p>').replace(/<section>/g, '<section>x ');
    const body = bodyOf(html);
    const before = body.innerHTML;
    collapseWrapperChains(body);
    expect(body.innerHTML).toBe(before);
  });

  it('reads an article wrapped in 400 nested divs as it reads the article wrapped in one', () => {
    const text = readFileSync(fixture('karabakh-offensive-2023-09-20.txt'), 'utf8');
    const [flat] = parseText(`<html><body>${nested('div', 1, text)}</body></html>`, 'flat.html');
    const [deep] = parseText(`<html><body>${nested('div', 400, text)}</body></html>`, 'deep.html');
    expect(deep!.body).toBe(flat!.body);
    expect(deep!.body).toContain(text.split('\n')[2]!.trim().slice(0, 40));
    expect(deep!.statements.map((s) => [s.speaker, s.text])).toEqual(flat!.statements.map((s) => [s.speaker, s.text]));
    expect(deep!.statements.length).toBeGreaterThan(0);
  });
});
