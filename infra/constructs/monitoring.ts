import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_SERVICE, IngestMetric, METRICS_NAMESPACE } from '../../functions/ingest/metric-names.ts';
import { RECONCILE_IN_FLIGHT_METRIC, RECONCILE_SERVICE, ReconcileMetric } from '../../functions/reconcile/metric-names.ts';
import { QUEUE_AGE_LIMIT_MS } from '../../shared/queue-age.ts';
import type { DeploymentConfig } from '../deployment-config.ts';

export interface MonitoredFunction {
  name: string;
  function: IFunction;
  timeout: Duration;
}

export interface MonitoringProps {
  queue: Queue;
  deadLetterQueue: Queue;
  table: ITable;
  functions: MonitoredFunction[];
  httpApi: HttpApi;
  config: DeploymentConfig;
}

const PERIOD = Duration.minutes(5);

/** An object event waiting this long means ingestion is stuck or far behind; reconciliation's in-flight window too. */
const OLDEST_MESSAGE_AGE = Duration.millis(QUEUE_AGE_LIMIT_MS);
/** The DLQ keeps a message 14 days: an alarm at 3 leaves time to redrive before anything is lost. */
const DLQ_OLDEST_MESSAGE_AGE = Duration.days(3);
/** Share of API requests answered 5xx over a period; below MIN_REQUESTS a few errors are not a rate. */
const API_5XX_PERCENT = 1;
const API_MIN_REQUESTS = 20;
const API_P99_LATENCY = Duration.seconds(2);
/** A function whose slowest run reaches this share of its timeout is about to be killed by it. */
const NEAR_TIMEOUT_SHARE = 0.8;
/** A few retried messages are normal (throttling); more in one period means something is failing. */
const TRANSIENT_FAILURES = 5;
/** The DynamoDB operations the functions use (a metric-math alarm may combine at most 10 metrics). */
const TABLE_OPERATIONS = [
  Operation.GET_ITEM,
  Operation.BATCH_GET_ITEM,
  Operation.QUERY,
  Operation.PUT_ITEM,
  Operation.UPDATE_ITEM,
  Operation.DELETE_ITEM,
  Operation.BATCH_WRITE_ITEM,
];

interface AlarmSpec {
  description: string;
  metric: IMetric;
  threshold: number;
  /** Consecutive breaching periods before it fires (default 1). */
  periods?: number;
}

