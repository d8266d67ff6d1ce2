import { Duration, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../deployment-config.ts';

export interface MonitoredFunction {
  name: string;
  function: IFunction;
}

export interface MonitoringProps {
  queue: Queue;
  deadLetterQueue: Queue;
  functions: MonitoredFunction[];
  httpApi: HttpApi;
  config: DeploymentConfig;
}

const PERIOD = Duration.minutes(5);

/** An ingested article waiting this long means ingestion is stuck or far behind. */
const OLDEST_MESSAGE_AGE = Duration.minutes(15);

/**
 * Alarms that need a human (a record parked in the DLQ, function errors or throttles, a queue that stops
 * draining), all published to one topic, and a dashboard with the pipeline's vital signs.
 */
export class Monitoring extends Construct {
  readonly alarmTopic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { queue, deadLetterQueue, functions, httpApi, config } = props;

    this.alarmTopic = new Topic(this, 'AlarmTopic', { enforceSSL: true });
    Validations.of(this.alarmTopic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry only alarm names and states. CloudWatch cannot publish to a topic encrypted ' +
        'with the AWS managed SNS key, and a customer managed key per stack is not worth it for this content.',
    });
    if (config.alarmEmail) this.alarmTopic.addSubscription(new EmailSubscription(config.alarmEmail));
    const notify = new SnsAction(this.alarmTopic);

    const alarm = (alarmId: string, description: string, metric: IMetric, threshold: number): void => {
      const created = new Alarm(this, alarmId, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(notify);
      created.addOkAction(notify);
      this.alarms.push(created);
    };

    alarm(
      'DeadLetterQueueNotEmpty',
      'Records failed every delivery and wait in the DLQ: find the cause, then redrive.',
      deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      1,
    );
    alarm(
      'QueueNotDraining',
      'The oldest object event has waited too long: ingestion is stuck or far behind.',
      queue.metricApproximateAgeOfOldestMessage({ period: PERIOD, statistic: 'Maximum' }),
      OLDEST_MESSAGE_AGE.toSeconds(),
    );
    for (const { name, function: fn } of functions) {
      alarm(`${name}Errors`, `The ${name} function failed invocations.`, fn.metricErrors({ period: PERIOD }), 1);
      alarm(`${name}Throttles`, `The ${name} function was throttled.`, fn.metricThrottles({ period: PERIOD }), 1);
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
        title: 'HTTP API latency (p95)',
        left: [httpApi.metricLatency({ period: PERIOD, statistic: 'p95' })],
      }),
    );
  }
}
