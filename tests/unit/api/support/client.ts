import type { Logger } from '@aws-lambda-powertools/logger';
import { createApi } from '../../../../functions/api/app.ts';
import type { ArticleReader } from '../../../../shared/store/port.ts';
import { checkContract } from './contract.ts';
import { fakeStore } from './fake-store.ts';
import { request, silentLogger, type ApiHandler, type HttpResult, type RequestInit } from './http.ts';

export type Client = (target: string, init?: RequestInit) => Promise<HttpResult>;

/**
 * Calls the API and checks every response against the OpenAPI document, so each test is also a
 * contract test for the responses it provokes.
 */
export function contractClient(api: ApiHandler): Client {
  return async (target, init = {}) => {
    const response = await request(api, target, init);
    const path = decodeURIComponentSafe(target.split('?', 1)[0]!);
    const contract = checkContract(init.method ?? 'GET', path, response);
    if (!contract.ok) {
      throw new Error(`${init.method ?? 'GET'} ${target} → ${response.status} breaks the OpenAPI contract:\n${contract.problems.join('\n')}\n${response.text.slice(0, 500)}`);
    }
    return response;
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The API over the fake store (or the given one), quiet, contract-checked. */
export function apiClient(store: ArticleReader = fakeStore(), logger: Logger = silentLogger()): Client {
  return contractClient(createApi(store, { logger }));
}