/**
 * Alarms on what users feel, each published to one topic (README, "Alarms and runbook", says what each
 * means and what to do): API 5xx rate and p99 latency from API Gateway's own metrics (the API function
 * turns exceptions into 500s, so Lambda's Errors never sees them); ingest failures as the handler counts
 * them (a failed record is reported in the batch response, not as a Lambda error); the DLQ's depth and
 * the age of its oldest message; DynamoDB throttles and system errors; functions nearing their timeout.
 * Lambda Errors and Throttles stay for what only they see: crashes at start-up, timeouts, concurrency.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Record<string, Alarm> = {};
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { queue, deadLetterQueue, table, functions, httpApi, config } = props;

    this.alarmTopic = new Topic(this, 'AlarmTopic', { enforceSSL: true });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    const notify = new SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, { description, metric, threshold, periods = 1 }: AlarmSpec): void => {
      const created = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      this.alarms[alarmId] = created;
    };
    const serviceMetric = (service: string, metricName: string, period = PERIOD) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, statistic: 'Sum', period });
    const ingestMetric = (metricName: string) => serviceMetric(INGEST_SERVICE, metricName);

    alarm('ApiServerErrorRate', {
      description: `Over ${API_5XX_PERCENT}% of API requests were answered 5xx: read the API function's error logs.`,
      metric: new MathExpression({
        expression: `IF(requests >= ${API_MIN_REQUESTS}, 100 * serverErrors / requests, 0)`,
        usingMetrics: { requests: httpApi.metricCount({ period: PERIOD }), serverErrors: httpApi.metricServerError({ period: PERIOD }) },
        label: 'API 5xx (% of requests)',
        period: PERIOD,
      }),
      threshold: API_5XX_PERCENT,
    });
    alarm('ApiLatencyP99', {
      description: `The API's p99 latency stayed over ${API_P99_LATENCY.toSeconds()} s for 15 minutes.`,
      metric: httpApi.metricLatency({ period: PERIOD, statistic: 'p99' }),
      threshold: API_P99_LATENCY.toMilliseconds(),
      periods: 3,
    });
    alarm('IngestPermanentFailures', {
      description: 'An upload was rejected (no retry can help): GET /ingestions/{key} says why.',
      metric: ingestMetric(IngestMetric.permanentFailures),
      threshold: 1,
    });
    alarm('IngestTransientFailures', {
      description: 'Ingest messages keep failing and going back to the queue: read the ingest error logs.',
      metric: ingestMetric(IngestMetric.transientFailures),
      threshold: TRANSIENT_FAILURES,
    });
    alarm('DeadLetterQueueNotEmpty', {
      description: 'Records failed every delivery and wait in the DLQ: find the cause, then redrive.',
      metric: deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 1,
    });
    alarm('DeadLetterQueueAging', {
      description: 'A DLQ message is days old and is deleted after 14: redrive it now (or reconcile after).',
      metric: deadLetterQueue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' }),
      threshold: DLQ_OLDEST_MESSAGE_AGE.toSeconds(),
    });
    alarm('QueueNotDraining', {
      description: 'The oldest object event has waited too long: ingestion is stuck or far behind.',
      metric: queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' }),
      threshold: OLDEST_MESSAGE_AGE.toSeconds(),
    });
    alarm('ReconciliationFindings', {
      description: 'The hourly reconciliation found objects ingestion never saw (lost events): its log lists the keys.',
      metric: new MathExpression({
        expression: 'missing + stale + gone',
        usingMetrics: Object.fromEntries(
          (['missing', 'stale', 'gone'] as const).map((kind) => [kind, serviceMetric(RECONCILE_SERVICE, ReconcileMetric[kind], Duration.hours(1))]),
        ),
        label: 'Reconciliation findings',
        period: Duration.hours(1),
      }),
      threshold: 1,
    });
    alarm('TableThrottles', {
      description: 'DynamoDB throttled requests: the SDK and SQS retry them, but reads and ingestion slow down.',
      metric: table.metricThrottledRequestsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD }),
      threshold: 1,
    });
    alarm('TableSystemErrors', {
      description: 'DynamoDB answered with internal errors (HTTP 500): check the AWS Health Dashboard.',
      metric: table.metricSystemErrorsForOperations({ operations: TABLE_OPERATIONS, period: PERIOD }),
      threshold: 1,
    });
    for (const { name, function: fn, timeout } of functions) {
      alarm(`${name}Errors`, {
        description: `The ${name} function failed invocations (a crash at start-up, a timeout, out of memory).`,
        metric: fn.metricErrors({ period: PERIOD }),
        threshold: 1,
      });
      alarm(`${name}Throttles`, {
        description: `The ${name} function was throttled.`,
        metric: fn.metricThrottles({ period: PERIOD }),
        threshold: 1,
      });
      alarm(`${name}NearTimeout`, {
        description: `A ${name} invocation ran for over ${NEAR_TIMEOUT_SHARE * 100}% of its ${timeout.toSeconds()} s timeout.`,
        metric: fn.metricDuration({ period: PERIOD, statistic: 'Maximum' }),
        threshold: NEAR_TIMEOUT_SHARE * timeout.toMilliseconds(),
      });
    }

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.hours(3) });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Queue: waiting and in flight',
        left: [
          queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) }),
          queue.metricApproximateNumberOfMessagesNotVisible({ period: Duration.minutes(1) }),
        ],
        right: [queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) })],
      }),
      new GraphWidget({
        title: 'Dead-letter queue',
        left: [deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) })],
        right: [deadLetterQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1) })],
      }),
      new GraphWidget({
        title: 'Ingest failures',
        left: [ingestMetric(IngestMetric.permanentFailures), ingestMetric(IngestMetric.transientFailures)],
      }),
      new GraphWidget({
        title: 'HTTP API',
        left: [httpApi.metricCount({ period: PERIOD })],
        right: [httpApi.metricClientError({ period: PERIOD }), httpApi.metricServerError({ period: PERIOD })],
      }),
    );
    this.dashboard.addWidgets(
      ...functions.map(
        ({ name, function: fn }) =>
          new GraphWidget({
            title: `${name} function`,
            left: [
              fn.metricInvocations({ period: PERIOD }),
              fn.metricErrors({ period: PERIOD }),
              fn.metricThrottles({ period: PERIOD }),
            ],
            right: [fn.metricDuration({ period: PERIOD, statistic: 'p95' })],
          }),
      ),
      new GraphWidget({
        title: 'Reconciliation',
        left: (['missing', 'stale', 'gone'] as const).map((kind) => serviceMetric(RECONCILE_SERVICE, ReconcileMetric[kind], Duration.hours(1))),
        right: [serviceMetric(RECONCILE_SERVICE, RECONCILE_IN_FLIGHT_METRIC, Duration.hours(1))],
      }),
      new GraphWidget({
        title: 'HTTP API latency (p95)',
        left: [httpApi.metricLatency({ period: PERIOD, statistic: 'p95' })],
      }),
    );
  }
}
