import { Validations } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthesize, type SynthesizedApp } from './onrecord-app.ts';

interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Principal?: unknown;
}

const JWT = { auth: 'jwt', jwtIssuer: 'https://issuer.example.com/', jwtAudience: 'onrecord-api,onrecord-web' };
const PROD = { stage: 'prod', account: '123456789012', region: 'eu-west-1', publicRead: 'true' };
const variants: Record<string, Record<string, unknown>> = {
  dev: {},
  prod: PROD,
  'auth=iam': { auth: 'iam' },
  'auth=jwt': JWT,
  'prod with jwt and alarm e-mail': { ...PROD, ...JWT, alarmEmail: 'ops@example.com' },
};
const synthesized = new Map<string, SynthesizedApp>();
const variant = (name: string): SynthesizedApp => {
  let built = synthesized.get(name);
  if (!built) {
    built = synthesize(variants[name]);
    synthesized.set(name, built);
  }
  return built;
};

const actionsOf = (statement: Statement) => [statement.Action].flat();
const statementsOf = (template: Template, type: string, path: (props: Record<string, unknown>) => unknown[]) =>
  Object.values(template.findResources(type)).flatMap((resource) =>
    path((resource as { Properties: Record<string, unknown> }).Properties),
  ) as Statement[];
const documentStatements = (props: Record<string, unknown>) =>
  (props.PolicyDocument as { Statement: unknown[] }).Statement;

/** Statements of identity policies: AWS::IAM::Policy resources and roles' inline policies. */
const identityStatements = (template: Template) => [
  ...statementsOf(template, 'AWS::IAM::Policy', documentStatements),
  ...statementsOf(template, 'AWS::IAM::Role', (props) =>
    ((props.Policies as { PolicyDocument: { Statement: unknown[] } }[] | undefined) ?? []).flatMap(
      (policy) => policy.PolicyDocument.Statement,
    ),
  ),
];

const functionPolicyActions = (built: SynthesizedApp, which: 'ingest' | 'api' | 'reconcile') => {
  const construct = {
    ingest: built.stack.ingestion.ingestFunction,
    api: built.stack.api.apiFunction,
    reconcile: built.stack.reconciliation.reconcileFunction,
  }[which];
  const roleId = built.stack.resolve(built.stack.getLogicalId(construct.function.role?.node.defaultChild as never));
  const policies = built.template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleId }] },
  });
  return Object.values(policies).flatMap((policy) =>
    documentStatements((policy as { Properties: Record<string, unknown> }).Properties).flatMap((s) =>
      actionsOf(s as Statement),
    ),
  );
};

