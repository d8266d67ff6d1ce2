import { describe, expect, it } from 'vitest';
import { DATA_ENDPOINTS } from '../../../functions/api/endpoints/index.ts';
import { JSON_PATHS } from '../../../functions/api/json-routes.ts';

describe('the JSON routes the router knows before their endpoints load', () => {
  it('are the endpoints’ own paths, in their order, then /openapi.json', () => {
    expect([...JSON_PATHS]).toEqual([...DATA_ENDPOINTS.map((endpoint) => endpoint.path), '/openapi.json']);
  });
});
