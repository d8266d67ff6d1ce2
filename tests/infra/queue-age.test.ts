/**
 * One queue age limit for the QueueNotDraining alarm and reconciliation's in-flight window: with another
 * value in shared/queue-age.ts the alarm follows it (a number written into infra instead would not).
 */
import { describe, expect, it, vi } from 'vitest';
import { synthesize } from './onrecord-app.ts';

// vi.mock is hoisted above the imports, so the value it needs is hoisted with it.
const { LIMIT_MS } = vi.hoisted(() => ({ LIMIT_MS: 7 * 60 * 1000 }));
vi.mock('../../shared/queue-age.ts', () => ({ QUEUE_AGE_LIMIT_MS: LIMIT_MS }));

describe('the queue age limit', () => {
  it('is the QueueNotDraining threshold', () => {
    const { template, stack } = synthesize();
    const alarm = stack.monitoring.alarms.QueueNotDraining;
    if (!alarm) throw new Error('no QueueNotDraining alarm');
    const logicalId = stack.resolve(stack.getLogicalId(alarm.node.defaultChild as never)) as string;
    const properties = (template.toJSON().Resources[logicalId] as { Properties: { MetricName: string; Threshold: number } }).Properties;
    expect(properties).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: LIMIT_MS / 1000 });
  });
});