describe('cdk-nag AwsSolutions', () => {
  it.each(Object.keys(variants))('finds nothing unacknowledged in the %s app', (name) => {
    const { app, nag } = variant(name);
    const report = nag.validateScope(app);
    const findings = report.violations.map(
      (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('gives every acknowledgement a written reason', () => {
    const acknowledgements: { id: string; reason: unknown }[] = [];
    const collect = (construct: IConstruct) => {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) {
          acknowledgements.push({ id, reason });
        }
      }
      construct.node.children.forEach(collect);
    };
    collect(variant('dev').app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledgements) {
      expect(typeof reason === 'string' && reason.length >= 40, `reason for ${id}`).toBe(true);
    }
  });

  it('does report a non-compliant resource (the check is live)', () => {
    const { app, stack, nag } = synthesize();
    new Bucket(stack, 'CarelessBucket');
    const rules = nag.validateScope(app).violations.map((v) => v.ruleName);
    expect(rules).toEqual(expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']));
  });
});

describe('IAM least privilege', () => {
  it.each(Object.keys(variants))('no identity policy in the %s app grants a wildcard action', (name) => {
    const actions = identityStatements(variant(name).template).flatMap(actionsOf);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((action) => action.includes('*'))).toEqual([]);
  });

  it('in production no resource policy allows a wildcard action (only TLS-enforcing denies use one)', () => {
    const { template } = variant('prod');
    const resourcePolicies = ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'];
    const allows = resourcePolicies
      .flatMap((type) => statementsOf(template, type, documentStatements))
      .filter((statement) => statement.Effect === 'Allow');
    expect(allows.flatMap(actionsOf).filter((action) => action.includes('*'))).toEqual([]);
  });

  // s3:ListBucket makes a missing key a 404 (withdraw) rather than a 403 (retried into the DLQ).
  const OBJECT_READS = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket'];

  it('lets the ingest function read objects and write the table, and nothing on S3 beyond reading', () => {
    const actions = functionPolicyActions(variant('dev'), 'ingest');
    expect(actions).toEqual(expect.arrayContaining(['s3:GetObject', 'dynamodb:PutItem', 'dynamodb:Query']));
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual(OBJECT_READS);
    expect(actions).not.toContain('dynamodb:Scan');
  });

  it('lets the API function only read the table, by key or query, and nothing on S3', () => {
    const actions = functionPolicyActions(variant('dev'), 'api');
    const tableActions = actions.filter((a) => a.startsWith('dynamodb:')).sort();
    expect(tableActions).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(actions.filter((a) => !/^(dynamodb|logs):/.test(a)).sort()).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
  });

  it('lets the reconcile function list the bucket but read no object', () => {
    const actions = functionPolicyActions(variant('dev'), 'reconcile');
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual(['s3:ListBucket']);
  });

  it('gives our function roles no AWS managed policies', () => {
    const { stack, template } = variant('dev');
    for (const fn of [stack.ingestion.ingestFunction.function, stack.api.apiFunction.function]) {
      const roleId = stack.resolve(stack.getLogicalId(fn.role?.node.defaultChild as never)) as string;
      const role = template.toJSON().Resources[roleId] as { Properties: Record<string, unknown> };
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('stage', () => {
  const table = (name: string) => {
    const [resource] = Object.values(variant(name).template.findResources('AWS::DynamoDB::Table')) as {
      Properties: Record<string, unknown>;
      DeletionPolicy: string;
    }[];
    return resource;
  };

  it('protects production data from deletion and retains it with the stack', () => {
    expect(table('prod')?.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table('prod')?.DeletionPolicy).toBe('Retain');
    const buckets = Object.values(variant('prod').template.findResources('AWS::S3::Bucket')) as {
      DeletionPolicy: string;
    }[];
    expect(buckets.map((b) => b.DeletionPolicy)).toEqual(['Retain', 'Retain']);
    expect(variant('prod').template.findResources('Custom::S3AutoDeleteObjects')).toEqual({});
  });

  it('lets a dev stack be destroyed with its data', () => {
    expect(table('dev')?.Properties.DeletionProtectionEnabled).toBe(false);
    expect(table('dev')?.DeletionPolicy).toBe('Delete');
  });

  it('names the stack after its stage so dev and prod can live in one account', () => {
    expect(variant('dev').stack.stackName).toBe('onrecord-dev');
    expect(variant('prod').stack.stackName).toBe('onrecord-prod');
  });
});

describe('API authorization chosen at deploy time', () => {
  const route = (name: string) =>
    Object.values(variant(name).template.findResources('AWS::ApiGatewayV2::Route'))[0] as {
      Properties: Record<string, unknown>;
    };

  it('is open without auth context', () => {
    expect(route('dev').Properties.AuthorizationType).toBe('NONE');
  });

  it('requires SigV4-signed requests with auth=iam', () => {
    expect(route('auth=iam').Properties.AuthorizationType).toBe('AWS_IAM');
  });

  it('validates JWTs from the configured issuer and audiences with auth=jwt', () => {
    expect(route('auth=jwt').Properties.AuthorizationType).toBe('JWT');
    const [authorizer] = Object.values(variant('auth=jwt').template.findResources('AWS::ApiGatewayV2::Authorizer')) as {
      Properties: Record<string, unknown>;
    }[];
    expect(authorizer?.Properties).toMatchObject({
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: JWT.jwtIssuer, Audience: ['onrecord-api', 'onrecord-web'] },
    });
  });

  it('subscribes the alarm e-mail when one is given', () => {
    variant('prod with jwt and alarm e-mail').template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
    });
  });
});

describe('deployment context', () => {
  it.each([
    [{ stage: 'staging' }, /stage.*dev, prod/],
    [{ auth: 'cognito' }, /auth.*none, iam, jwt/],
    [{ auth: 'jwt' }, /jwtIssuer/],
    [{ auth: 'jwt', jwtIssuer: 'http://insecure.example.com/', jwtAudience: 'a' }, /https/],
    [{ auth: 'jwt', jwtIssuer: 'https://issuer.example.com/' }, /jwtAudience/],
  ])('refuses %j', (context, message) => {
    expect(() => synthesize(context)).toThrow(message);
  });

});
