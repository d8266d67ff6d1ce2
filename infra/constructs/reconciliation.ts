import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { DeploymentConfig } from '../deployment-config.ts';
import { ServiceFunction } from './service-function.ts';

export interface ReconciliationProps {
  bucket: IBucket;
  table: ITable;
  queue: IQueue;
  config: DeploymentConfig;
}

/** Long enough to list and check tens of thousands of objects; Lambda allows at most 15 minutes. */
export const RECONCILE_TIMEOUT = Duration.minutes(15);
export const RECONCILE_SCHEDULE = Duration.hours(1);

/**
 * A function that compares the bucket with the ingestion records every hour and sends the ingest queue
 * what notifications missed (lost, misconfigured, or dead-lettered past the DLQ's 14 days).
 */
export class Reconciliation extends Construct {
  readonly reconcileFunction: ServiceFunction;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, { bucket, table, queue, config }: ReconciliationProps) {
    super(scope, id);
    this.reconcileFunction = new ServiceFunction(this, 'ReconcileFunction', {
      entry: 'functions/reconcile/handler.ts',
      description: 'Sends the ingest queue what S3 notifications missed',
      serviceName: 'onrecord-reconcile',
      timeout: RECONCILE_TIMEOUT,
      memorySize: 512,
      config,
    });
    this.reconcileFunction.bindTable({ table, accessMode: 'RO' });
    // It compares listings with records and never reads an object, so it gets no object access.
    this.reconcileFunction.bindBucketForListing(bucket);
    queue.grantSendMessages(this.reconcileFunction.function);
    this.reconcileFunction.function.addEnvironment('QUEUE_URL', queue.queueUrl);
    // A failed run is not retried: the next hourly run does the same work (and the Errors alarm reports it).
    this.reconcileFunction.function.configureAsyncInvoke({ retryAttempts: 0 });

    this.schedule = new Rule(this, 'Schedule', {
      description: 'Hourly reconciliation of the articles bucket with the ingestion records',
      schedule: Schedule.rate(RECONCILE_SCHEDULE),
      targets: [new LambdaFunction(this.reconcileFunction.function, { retryAttempts: 0 })],
    });
  }
}
