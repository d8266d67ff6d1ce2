import { describe, expect, it } from 'vitest';
import { API_TIMEOUT } from '../../infra/constructs/api.ts';
import { INGEST_TIMEOUT } from '../../infra/constructs/ingestion.ts';
import { RECONCILE_TIMEOUT } from '../../infra/constructs/reconciliation.ts';
import { IngestMetric } from '../../functions/ingest/metric-names.ts';
import { RECONCILE_IN_FLIGHT_METRIC } from '../../functions/reconcile/metric-names.ts';
import { QUEUE_AGE_LIMIT_MS } from '../../shared/queue-age.ts';
import { synthesize } from './onrecord-app.ts';

interface AlarmProperties {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Statistic?: string;
  ExtendedStatistic?: string;
  Threshold: number;
  EvaluationPeriods: number;
  ComparisonOperator: string;
  Metrics?: { Id: string; Expression?: string; MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions?: unknown[] } } }[];
  AlarmActions: unknown[];
  OKActions: unknown[];
}

const { template, stack } = synthesize();
const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;
const topicId = logicalId(stack.monitoring.alarmTopic);
const alarm = (id: string): AlarmProperties => {
  const construct = stack.monitoring.alarms[id];
  if (!construct) throw new Error(`no alarm ${id}`);
  return (template.toJSON().Resources[logicalId(construct)] as { Properties: AlarmProperties }).Properties;
};
const refersTo = (value: unknown, construct: { node: { defaultChild?: unknown } }) => JSON.stringify(value).includes(logicalId(construct));
const mathMetrics = (properties: AlarmProperties) => (properties.Metrics ?? []).flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric] : []));

describe('alarms on what users feel', () => {
  it('every alarm notifies the alarm topic when it fires and when it clears', () => {
    const ids = Object.keys(stack.monitoring.alarms);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const id of ids) {
      expect(alarm(id).AlarmActions, id).toEqual([{ Ref: topicId }]);
      expect(alarm(id).OKActions, id).toEqual([{ Ref: topicId }]);
    }
  });

  it('ApiServerErrorRate: the share of 5xx answers from API Gateway, not Lambda Errors', () => {
    const properties = alarm('ApiServerErrorRate');
    const expression = properties.Metrics?.find((m) => m.Expression)?.Expression;
    expect(expression).toMatch(/100 \* serverErrors \/ requests/);
    expect(mathMetrics(properties).map((m) => [m.Namespace, m.MetricName])).toEqual(
      expect.arrayContaining([['AWS/ApiGateway', 'Count'], ['AWS/ApiGateway', '5xx']]),
    );
    expect(refersTo(mathMetrics(properties), stack.api.httpApi)).toBe(true);
    expect(properties.Threshold).toBe(1);
  });

  it('ApiLatencyP99: API Gateway p99 latency over 2 s for three periods', () => {
    expect(alarm('ApiLatencyP99')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: 2000, EvaluationPeriods: 3 });
  });

  it.each([
    ['IngestPermanentFailures', IngestMetric.permanentFailures, 1],
    ['IngestTransientFailures', IngestMetric.transientFailures, 5],
  ])('%s: the Powertools metric the ingest handler emits', (id, metricName, threshold) => {
    expect(alarm(id)).toMatchObject({
      Namespace: 'onrecord',
      MetricName: metricName,
      Dimensions: [{ Name: 'service', Value: 'onrecord-ingest' }],
      Statistic: 'Sum',
      Threshold: threshold,
    });
  });

  it('DeadLetterQueueNotEmpty and DeadLetterQueueAging: depth and age of the oldest message of the DLQ', () => {
    const depth = alarm('DeadLetterQueueNotEmpty');
    expect(depth).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
    expect(refersTo(depth.Dimensions, stack.ingestion.deadLetterQueue)).toBe(true);
    const age = alarm('DeadLetterQueueAging');
    expect(age).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateAgeOfOldestMessage', Threshold: 3 * 24 * 3600 });
    expect(refersTo(age.Dimensions, stack.ingestion.deadLetterQueue)).toBe(true);
  });

  it('QueueNotDraining: the ingest queue itself', () => {
    const properties = alarm('QueueNotDraining');
    expect(properties).toMatchObject({ MetricName: 'ApproximateAgeOfOldestMessage', Threshold: QUEUE_AGE_LIMIT_MS / 1000 });
    expect(QUEUE_AGE_LIMIT_MS).toBe(15 * 60 * 1000);
    expect(refersTo(properties.Dimensions, stack.ingestion.queue)).toBe(true);
    expect(refersTo(properties.Dimensions, stack.ingestion.deadLetterQueue)).toBe(false);
  });

  it.each([
    ['TableThrottles', 'ThrottledRequests'],
    ['TableSystemErrors', 'SystemErrors'],
  ])('%s: DynamoDB %s of the operations the functions use, summed (at most 10 metrics in an alarm)', (id, metricName) => {
    const metrics = mathMetrics(alarm(id));
    expect(metrics.length).toBeGreaterThan(0);
    expect(metrics.length).toBeLessThanOrEqual(10);
    for (const metric of metrics) {
      expect(metric).toMatchObject({ Namespace: 'AWS/DynamoDB', MetricName: metricName });
      expect(refersTo(metric.Dimensions, stack.storage.table)).toBe(true);
    }
    expect(alarm(id).Threshold).toBe(1);
  });

  it.each([
    ['Ingest', () => stack.ingestion.ingestFunction.function, INGEST_TIMEOUT],
    ['Api', () => stack.api.apiFunction.function, API_TIMEOUT],
    ['Reconcile', () => stack.reconciliation.reconcileFunction.function, RECONCILE_TIMEOUT],
  ])('%sNearTimeout, %sErrors, %sThrottles: the slowest run against 80%% of the timeout, and Lambda failures', (name, fn, timeout) => {
    const near = alarm(`${name}NearTimeout`);
    expect(near).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: 'Duration', Statistic: 'Maximum', Threshold: 0.8 * timeout.toMilliseconds() });
    expect(refersTo(near.Dimensions, fn())).toBe(true);
    for (const [suffix, metricName] of [['Errors', 'Errors'], ['Throttles', 'Throttles']] as const) {
      const properties = alarm(`${name}${suffix}`);
      expect(properties).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metricName, Threshold: 1 });
      expect(refersTo(properties.Dimensions, fn())).toBe(true);
    }
  });
});

