import { firstWords } from '../../../shared/model/first-words.ts';
import type { StatementKind } from '../../../shared/model/statement.ts';

/** Every URL the pages link to is built here, with each id encoded as one path segment. */
const segment = (id: string) => encodeURIComponent(id);

export const homeHref = (cursor?: string | null) => (cursor ? `/?cursor=${encodeURIComponent(cursor)}` : '/');
/** The articles without a publication date, which the home page lists apart. */
export const undatedHref = (cursor?: string | null) => (cursor ? `/?undated=1&cursor=${encodeURIComponent(cursor)}` : '/?undated=1');
export const articleHref = (id: string, anchor?: string) => `/view/articles/${segment(id)}${anchor ? `#${anchor}` : ''}`;
/** A speaker's timeline; `about`: only the statements whose words name that entity. */
export const speakerHref = (id: string, about?: string) =>
  `/view/speakers/${segment(id)}${about === undefined ? '' : `?${new URLSearchParams({ about }).toString()}`}`;
export const entityHref = (id: string) => `/view/entities/${segment(id)}`;
/** What was said about an entity: the statements whose words name it. */
export const entityStatementsHref = (id: string) => `/view/entities/${segment(id)}/statements`;
export const statementHref = (id: string) => `/view/statements/${segment(id)}`;
/** An echo cluster's page; newest first on request (oldest first, from the first appearance, by default). */
export const clusterHref = (id: string, order: 'oldest' | 'newest' = 'oldest') => `/view/clusters/${segment(id)}${order === 'newest' ? '?order=newest' : ''}`;
export const ingestionsHref = '/view/ingestions';

export function withCursor(path: string, params: Record<string, string>, cursor: string): string {
  return `${path}?${new URLSearchParams({ ...params, cursor }).toString()}`;
}

/**
 * Where a statement sits in its article page. Built from its offsets (not from a store id) so that the
 * article page, which marks them in the stored body, and the speaker page agree without sharing any state.
 */
export const statementAnchor = (statement: { start: number; end: number }) => `st-${statement.start}-${statement.end}`;

/**
 * An article without a title is named by its first words: those of its stored summary, which is the lead
 * sentence of its text unless the source gave a description (lists do not read the body). One with no
 * words at all is named by the object it came from.
 */
export const articleTitle = (article: { metadata: { title: string | null; summary: string | null }; source: { key: string } }) =>
  article.metadata.title ?? firstWords(article.metadata.summary) ?? article.source.key;

/** Statements and mentions stored before they carried the first words, until reprocessed: the link says where it goes. */
const LEAD_NOT_STORED = 'Open the article';
/** Where only a statement or mention names the article: its title, else its first words as stored with it. */
export const linkedArticleTitle = (title: string | null, lead: string | null) => title ?? lead ?? LEAD_NOT_STORED;

/** The words a reader sees for each kind: direct speech is quoted, indirect speech is reported. */
export const KIND_LABEL: Record<StatementKind, string> = { direct: 'quoted', indirect: 'reported' };

/**
 * A link target taken from an article (its canonical URL) is untrusted: only http(s) URLs become links, so
 * a `javascript:` or `data:` URL is shown as text instead.
 */
export function externalHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
