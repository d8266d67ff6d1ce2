import { parseHTML } from 'linkedom';

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['HEAD', 'TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'IFRAME']);
const HEADING = /^H[2-6]$/;

export interface HtmlText {
  /** Paragraphs separated by blank lines. */
  text: string;
  /** Text of the h2–h6 subheadings, in order. */
  headings: string[];
}

/**
 * Readable text of an element: one paragraph per block element, inline whitespace collapsed, so that the
 * body of an HTML article has the same shape (and the same offsets rules) as a text article.
 */
export function elementText(root: Element): HtmlText {
  const blocks: string[] = [];
  const headings: string[] = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(element.childNodes)) walk(child);
    if (block) {
      if (HEADING.test(tag)) {
        const heading = current.replace(/\s+/g, ' ').trim();
        if (heading) headings.push(heading);
      }
      flush();
    }
  };
  walk(root);
  flush();
  return { text: blocks.join('\n\n'), headings };
}

/** Text of an HTML fragment (an API's `content` field that holds markup). */
export function htmlFragmentText(html: string): HtmlText {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return elementText(document.body as unknown as Element);
}

/** Whether a string holds markup rather than text that merely mentions a `<`. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:p|div|br|span|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure|img|article|section)\b[^>]*>/i.test(
    text,
  );
}
