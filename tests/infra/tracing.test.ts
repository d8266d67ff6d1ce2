import { describe, expect, it } from 'vitest';
import { synthesize } from './onrecord-app.ts';

const { template, stack } = synthesize();
const functions = {
  ingest: stack.ingestion.ingestFunction.function,
  api: stack.api.apiFunction.function,
  reconcile: stack.reconciliation.reconcileFunction.function,
};
const functionProperties = (which: keyof typeof functions) => {
  const fn = functions[which];
  const id = stack.resolve(stack.getLogicalId(fn.node.defaultChild as never)) as string;
  return (template.toJSON().Resources[id] as { Properties: Record<string, unknown> }).Properties;
};

describe('tracing', () => {
  it.each(['ingest', 'api', 'reconcile'] as const)('traces the %s function actively, without copying responses into traces', (which) => {
    const properties = functionProperties(which);
    expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
    expect((properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: `onrecord-${which}`,
      POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
    });
  });

  it('lets each function role send segments to X-Ray', () => {
    for (const fn of Object.values(functions)) {
      const roleId = stack.resolve(stack.getLogicalId(fn.role?.node.defaultChild as never)) as string;
      const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } });
      const actions = Object.values(policies).flatMap((policy) =>
        (policy as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }).Properties.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()),
      );
      expect(actions).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords']));
    }
  });
});
