import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api, API_TIMEOUT } from './constructs/api.ts';
import { Edge } from './constructs/edge.ts';
import { Ingestion, INGEST_TIMEOUT } from './constructs/ingestion.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { Reconciliation, RECONCILE_TIMEOUT } from './constructs/reconciliation.ts';
import { Storage } from './constructs/storage.ts';
import type { DeploymentConfig } from './deployment-config.ts';

export interface OnrecordStackProps extends StackProps {
  config: DeploymentConfig;
  /** The per-client rate limit's web ACL, when `perClientLimit` is set (RateLimitStack). */
  webAclArn?: string;
}

/**
 * The whole pipeline in one environment-agnostic stack (no lookups, so it synthesizes offline):
 * bucket → queue → ingest function → table ← API function ← HTTP API, plus alarms and a dashboard.
 */
export class OnrecordStack extends Stack {
  readonly storage: Storage;
  readonly ingestion: Ingestion;
  readonly api: Api;
  readonly reconciliation: Reconciliation;
  readonly monitoring: Monitoring;
  readonly edge: Edge | undefined;

  constructor(scope: Construct, id: string, props: OnrecordStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.storage = new Storage(this, 'Storage', { config });
    const { articlesBucket: bucket, table } = this.storage;
    this.ingestion = new Ingestion(this, 'Ingestion', { bucket, table, config });
    this.api = new Api(this, 'Api', { table, config });
    this.edge = props.webAclArn
      ? new Edge(this, 'Edge', { httpApi: this.api.httpApi, apiFunction: this.api.apiFunction, webAclArn: props.webAclArn, accessLogsBucket: this.storage.accessLogsBucket, config })
      : undefined;
    this.reconciliation = new Reconciliation(this, 'Reconciliation', { bucket, table, queue: this.ingestion.queue, config });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      queue: this.ingestion.queue,
      deadLetterQueue: this.ingestion.deadLetterQueue,
      table,
      functions: [
        { name: 'Ingest', function: this.ingestion.ingestFunction.function, timeout: INGEST_TIMEOUT },
        { name: 'Api', function: this.api.apiFunction.function, timeout: API_TIMEOUT },
        { name: 'Reconcile', function: this.reconciliation.reconcileFunction.function, timeout: RECONCILE_TIMEOUT },
      ],
      httpApi: this.api.httpApi,
      config,
    });

    new CfnOutput(this, 'BucketName', { value: bucket.bucketName, description: 'Upload articles here' });
    new CfnOutput(this, 'ApiUrl', {
      value: this.edge ? `https://${this.edge.distribution.distributionDomainName}` : this.api.url,
      description: this.edge ? 'Base URL of the API, through CloudFront and its per-client rate limit' : 'Base URL of the HTTP API',
    });
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'QueueUrl', { value: this.ingestion.queue.queueUrl });
    new CfnOutput(this, 'DlqUrl', {
      value: this.ingestion.deadLetterQueue.queueUrl,
      description: 'Records that failed every delivery; redrive after fixing the cause',
    });
    new CfnOutput(this, 'CursorSecretArn', {
      value: this.api.cursorSecret.secretArn,
      description: 'Signs page cursors; rotate with put-secret-value, then deploy with -c cursorSecretVersion',
    });
    if (this.edge) {
      new CfnOutput(this, 'OriginSecretArn', {
        value: this.edge.originSecret.secretArn,
        description: 'Sent by CloudFront to the API; rotate with put-secret-value, then deploy with -c originSecretVersion and -c originSecretPreviousVersion',
      });
    }
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.monitoring.alarmTopic.topicArn });
  }
}
