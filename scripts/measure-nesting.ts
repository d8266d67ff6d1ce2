/**
 * How deep real pages nest, to bound what the HTML reader accepts and flattens (MAX_WRAPPER_CHAIN in
 * shared/parse/formats/html/nesting.ts).
 *
 *   npx tsx scripts/measure-nesting.ts [DIR]...
 *
 * Each DIR holds one folder per page with its source.html (default: the team's html-news and html-pages).
 * Prints, over all pages, how many have each longest wrapper chain (elements whose only content is one
 * element: div > div > section > …) and each DOM depth, tens together.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { decodeText } from '../shared/parse/decode.ts';

const dirs = process.argv.slice(2).filter((arg) => arg !== '--');
const folders = dirs.length > 0 ? dirs : ['../shared/corpus/html-news', '../shared/corpus/html-pages'];

const count = (counts: Map<number, number>, key: number) => counts.set(key, (counts.get(key) ?? 0) + 1);
const chains = new Map<number, number>();
const depths = new Map<number, number>();
let pages = 0;
for (const folder of folders) {
  for (const page of readdirSync(folder)) {
    let html: string;
    try {
      html = decodeText(readFileSync(join(folder, page, 'source.html'))).text;
    } catch {
      continue;
    }
    const { document } = parseHTML(html) as unknown as { document: Document };
    let longestChain = 0;
    let deepest = 0;
    const stack: Array<{ element: Element; depth: number; chain: number }> = [{ element: document.documentElement, depth: 0, chain: 0 }];
    while (stack.length > 0) {
      const { element, depth, chain } = stack.pop()!;
      deepest = Math.max(deepest, depth);
      const nodes = Array.from(element.childNodes);
      const isWrapper = element.children.length === 1 && !nodes.some((n) => n.nodeType === 3 && n.textContent?.trim());
      for (const child of Array.from(element.children)) {
        const childChain = isWrapper ? chain + 1 : 0;
        longestChain = Math.max(longestChain, childChain);
        stack.push({ element: child, depth: depth + 1, chain: childChain });
      }
    }
    count(chains, longestChain);
    count(depths, Math.floor(deepest / 10) * 10);
    pages++;
  }
}
const show = (counts: Map<number, number>) => [...counts].sort((a, b) => a[0] - b[0]).map(([k, v]) => `${k}: ${v}`).join(', ');
console.log(`${pages} pages`);
console.log(`longest wrapper chain (links: pages) ${show(chains)}`);
console.log(`DOM depth (from: pages) ${show(depths)}`);