describe('scheduled reconciliation', () => {
  it('runs the reconcile function hourly from EventBridge, letting it list the bucket, read the table and send to the ingest queue', () => {
    const fnId = logicalId(stack.reconciliation.reconcileFunction.function);
    const rule = Object.values(template.findResources('AWS::Events::Rule'))[0] as { Properties: { ScheduleExpression: string; Targets: { Arn: unknown }[] } };
    expect(rule.Properties.ScheduleExpression).toBe('rate(1 hour)');
    expect(JSON.stringify(rule.Properties.Targets)).toContain(fnId);
    const roleId = stack.resolve(stack.getLogicalId(stack.reconciliation.reconcileFunction.function.role?.node.defaultChild as never)) as string;
    const actions = Object.values(template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } })).flatMap((policy) =>
      (policy as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }).Properties.PolicyDocument.Statement.flatMap((s) => [s.Action].flat()),
    );
    expect(actions).toEqual(expect.arrayContaining(['s3:ListBucket', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'sqs:SendMessage']));
    expect(actions.filter((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action))).toEqual([]);
  });

  it('ReconciliationFindings: any missing, stale or gone object in an hour', () => {
    const properties = alarm('ReconciliationFindings');
    expect(properties.Metrics?.find((m) => m.Expression)?.Expression).toBe('missing + stale + gone');
    expect(mathMetrics(properties).map((m) => m.MetricName).sort()).toEqual(['ReconcileGone', 'ReconcileMissing', 'ReconcileStale']);
    expect(mathMetrics(properties).every((m) => m.Namespace === 'onrecord')).toBe(true);
    expect(properties.Threshold).toBe(1);
  });

  it(`no alarm watches ${RECONCILE_IN_FLIGHT_METRIC}: objects in flight are expected, not lost`, () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    expect(JSON.stringify(alarms)).not.toContain(RECONCILE_IN_FLIGHT_METRIC);
    // The dashboard shows it beside the findings.
    expect(JSON.stringify(template.findResources('AWS::CloudWatch::Dashboard'))).toContain(RECONCILE_IN_FLIGHT_METRIC);
  });
});
