import { createHash } from 'node:crypto';
import type { ArticleMetadata } from '../../model/article.ts';
import { findEntities } from '../entities/index.ts';
import type { SourceArticle } from '../source.ts';
import { detectHeadings } from './headings.ts';
import { detectLanguage } from './language.ts';
import { findMentionedDates } from './mentioned-dates.ts';
import { leadSentence } from './summary.ts';

/** Declared metadata completed with what the body itself tells: counts, hash, headings, language, entities, dates. */
export function buildMetadata(source: SourceArticle, warnings: string[]): ArticleMetadata {
  const { body, declared } = source;
  const values = declared.values;
  const provenance = { ...declared.provenance };

  const headings = values.headings ?? detectHeadings(body);
  if (!values.headings && headings.length > 0) provenance.headings = 'body-layout';

  let language = values.language ?? null;
  if (!language) {
    language = detectLanguage(body);
    if (language) provenance.language = 'detected';
  }

  let summary = values.summary ?? null;
  if (!summary) {
    summary = leadSentence(body, headings);
    if (summary) provenance.summary = 'lead-sentence';
  }

  const publishedAt = values.publishedAt ?? null;
  return {
    title: values.title ?? null,
    publishedAt,
    byline: values.byline ?? null,
    authors: values.authors ?? [],
    siteName: values.siteName ?? null,
    canonicalUrl: values.canonicalUrl ?? null,
    language,
    wordCount: countWords(body),
    headings,
    summary,
    tags: values.tags ?? [],
    contentHash: createHash('sha256').update(body).digest('hex'),
    format: source.format,
    provenance,
    warnings,
    entities: findEntities(body),
    mentionedDates: findMentionedDates(body, publishedAt),
  };
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

function countWords(body: string): number {
  return body.match(WORD)?.length ?? 0;
}
