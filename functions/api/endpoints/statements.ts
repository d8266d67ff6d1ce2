import * as z from 'zod';
import { CACHE_SHORT, defineEndpoint } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { About, Cursor, dateWindowInOrder, dateWindowOrder, From, idParameter, Kind, Limit, NoParams, Order, To } from '../schemas/params.ts';
import { Cluster, StatementPage, StatementWithArticle } from '../schemas/responses.ts';
import { statementDetail } from '../statement-detail.ts';

export const listStatements = defineEndpoint({
  operationId: 'listStatements',
  path: '/statements',
  summary: "A speaker's timeline: their statements, newest first; `about` keeps those whose words name an entity.",
  tag: 'statements',
  params: NoParams,
  query: z
    .strictObject({
      speaker: idParameter('Speaker id (see /speakers)'),
      from: From,
      to: To,
      kind: Kind,
      about: About,
      limit: Limit,
      cursor: Cursor,
    })
    .refine(dateWindowInOrder, dateWindowOrder),
  response: StatementPage,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ query }, store) => {
    const page = await store.listStatements(query);
    // Statements shown are current, so their speaker (and entity) exist: only an empty page needs them looked up.
    if (page.items.length === 0) {
      const [speaker, entity] = await Promise.all([store.getSpeaker(query.speaker), query.about === undefined ? true : store.getEntity(query.about)]);
      if (!speaker) throw notFound(`no speaker with id ${query.speaker}`);
      if (!entity) throw notFound(`no entity with id ${query.about}`);
    }
    return page;
  },
});

export const getStatement = defineEndpoint({
  operationId: 'getStatement',
  path: '/statements/{id}',
  summary: 'One statement with its article (id, title, date, source), its speaker and the entities its words name.',
  tag: 'statements',
  params: z.strictObject({ id: idParameter('Statement id, `<article id>-<n>` as statements give it') }),
  query: NoParams,
  response: StatementWithArticle,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params }, store) => {
    const read = await store.getStatement(params.id);
    if (!read) throw notFound(`no statement with id ${params.id}`);
    return statementDetail(read);
  },
});

export const getCluster = defineEndpoint({
  operationId: 'getCluster',
  path: '/clusters/{id}',
  summary: 'An echo cluster: who carried the words first, and every statement in it (copies, near-copies, paraphrases).',
  tag: 'statements',
  params: z.strictObject({ id: idParameter('Cluster id, as a statement\'s `cluster.id` gives it') }),
  query: z.strictObject({ order: Order, limit: Limit, cursor: Cursor }),
  response: Cluster,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params, query }, store) => {
    const cluster = await store.getCluster(params.id, query);
    if (!cluster) throw notFound(`no cluster with id ${params.id} has a statement stored`);
    return cluster;
  },
});
