import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

export interface RateLimitStackProps extends StackProps {
  /** Requests one IP address may make in 5 minutes before WAF answers 429. */
  perClientLimit: number;
}

/** The window WAF counts each client's requests over (one of 60, 120, 300, 600 s); `perClientLimit` is per this window. */
const WINDOW_SECONDS = 300;

/**
 * The per-client rate limit: a WAF web ACL for CloudFront. WAF keeps CloudFront's web ACLs in us-east-1 only,
 * so this is a stack of its own there; the main stack's distribution refers to it across regions.
 */
export class RateLimitStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: RateLimitStackProps) {
    super(scope, id, props);
    const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true });
    this.webAcl = new CfnWebACL(this, 'PerClientRateLimit', {
      description: `onrecord API: at most ${props.perClientLimit} requests per client IP in ${WINDOW_SECONDS / 60} minutes`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: metric('onrecord-api'),
      customResponseBodies: {
        tooManyRequests: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: 'too many requests from this address; try again in a few minutes' }),
        },
      },
      rules: [
        {
          name: 'per-client-rate',
          priority: 0,
          statement: { rateBasedStatement: { aggregateKeyType: 'IP', limit: props.perClientLimit, evaluationWindowSec: WINDOW_SECONDS } },
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'tooManyRequests',
                // WAF's answer never reaches the API, so it carries the API's CORS header itself (or a browser
                // app sees an opaque network error instead of the 429), and says when to try again.
                responseHeaders: [
                  { name: 'Access-Control-Allow-Origin', value: '*' },
                  { name: 'Retry-After', value: String(WINDOW_SECONDS) },
                ],
              },
            },
          },
          visibilityConfig: metric('onrecord-per-client-rate'),
        },
      ],
    });
  }
}
