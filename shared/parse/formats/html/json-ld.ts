import { cleanText } from './clean-text.ts';

/** Schema.org types whose node describes the article itself. */
const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'reviewnewsarticle',
  'backgroundnewsarticle', 'blogposting', 'socialmediaposting', 'liveblogposting', 'scholarlyarticle', 'techarticle',
  'report', 'posting',
]);
const ORGANISATION_TYPES = new Set(['organization', 'newsmediaorganization', 'corporation', 'ngo', 'governmentorganization', 'localbusiness']);
const PAGE_TYPES = new Set(['webpage', 'itempage', 'aboutpage', 'collectionpage']);

type Node = Record<string, unknown>;

export interface JsonLdFacts {
  headline?: string;
  datePublished?: string;
  /** People, and names without a type. */
  authors: string[];
  /** Authors typed as an organisation: a newsroom or agency, named when no person is. */
  authorOrganisations: string[];
  publisher?: string;
  description?: string;
  url?: string;
  inLanguage?: string;
  keywords: string[];
  websiteName?: string;
}

/**
 * The article described by a page's JSON-LD blocks (an Article/NewsArticle/BlogPosting node, possibly inside
 * an @graph, with @id references to its author and publisher resolved), or null when the page has none.
 * When `headline` and `name` differ, the one closer to the page's <title> is the title (some sites put a
 * description in one of them).
 */
export function readJsonLd(blocks: string[], pageTitle: string | null): JsonLdFacts | null {
  const nodes: Node[] = [];
  for (const block of blocks) {
    const parsed = parseLenient(block);
    if (parsed !== undefined) collect(parsed, nodes);
  }
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => {
    if (isNode(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
  const article = nodes.find((n) => hasType(n, ARTICLE_TYPES)) ?? nodes.find((n) => hasType(n, PAGE_TYPES));
  if (!article) return null;
  const website = nodes.find((n) => hasType(n, new Set(['website'])));
  return {
    headline: closestTo(pageTitle, [text(article.headline), text(article.name)]),
    datePublished: text(article.datePublished) ?? text(article.dateCreated),
    authors: names(article.author, resolve, (item) => !isNode(item) || !hasType(item, ORGANISATION_TYPES)),
    authorOrganisations: names(article.author, resolve, (item) => isNode(item) && hasType(item, ORGANISATION_TYPES)),
    publisher: names(article.publisher, resolve)[0],
    description: text(article.description),
    url: text(article.url) ?? text(article.mainEntityOfPage),
    inLanguage: text(article.inLanguage),
    keywords: keywords(article.keywords),
    websiteName: website ? text(website.name) : undefined,
  };
}

/** JSON-LD in the wild: HTML comments, CDATA wrappers, stray control characters. */
function parseLenient(block: string): unknown {
  const cleaned = block
    .replace(/^\s*(?:(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)\s*)+/, '')
    .replace(/(?:\s*(?:\/\/\s*)?(?:-->|\]\]>))+\s*$/, '')
    .replace(/\p{Cc}+/gu, ' ');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function collect(value: unknown, out: Node[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out);
  } else if (isNode(value)) {
    out.push(value);
    if (value['@graph'] !== undefined) collect(value['@graph'], out);
  }
}

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(node: Node, types: Set<string>): boolean {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.some((t) => typeof t === 'string' && types.has(t.replace(/^.*[/:]/, '').toLowerCase()));
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanText(value) || undefined;
  if (typeof value === 'number') return String(value);
  if (isNode(value)) return text(value['@id']) ?? text(value.url) ?? text(value['@value']);
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/** Names of people or organisations given as strings, objects with a name, references, or lists of these. */
function names(value: unknown, resolve: (v: unknown) => unknown, accept: (item: unknown) => boolean = () => true): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list.map(resolve)) {
    if (!accept(item)) continue;
    if (typeof item === 'string' && item.trim() && !/^https?:/.test(item)) out.push(cleanText(item));
    else if (isNode(item) && typeof item.name === 'string' && item.name.trim()) out.push(cleanText(item.name));
  }
  return out;
}

function keywords(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((k) => k.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.filter((k): k is string => typeof k === 'string');
  return [];
}

function closestTo(reference: string | null, candidates: Array<string | undefined>): string | undefined {
  const present = candidates.filter((c): c is string => Boolean(c));
  if (present.length < 2 || !reference) return present[0];
  const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  const target = words(reference);
  const overlap = (s: string) => [...words(s)].filter((w) => target.has(w)).length / Math.max(words(s).size, 1);
  return present.reduce((best, c) => (overlap(c) > overlap(best) ? c : best));
}
