import * as z from 'zod';
import { CACHE_SHORT, defineEndpoint } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { Cursor, DatedPageQuery, EntityTypeFilter, idParameter, Limit, NoParams, PageQuery, Prefix } from '../schemas/params.ts';
import { EntityArticlePage, EntityPage, EntityRecord, StatementPage } from '../schemas/responses.ts';

const EntityIdParams = z.strictObject({ id: idParameter('Entity id, e.g. lachin-corridor') });

export const searchEntities = defineEndpoint({
  operationId: 'searchEntities',
  path: '/entities',
  summary: 'People, organisations and places whose name starts with a prefix.',
  tag: 'entities',
  params: NoParams,
  query: z.strictObject({ prefix: Prefix, type: EntityTypeFilter, limit: Limit, cursor: Cursor }),
  response: EntityPage,
  notFound: false,
  cacheControl: CACHE_SHORT,
  run: ({ query }, store) => store.searchEntities(query),
});

export const getEntity = defineEndpoint({
  operationId: 'getEntity',
  path: '/entities/{id}',
  summary: 'One entity with aliases and counts.',
  tag: 'entities',
  params: EntityIdParams,
  query: NoParams,
  response: EntityRecord,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params }, store) => {
    const entity = await store.getEntity(params.id);
    if (!entity) throw notFound(`no entity with id ${params.id}`);
    return entity;
  },
});

export const listEntityArticles = defineEndpoint({
  operationId: 'listEntityArticles',
  path: '/entities/{id}/articles',
  summary: 'Articles that mention an entity, newest first.',
  tag: 'entities',
  params: EntityIdParams,
  query: PageQuery,
  response: EntityArticlePage,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params, query }, store) => {
    const page = await store.listEntityArticles(params.id, query);
    // Articles a page shows are current, so the entity exists: only an empty page needs it looked up.
    if (page.items.length === 0 && !(await store.getEntity(params.id))) throw notFound(`no entity with id ${params.id}`);
    return page;
  },
});

export const listEntityStatements = defineEndpoint({
  operationId: 'listEntityStatements',
  path: '/entities/{id}/statements',
  summary: 'What was said about an entity: every statement whose words name it (its `entities`), whoever said it, newest first.',
  tag: 'entities',
  params: EntityIdParams,
  query: DatedPageQuery,
  response: StatementPage,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params, query }, store) => {
    const page = await store.listEntityStatements({ id: params.id, ...query });
    // Statements a page shows are current, so the entity exists: only an empty page needs it looked up.
    if (page.items.length === 0 && !(await store.getEntity(params.id))) throw notFound(`no entity with id ${params.id}`);
    return page;
  },
});
