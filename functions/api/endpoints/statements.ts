import * as z from 'zod';
import { CACHE_SHORT, defineEndpoint } from '../endpoint.ts';
import { notFound } from '../problem.ts';
import { Cursor, dateWindowInOrder, dateWindowOrder, From, idParameter, Kind, Limit, NoParams, To } from '../schemas/params.ts';
import { StatementPage } from '../schemas/responses.ts';

export const listStatements = defineEndpoint({
  operationId: 'listStatements',
  path: '/statements',
  summary: "A speaker's timeline: their statements, newest first.",
  tag: 'statements',
  params: NoParams,
  query: z
    .strictObject({
      speaker: idParameter('Speaker id (see /speakers)'),
      from: From,
      to: To,
      kind: Kind,
      limit: Limit,
      cursor: Cursor,
    })
    .refine(dateWindowInOrder, dateWindowOrder),
  response: StatementPage,
  notFound: true,
  cacheControl: CACHE_SHORT,
  run: async ({ query }, store) => {
    const page = await store.listStatements(query);
    // Statements shown are current, so their speaker exists: only an empty page needs the speaker looked up.
    if (page.items.length === 0 && !(await store.getSpeaker(query.speaker))) throw notFound(`no speaker with id ${query.speaker}`);
    return page;
  },
});
