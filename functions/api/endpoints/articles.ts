import * as z from 'zod';
import type { ArticleRecord, StatementRecord } from '../../../shared/store/port.ts';
import { CACHE_SHORT, defineEndpoint, type ArticleReader } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { DatedPageQuery, idParameter, NoParams, PageQuery } from '../schemas/params.ts';
import { ArticlePage, ArticleWithStatements, StatementPage } from '../schemas/responses.ts';

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

/** The store pages statements; an article is answered whole, so walk its pages at the store's largest size. */
async function allStatements(store: ArticleReader, articleId: string, firstPage: Promise<{ items: StatementRecord[]; nextCursor: string | null }>) {
  const statements: StatementRecord[] = [];
  let page = await firstPage;
  statements.push(...page.items);
  while (page.nextCursor !== null) {
    page = await store.listArticleStatements(articleId, { limit: 100, cursor: page.nextCursor });
    statements.push(...page.items);
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
    // Both reads at once: the first statements page costs no extra round trip.
    const [article, statements] = await Promise.all([
      store.getArticle(params.id),
      allStatements(store, params.id, store.listArticleStatements(params.id, { limit: 100 })),
    ]);
    if (!article) throw notFound(`no article with id ${params.id}`);
    return { ...article, statements };
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
    const [article, page] = await Promise.all([store.getArticle(params.id), store.listArticleStatements(params.id, query)]);
    if (!article) throw notFound(`no article with id ${params.id}`);
    return page;
  },
});
