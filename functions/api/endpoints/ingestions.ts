import * as z from 'zod';
import { CACHE_NONE, defineEndpoint } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { NoParams, ObjectKey, PageQuery } from '../schemas/params.ts';
import { IngestionPage, IngestionRecord } from '../schemas/responses.ts';

export const listIngestions = defineEndpoint({
  operationId: 'listIngestions',
  path: '/ingestions',
  summary: 'What became of each uploaded object, most recent first.',
  tag: 'ingestions',
  params: NoParams,
  query: PageQuery,
  response: IngestionPage,
  notFound: false,
  cacheControl: CACHE_NONE,
  run: ({ query }, store) => store.listIngestions(query),
});

export const getIngestion = defineEndpoint({
  operationId: 'getIngestion',
  path: '/ingestions/{key+}',
  summary: 'What became of one uploaded object: accepted, rejected (with the reason) or deleted.',
  tag: 'ingestions',
  params: z.strictObject({ key: ObjectKey }),
  query: NoParams,
  response: IngestionRecord,
  notFound: true,
  cacheControl: CACHE_NONE,
  run: async ({ params }, store) => {
    const ingestion = await store.getIngestion(params.key);
    if (!ingestion) throw notFound(`no upload with key ${params.key}`);
    return ingestion;
  },
});
