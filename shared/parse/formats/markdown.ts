import { parse as parseYaml } from 'yaml';
import type { SourceArticle } from '../source.ts';
import { Declared } from '../source.ts';
import { normalizeBody } from '../text.ts';
import { foldFields, offerFields } from './fields.ts';
import { FRONT_MATTER } from './front-matter.ts';

/** A Markdown text's one article, as the format dispatch takes it (formats/index.ts, formats/on-demand.ts). */
export const readMarkdownArticles = (content: string): SourceArticle[] => [readMarkdown(content)];

/**
 * Markdown, with or without YAML front matter (title, date, author, tags, …). The body becomes plain text
 * (markup removed, one paragraph per block); `#` headings become the title (the first H1, when the front
 * matter has none) and the headings.
 */
export function readMarkdown(text: string): SourceArticle {
  const declared = new Declared();
  let content = text.replace(/\r\n?/g, '\n');
  const front = FRONT_MATTER.exec(content);
  if (front) {
    content = content.slice(front[0].length);
    const data = parseFrontMatter(front[1]!);
    if (data) offerFields(foldFields(data), declared, 'front-matter');
  }
  const { body, title, headings } = markdownText(content);
  declared.offer('title', title, 'markdown:h1');
  declared.offer('headings', headings, 'markdown:headings');
  return { format: 'markdown', body, declared };
}

function parseFrontMatter(yaml: string): Record<string, unknown> | null {
  try {
    const data: unknown = parseYaml(yaml);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Markdown → plain text paragraphs, the first H1 (taken out of the body) and the other headings. */
function markdownText(markdown: string): { body: string; title: string | null; headings: string[] } {
  const lines = markdown.split('\n');
  const out: string[] = [];
  const headings: string[] = [];
  let title: string | null = null;
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(?:```|~~~)/.test(line)) {
      fenced = !fenced;
      out.push('');
      continue;
    }
    if (fenced) {
      out.push(line);
      continue;
    }
    const next = lines[i + 1] ?? '';
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    const setext = line.trim() && /^\s{0,3}(=+|-+)\s*$/.exec(next) && !/^\s*[-*+]\s/.test(line);
    if (atx || setext) {
      const level = atx ? atx[1]!.length : next.trim().startsWith('=') ? 1 : 2;
      const heading = inline(atx ? atx[2]! : line.trim());
      if (setext) i++;
      if (level === 1 && title === null) {
        title = heading;
        continue;
      }
      headings.push(heading);
      out.push('', heading, '');
      continue;
    }
    if (/^\s{0,3}(?:[-*_]\s*){3,}$/.test(line) || /^\s*\[[^\]]+\]:\s*\S+/.test(line)) {
      out.push(''); // thematic break, link reference definition
      continue;
    }
    out.push(inline(line.replace(/^\s{0,3}(?:>\s?)+/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')));
  }
  return { body: normalizeBody(out.join('\n')), title, headings };
}

/**
 * Inline markup → its text: images dropped, links to their text, emphasis and code marks removed. Every span
 * is bounded and cannot cross its own delimiter, so a line of unmatched `*` or `[` costs linear time.
 */
function inline(text: string): string {
  return text
    .replace(/!\[[^[\]\n]{0,300}\]\([^()[\]\s]{0,1000}(?:\s+"[^"\n]{0,300}")?\)/g, '')
    .replace(/\[([^[\]\n]{1,300})\]\([^()[\]\s]{0,1000}(?:\s+"[^"\n]{0,300}")?\)/g, '$1')
    .replace(/\[([^[\]\n]{1,300})\]\[[^[\]\n]{0,300}\]/g, '$1')
    .replace(/<\/?[a-z][^<>\n]{0,500}>/gi, '')
    .replace(/`([^`\n]{1,500})`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1/g, '$2')
    .replace(/(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]{1,500}?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]{1,500}?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1');
}
