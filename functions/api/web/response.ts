import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { SafeHtml } from './html.ts';
import { CONTENT_SECURITY_POLICY } from './layout.ts';

export type HtmlResult = APIGatewayProxyStructuredResultV2;

export function htmlResponse(statusCode: number, body: SafeHtml): HtmlResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      // Pages reflect the store as it is now; a stale page after a re-upload would mislead.
      'cache-control': 'no-cache',
    },
    body: body.value,
  };
}
