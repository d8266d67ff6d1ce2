/**
 * The API over the loaded store, served on a free port the way the local pipeline serves it (the same
 * createApi as functions/api/handler.ts, behind local/http.ts), plus the concrete URLs the measures ask
 * for, chosen from the data: the sample's first article with statements, the speaker with the most statements.
 */
import { createApi } from '../functions/api/app.ts';
import { startLocalHttpApi, type HttpApiHandler, type LocalHttpApi } from '../local/http.ts';
import { Logger } from '@aws-lambda-powertools/logger';
import type { LoadedStore } from './loaded-store.ts';

export interface ServedApi {
  api: LocalHttpApi;
  /** Path (with query) of each endpoint the benchmarks call, by a short name. */
  paths: Record<string, string>;
}

/** A name prefix that finds the busiest speaker: what a user typing the start of a name would send. */
const prefixOf = (name: string) => name.split(/\s+/).at(-1)!.slice(0, 4).toLowerCase();

export async function serveApi(loaded: LoadedStore): Promise<ServedApi> {
  const handler = createApi(loaded.store, { logger: new Logger({ serviceName: 'onrecord-bench', logLevel: 'ERROR' }) });
  const api = await startLocalHttpApi(handler as unknown as HttpApiHandler, 0);
  const article = loaded.sampleArticle;
  const speaker = loaded.busiestSpeaker;
  return {
    api,
    paths: {
      '/articles': '/articles',
      '/articles/{id}': `/articles/${article.id}`,
      '/statements?speaker=': `/statements?speaker=${encodeURIComponent(speaker.id)}`,
      '/speakers?prefix=': `/speakers?prefix=${encodeURIComponent(prefixOf(speaker.name))}`,
      '/articles/{id}/statements': `/articles/${article.id}/statements`,
      '/speakers/{id}': `/speakers/${encodeURIComponent(speaker.id)}`,
      '/ingestions/{key}': `/ingestions/${article.key}`,
    },
  };
}
