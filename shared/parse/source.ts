import type { ArticleFormat } from '../model/article.ts';

/** Metadata fields a source can declare (the rest — counts, hash, entities, dates — is derived from the body). */
export interface DeclaredFields {
  title: string;
  publishedAt: string;
  byline: string;
  authors: string[];
  siteName: string;
  canonicalUrl: string;
  language: string;
  summary: string;
  tags: string[];
  headings: string[];
}

/** One article as a format reader sees it: the body text and what the source says about it. */
export interface SourceArticle {
  format: ArticleFormat;
  body: string;
  declared: Declared;
}

/**
 * Collects declared metadata, first value wins: readers offer values from their most to their least
 * trusted source, and each value keeps the name of where it came from (its provenance).
 */
export class Declared {
  readonly values: Partial<DeclaredFields> = {};
  readonly provenance: Record<string, string> = {};

  offer<K extends keyof DeclaredFields>(field: K, value: DeclaredFields[K] | null | undefined, from: string): void {
    if (this.values[field] !== undefined || value === null || value === undefined) return;
    if (typeof value === 'string') {
      // line breaks inside a value (an HTML <title> spread over lines) are layout; other spacing is kept
      const clean = value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
      if (clean === '') return;
      this.values[field] = clean as DeclaredFields[K];
    } else {
      const clean = (value as string[]).map((v) => v.replace(/\s*[\r\n]+\s*/g, ' ').trim()).filter(Boolean);
      if (clean.length === 0) return;
      this.values[field] = [...new Set(clean)] as DeclaredFields[K];
    }
    this.provenance[field] = from;
  }

  has(field: keyof DeclaredFields): boolean {
    return this.values[field] !== undefined;
  }
}
