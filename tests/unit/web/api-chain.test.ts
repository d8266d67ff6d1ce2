import { describe, expect, it } from 'vitest';
import { Logger } from '@aws-lambda-powertools/logger';
import { createApi } from '../../../functions/api/app.ts';
import { CONTENT_SECURITY_POLICY } from '../../../functions/api/web/layout.ts';
import { webRoutes } from '../../../functions/api/web/routes.ts';
import { memoryReader } from '../../support/memory-reader.ts';
import { get } from './request.ts';

/** The pages registered on the API's own middy chain, as the deployed handler does. */
const store = { ...memoryReader({}), getIngestion: async () => null };
const api = createApi(store, {
  logger: new Logger({ serviceName: 'web-test', logLevel: 'SILENT' }),
  extraRoutes: webRoutes({ store }),
});

describe('pages on the API chain', () => {
  it('keep their HTML type and security headers through the API middleware', async () => {
    const page = await get(api, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.document.querySelector('h1')?.textContent).toBe('Newest articles');
  });

  it('answer their own errors as HTML pages', async () => {
    const page = await get(api, '/view/speakers/nobody');
    expect(page.status).toBe(404);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('leave the JSON API as it is', async () => {
    const response = await get(api, '/articles');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});
