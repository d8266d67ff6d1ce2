import * as z from 'zod';
import { CACHE_SHORT, defineEndpoint } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { Cursor, idParameter, Limit, NoParams, Prefix } from '../schemas/params.ts';
import { SpeakerPage, SpeakerRecord } from '../schemas/responses.ts';

export const searchSpeakers = defineEndpoint({
  operationId: 'searchSpeakers',
  path: '/speakers',
  summary: 'Speakers whose name (or alias) starts with a prefix.',
  tag: 'speakers',
  params: NoParams,
  query: z.strictObject({ prefix: Prefix, limit: Limit, cursor: Cursor }),
  response: SpeakerPage,
  notFound: false,
  cacheControl: CACHE_SHORT,
  run: ({ query }, store) => store.searchSpeakers(query),
});

export const getSpeaker = defineEndpoint({
  operationId: 'getSpeaker',
  path: '/speakers/{id}',
  summary: 'One speaker with aliases, titles, counts, and first and last seen.',
  tag: 'speakers',
  params: z.strictObject({ id: idParameter('Speaker id, e.g. recep-tayyip-erdogan') }),
  query: NoParams,
  response: SpeakerRecord,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ params }, store) => {
    const speaker = await store.getSpeaker(params.id);
    if (!speaker) throw notFound(`no speaker with id ${params.id}`);
    return speaker;
  },
});
