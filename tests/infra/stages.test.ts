import { describe, expect, it } from 'vitest';
import { synthesize } from './onrecord-app.ts';

const PROD = { stage: 'prod', account: '123456789012', region: 'eu-west-1', publicRead: 'true' };

const dlqDeletionPolicy = (context: Record<string, unknown>) => {
  const { stack, template } = synthesize(context);
  const id = stack.resolve(stack.getLogicalId(stack.ingestion.deadLetterQueue.node.defaultChild as never)) as string;
  return (template.toJSON().Resources[id] as { DeletionPolicy?: string }).DeletionPolicy;
};

describe('stages', () => {
  it('keeps the DLQ (the only record of failed uploads) when a production stack is deleted', () => {
    expect(dlqDeletionPolicy(PROD)).toBe('Retain');
    expect(dlqDeletionPolicy({})).toBe('Delete');
  });

  it('pins a production stack to the account and region in its configuration', () => {
    const { stack } = synthesize(PROD);
    expect(stack.account).toBe('123456789012');
    expect(stack.region).toBe('eu-west-1');
  });

  it('leaves dev to the credentials in use unless told', () => {
    expect(synthesize().stack.resolve(synthesize().stack.account)).toEqual({ Ref: 'AWS::AccountId' });
    expect(synthesize({ account: '210987654321', region: 'us-east-1' }).stack.region).toBe('us-east-1');
  });

  it.each([
    [{ stage: 'prod' }, /account/],
    [{ stage: 'prod', account: '123456789012' }, /region/],
    [{ ...PROD, account: '12345' }, /12-digit/],
    [{ ...PROD, region: 'Europe' }, /region/],
  ])('refuses %j', (context, message) => {
    expect(() => synthesize(context)).toThrow(message);
  });
});

describe('ingest concurrency (-c ingestConcurrency)', () => {
  const maximumConcurrency = (context: Record<string, unknown>) => {
    const mappings = Object.values(synthesize(context).template.findResources('AWS::Lambda::EventSourceMapping'));
    return mappings.map((mapping) => (mapping as { Properties: { ScalingConfig?: { MaximumConcurrency?: number } } }).Properties.ScalingConfig?.MaximumConcurrency);
  };

  it('is 10 functions on the queue unless the deployment says otherwise', () => {
    expect(maximumConcurrency({})).toEqual([10]);
    expect(maximumConcurrency({ ingestConcurrency: '50' })).toEqual([50]);
  });

  it.each(['1', '1001', 'many', '2.5'])('refuses %s, outside what an SQS event source takes', (value) => {
    expect(() => synthesize({ ingestConcurrency: value })).toThrow(/ingestConcurrency/);
  });
});
