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

/**
 * Links kept in a chain of wrappers (elements whose only content is one element). Readability scores and
 * cleans every element against its whole subtree, so a chain hundreds deep ('<div>'.repeat(500) around an
 * article) costs seconds; in 673 real pages (scripts/measure-nesting.ts) the longest chain is 13 links.
 */
export const MAX_WRAPPER_CHAIN = 16;

/**
 * Removes the wrappers of a chain past its first MAX_WRAPPER_CHAIN links: the innermost element, which holds
 * the content, takes their place. Real pages are left as they are; nothing visible is lost.
 */
export function collapseWrapperChains(root: Element): void {
  // a stack, not recursion: a page may nest MAX_NESTING deep
  const stack: Array<{ element: Element; chain: number }> = [{ element: root, chain: 0 }];
  while (stack.length > 0) {
    const { element, chain } = stack.pop()!;
    let only = soleChild(element);
    if (only && chain >= MAX_WRAPPER_CHAIN) {
      for (let inner = soleChild(only); inner; inner = soleChild(only)) {
        element.replaceChild(inner, only);
        only = inner;
      }
    }
    for (const child of Array.from(element.children)) stack.push({ element: child, chain: only ? chain + 1 : 0 });
  }
}

/** The one child element of an element without text of its own, else null. */
function soleChild(element: Element): Element | null {
  let found: Element | null = null;
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 1) {
      if (found) return null;
      found = node as Element;
    } else if (node.nodeType === 3 && node.textContent?.trim()) {
      return null;
    }
  }
  return found;
}
