/**
 * How deep a page's elements nest, read from its tags without building a DOM. The DOM and Readability
 * recurse over the tree, so a page nested thousands deep costs seconds (or the stack) before it can be
 * refused; real pages nest a few dozen levels.
 */
export const MAX_NESTING = 512;

// Void elements and those whose end tag may be left out (<p>, <li>, <td>…) would only inflate the count.
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
  'rb', 'rt', 'rtc', 'rp', 'html', 'head', 'body',
]);
/** Elements whose content is text, not markup, each with the search for its end tag. */
const RAW_TEXT = new Map(['script', 'style', 'textarea', 'title'].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

// `[^<>]*` rather than `[^>]*`: a stray "<" never makes the scan run to the end of the page and back.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;

export function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
    const [, closing, tagName, selfClosing] = match;
    const name = tagName!.toLowerCase();
    const endTag = closing ? undefined : RAW_TEXT.get(name);
    if (endTag) {
      endTag.lastIndex = TAG.lastIndex;
      if (!endTag.exec(html)) break;
      TAG.lastIndex = endTag.lastIndex;
      continue;
    }
    if (NOT_NESTING.has(name) || selfClosing) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
