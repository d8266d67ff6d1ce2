import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ORIGIN_HEADER } from '../../functions/api/middleware/origin-verified.ts';
import { synthesize } from './onrecord-app.ts';

const PUBLIC_PROD = { stage: 'prod', account: '123456789012', region: 'eu-west-1', publicRead: 'true' };

const apiFunctionVariables = (built: ReturnType<typeof synthesize>) => {
  const { stack, template } = built;
  const id = stack.resolve(stack.getLogicalId(stack.api.apiFunction.function.node.defaultChild as never)) as string;
  return (template.toJSON().Resources[id] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables;
};

describe('per-client rate limit (-c perClientLimit)', () => {
  it('is off by default: the HTTP API is the front door, with its stage-wide throttle only', () => {
    const built = synthesize(PUBLIC_PROD);
    expect(built.rateLimit).toBeUndefined();
    built.template.resourceCountIs('AWS::CloudFront::Distribution', 0);
    expect(apiFunctionVariables(built)).not.toHaveProperty('ORIGIN_SECRET');
  });

  it('puts a WAF rate-based rule per client IP, in us-east-1, in front of the API through CloudFront', () => {
    const built = synthesize({ ...PUBLIC_PROD, perClientLimit: '1000' });
    expect(built.rateLimit?.region).toBe('us-east-1');
    Template.fromStack(built.rateLimit!).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Statement: { RateBasedStatement: { AggregateKeyType: 'IP', Limit: 1000, EvaluationWindowSec: 300 } },
          Action: {
            Block: {
              CustomResponse: Match.objectLike({
                ResponseCode: 429,
                ResponseHeaders: Match.arrayWith([{ Name: 'Access-Control-Allow-Origin', Value: '*' }, { Name: 'Retry-After', Value: '300' }]),
              }),
            },
          },
        }),
      ],
    });
    built.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: Match.objectLike({ 'Fn::GetStackOutput': Match.objectLike({ Region: 'us-east-1' }) }),
        Logging: Match.anyValue(),
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: [Match.objectLike({ OriginCustomHeaders: [Match.objectLike({ HeaderName: ORIGIN_HEADER })] })],
      }),
    });
    built.template.hasOutput('ApiUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }), Description: Match.stringLikeRegexp('CloudFront') });
  });

  it('gives the API function the secret CloudFront sends, as a reference to the same secret (never the value)', () => {
    const built = synthesize({ ...PUBLIC_PROD, perClientLimit: '1000' });
    const header = JSON.stringify(
      (Object.values(built.template.findResources('AWS::CloudFront::Distribution'))[0] as { Properties: { DistributionConfig: { Origins: { OriginCustomHeaders: { HeaderValue: unknown }[] }[] } } })
        .Properties.DistributionConfig.Origins[0]!.OriginCustomHeaders[0]!.HeaderValue,
    );
    expect(header).toContain('{{resolve:secretsmanager:');
    expect(JSON.stringify(apiFunctionVariables(built).ORIGIN_SECRET)).toBe(header);
  });

  it('rotates the origin secret by version, the API accepting the previous one until CloudFront has the new one everywhere', () => {
    const NEW = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE22222';
    const OLD = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    const variables = apiFunctionVariables(synthesize({ ...PUBLIC_PROD, perClientLimit: '1000', originSecretVersion: NEW, originSecretPreviousVersion: OLD }));
    expect(JSON.stringify(variables.ORIGIN_SECRET)).toContain(`:SecretString:::${NEW}}}`);
    expect(JSON.stringify(variables.ORIGIN_SECRET_PREVIOUS)).toContain(`:SecretString:::${OLD}}}`);
    // after the rotation, the previous version is dropped from the configuration, and refused
    expect(apiFunctionVariables(synthesize({ ...PUBLIC_PROD, perClientLimit: '1000', originSecretVersion: NEW }))).not.toHaveProperty('ORIGIN_SECRET_PREVIOUS');
  });

  it.each([
    ['a number that is not whole', { ...PUBLIC_PROD, perClientLimit: '10.5' }, /whole number/],
    ['a limit WAF does not take', { ...PUBLIC_PROD, perClientLimit: '5' }, /whole number/],
    ['no account and region to place the us-east-1 stack beside', { perClientLimit: '1000' }, /account.*region/],
    ['an authorised API (its callers are known)', { ...PUBLIC_PROD, auth: 'iam', perClientLimit: '1000' }, /public deployments/],
  ])('refuses %s at synth', (_name, context, message) => {
    expect(() => synthesize(context)).toThrow(message);
  });
});
