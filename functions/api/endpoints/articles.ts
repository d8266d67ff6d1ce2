import * as z from 'zod';
import type { ArticleReader, ArticleRecord, StatementRecord } from '../../../shared/store/port.ts';
import { CACHE_SHORT, defineEndpoint } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { DatedPageQuery, idParameter, NoParams, PageQuery } from '../schemas/params.ts';
import { ArticlePage, ArticleWithStatements, StatementPage } from '../schemas/responses.ts';

/** The store's largest page. */
const STATEMENTS_PAGE = 100;

const ArticleIdParams = z.strictObject({ id: idParameter('Article id') });

function summary(article: ArticleRecord) {
  const { entities: _entities, mentionedDates: _dates, headings: _headings, ...metadata } = article.metadata;
  return { ...article, metadata };
}

export const listArticles = defineEndpoint({
  operationId: 'listArticles',
  path: '/articles',
  summary: 'Articles, newest first, optionally within a publication-date window.',
  tag: 'articles',
  params: NoParams,
  query: DatedPageQuery,
  response: ArticlePage,
  notFound: false,
  cacheControl: CACHE_SHORT,
  run: async ({ query }, store) => {
    const page = await store.listArticles(query);
    return { items: page.items.map(summary), nextCursor: page.nextCursor };
  },
});

/** The store pages statements; an article is answered whole, so walk the later pages at the store's largest size. */
async function remainingStatements(store: ArticleReader, articleId: string, cursor: string | null) {
  const statements: StatementRecord[] = [];
  while (cursor !== null) {
    const page = await store.listArticleStatements(articleId, { limit: STATEMENTS_PAGE, cursor });
    statements.push(...page.items);
    cursor = page.nextCursor;
  }
  return statements;
}

export const getArticle = defineEndpoint({
  operationId: 'getArticle',
  path: '/articles/{id}',
  summary: 'One article with all its statements.',
  tag: 'articles',
  params: ArticleIdParams,
  query: NoParams,
  response: ArticleWithStatements,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params }, store) => {
    // The article and its first statements come in one read.
    const read = await store.getArticleWithStatements(params.id, { limit: STATEMENTS_PAGE });
    if (!read) throw notFound(`no article with id ${params.id}`);
    const rest = await remainingStatements(store, params.id, read.statements.nextCursor);
    return { ...read.article, statements: [...read.statements.items, ...rest] };
  },
});

export const listArticleStatements = defineEndpoint({
  operationId: 'listArticleStatements',
  path: '/articles/{id}/statements',
  summary: "An article's statements, in text order, page by page.",
  tag: 'articles',
  params: ArticleIdParams,
  query: PageQuery,
  response: StatementPage,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params, query }, store) => {
    if (!query.cursor) {
      const read = await store.getArticleWithStatements(params.id, query);
      if (!read) throw notFound(`no article with id ${params.id}`);
      return read.statements;
    }
    const page = await store.listArticleStatements(params.id, query);
    // A page after the last is empty, and so is every page of an article gone since: tell the two apart.
    if (page.items.length === 0 && !(await store.getArticle(params.id))) throw notFound(`no article with id ${params.id}`);
    return page;
  },
});
