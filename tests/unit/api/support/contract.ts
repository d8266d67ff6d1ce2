import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { buildOpenApiDocument, openApiEndpoint } from '../../../../functions/api/openapi.ts';
import { DATA_ENDPOINTS } from '../../../../functions/api/endpoints/index.ts';
import type { HttpResult } from './http.ts';

/**
 * Checks a response against the OpenAPI document the API serves: the operation for the request's path
 * must document the status and media type, and the body must validate against that schema. Statuses no
 * operation documents (unknown route, 405, 413, 414) must still be problem+json bodies.
 */

const document = buildOpenApiDocument([...DATA_ENDPOINTS, openApiEndpoint(DATA_ENDPOINTS)]);
export const openApiDocument = document as typeof document & {
  paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }>;
};

const DOCUMENT_ID = 'https://onrecord.test/openapi.json';
// strict: false because the document carries OpenAPI keywords (openapi, info, paths) beside the schemas.
const ajv = new Ajv2020({ allErrors: true, strict: false });
ajv.addSchema(document, DOCUMENT_ID);

const validators = new Map<string, ValidateFunction>();
const pointerPart = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

function validatorAt(pointer: string[]): ValidateFunction {
  const ref = `${DOCUMENT_ID}#/${pointer.map(pointerPart).join('/')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  return validate;
}

/** The documented path template a request path falls under; `{key}` of /ingestions takes slashes too. */
function operationPath(path: string): string | undefined {
  return Object.keys(openApiDocument.paths).find((template) => {
    const pattern = template
      .split(/(\{\w+\})/)
      .map((part) => (part === '{key}' ? '.+' : /^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${pattern}/?$`).test(path);
  });
}

export interface ContractCheck {
  ok: boolean;
  problems: string[];
}

export function checkContract(method: string, path: string, response: HttpResult): ContractCheck {
  // A CORS preflight is answered before routing and is not an operation of the API.
  if (method === 'OPTIONS') return response.status === 204 && response.text === '' ? { ok: true, problems: [] } : { ok: false, problems: ['a preflight answers 204 with no body'] };
  const mediaType = response.contentType.split(';')[0]!.trim();
  // HEAD is documented through GET: the same status and media type, and no body to validate.
  const template = method === 'GET' || method === 'HEAD' ? operationPath(path) : undefined;
  const documented = template ? openApiDocument.paths[template]!.get.responses[String(response.status)] : undefined;
  let validate: ValidateFunction;
  if (documented) {
    if (!documented.content[mediaType]) return { ok: false, problems: [`${template} ${response.status} does not document ${mediaType}`] };
    validate = validatorAt(['paths', template!, 'get', 'responses', String(response.status), 'content', mediaType, 'schema']);
  } else {
    const undocumentedStatuses = [404, 405, 413, 414];
    if (!undocumentedStatuses.includes(response.status)) {
      return { ok: false, problems: [`${method} ${path} answered ${response.status}, which the document does not describe`] };
    }
    if (mediaType !== 'application/problem+json') return { ok: false, problems: [`${response.status} answered as ${mediaType}`] };
    validate = validatorAt(['components', 'schemas', 'Problem']);
  }
  if (method === 'HEAD' && response.text === '') return { ok: true, problems: [] };
  const ok = validate(response.json);
  return { ok, problems: ok ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`) };
}
