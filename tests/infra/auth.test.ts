import { describe, expect, it } from 'vitest';
import { synthesize } from './onrecord-app.ts';

const PROD = { stage: 'prod', account: '123456789012', region: 'eu-west-1' };

const routes = (context: Record<string, unknown>) =>
  Object.values(synthesize(context).template.findResources('AWS::ApiGatewayV2::Route')).map(
    (route) => (route as { Properties: { RouteKey: string; AuthorizationType?: string } }).Properties,
  );

describe('API authorization per stage', () => {
  it('refuses a production deploy without auth unless the configuration says the data is public', () => {
    expect(() => synthesize(PROD)).toThrow(/publicRead=true/);
    expect(() => synthesize({ ...PROD, publicRead: 'false' })).toThrow(/publicRead=true/);
    expect(() => synthesize({ ...PROD, publicRead: 'yes' })).toThrow(/true or false/);
    expect(routes({ ...PROD, publicRead: 'true' })).toEqual([expect.objectContaining({ RouteKey: '$default', AuthorizationType: 'NONE' })]);
    expect(routes({ ...PROD, auth: 'iam' })).toContainEqual(expect.objectContaining({ RouteKey: '$default', AuthorizationType: 'AWS_IAM' }));
  });

  it('leaves dev open by default (a throwaway stack of test data)', () => {
    expect(routes({})).toEqual([expect.objectContaining({ RouteKey: '$default', AuthorizationType: 'NONE' })]);
  });

  it.each([
    ['iam', { auth: 'iam' }, 'AWS_IAM'],
    ['jwt', { auth: 'jwt', jwtIssuer: 'https://issuer.example.com/', jwtAudience: 'onrecord' }, 'JWT'],
  ])('with auth=%s every route but CORS preflights is authorised, ingestions included', (_name, context, type) => {
    const found = routes(context);
    expect(found).toContainEqual(expect.objectContaining({ RouteKey: '$default', AuthorizationType: type }));
    const open = found.filter((route) => route.AuthorizationType === 'NONE').map((route) => route.RouteKey).sort();
    expect(open).toEqual(['OPTIONS /', 'OPTIONS /{proxy+}']);
  });
});

describe('cursor secret rotation', () => {
  const cursorSecretReference = (context: Record<string, unknown>) => {
    const { stack, template } = synthesize(context);
    const id = stack.resolve(stack.getLogicalId(stack.api.apiFunction.function.node.defaultChild as never)) as string;
    const variables = (template.toJSON().Resources[id] as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables;
    return JSON.stringify(variables.CURSOR_SECRET);
  };

  it('names the secret version from the configuration, so a rotation changes the template and is resolved again', () => {
    const before = cursorSecretReference({});
    const after = cursorSecretReference({ cursorSecretVersion: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' });
    expect(before).toMatch(/resolve:secretsmanager:/);
    expect(after).toMatch(/:SecretString:::a1b2c3d4-5678-90ab-cdef-EXAMPLE11111}}/);
    expect(after).not.toBe(before);
  });
});
