import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { KEY_ATTRIBUTES, TABLE_INDEXES, TABLE_KEYS } from '../../shared/store/table.ts';
import { synthesize } from './onrecord-app.ts';

const { template, stack } = synthesize();
const resources = (type: string) => template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
const onlyResource = (type: string, props: Record<string, unknown> = {}) => {
  const found = template.findResources(type, { Properties: Match.objectLike(props) });
  expect(Object.keys(found)).toHaveLength(1);
  const [logicalId, resource] = Object.entries(found)[0] as [string, { Properties: Record<string, unknown> }];
  return { logicalId, properties: resource.Properties };
};
const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  stack.resolve(stack.getLogicalId(construct.node.defaultChild as never)) as string;

const ingestFunctionId = logicalIdOf(stack.ingestion.ingestFunction.function);
const apiFunctionId = logicalIdOf(stack.api.apiFunction.function);
const queueId = logicalIdOf(stack.ingestion.queue);
const dlqId = logicalIdOf(stack.ingestion.deadLetterQueue);
const bucketId = logicalIdOf(stack.storage.articlesBucket);
const tableId = logicalIdOf(stack.storage.table);

describe('storage', () => {
  it('creates the table from the key schema in shared/store/table.ts, on demand, with PITR', () => {
    const { properties } = onlyResource('AWS::DynamoDB::Table');
    expect(properties.KeySchema).toEqual([
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ]);
    expect(properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(KEY_ATTRIBUTES.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
    );
    expect((properties.AttributeDefinitions as unknown[]).length).toBe(KEY_ATTRIBUTES.length);
    expect(properties.GlobalSecondaryIndexes).toEqual(
      TABLE_INDEXES.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    );
    expect(properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('keeps the articles bucket private, encrypted, versioned, logged, with old versions expiring', () => {
    const bucket = resources('AWS::S3::Bucket')[bucketId]?.Properties;
    expect(bucket).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(stack.storage.accessLogsBucket) } },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 7 } })],
      },
    });
  });

  it('refuses plain-HTTP requests on both buckets', () => {
    const policies = Object.values(resources('AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect((policy.Properties.PolicyDocument as { Statement: unknown[] }).Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });
});

describe('ingestion wiring', () => {
  it('sends object-created and object-removed events of the bucket to the queue', () => {
    const { properties } = onlyResource('Custom::S3BucketNotifications');
    expect(properties.BucketName).toEqual({ Ref: bucketId });
    const configs = (properties.NotificationConfiguration as { QueueConfigurations: unknown[] }).QueueConfigurations;
    expect(configs).toEqual(
      expect.arrayContaining([
        { Events: ['s3:ObjectCreated:*'], QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
        { Events: ['s3:ObjectRemoved:*'], QueueArn: { 'Fn::GetAtt': [queueId, 'Arn'] } },
      ]),
    );
    expect(configs).toHaveLength(2);
  });

  it('feeds the ingest function from the queue with partial batch failures', () => {
    const { properties } = onlyResource('AWS::Lambda::EventSourceMapping');
    expect(properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] },
      FunctionName: { Ref: ingestFunctionId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 5,
    });
  });

  it('redrives to an encrypted DLQ and keeps messages invisible for at least 6x the function timeout', () => {
    const queues = resources('AWS::SQS::Queue');
    const queue = queues[queueId]?.Properties ?? {};
    const ingestTimeout = resources('AWS::Lambda::Function')[ingestFunctionId]?.Properties.Timeout as number;
    expect(queue.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 5 });
    expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * ingestTimeout);
    for (const id of [queueId, dlqId]) expect(queues[id]?.Properties.SqsManagedSseEnabled).toBe(true);
  });
});

describe('functions', () => {
  it.each([
    ['ingest', () => ingestFunctionId],
    ['api', () => apiFunctionId],
  ])('the %s function runs on the newest Node.js runtime on arm64, logging to its own log group', (name, id) => {
    const fn = resources('AWS::Lambda::Function')[id()]?.Properties;
    // Only ingest reads the bucket: the API's article page reads the stored body.
    const bucket = name === 'ingest' ? { BUCKET_NAME: { Ref: bucketId } } : {};
    expect(fn).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      Environment: {
        Variables: expect.objectContaining({
          TABLE_NAME: { Ref: tableId },
          ...bucket,
          POWERTOOLS_METRICS_NAMESPACE: 'onrecord',
          POWERTOOLS_SERVICE_NAME: expect.stringMatching(/^onrecord-/),
          LOG_LEVEL: 'DEBUG',
        }),
      },
    });
    if (name === 'api') expect(fn?.Environment).not.toHaveProperty('Variables.BUCKET_NAME');
  });

  it('gives only the API function the cursor secret, as a dynamic reference rather than a value', () => {
    const functions = resources('AWS::Lambda::Function');
    const apiVariables = (functions[apiFunctionId]?.Properties.Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(JSON.stringify(apiVariables.CURSOR_SECRET)).toContain('{{resolve:secretsmanager:');
    const ingestVariables = (functions[ingestFunctionId]?.Properties.Environment as { Variables: object }).Variables;
    expect(ingestVariables).not.toHaveProperty('CURSOR_SECRET');
  });
});

describe('api', () => {
  it('routes every request to the API function through a throttled, access-logged default stage', () => {
    const route = onlyResource('AWS::ApiGatewayV2::Route').properties;
    expect(route.RouteKey).toBe('$default');
    const integration = onlyResource('AWS::ApiGatewayV2::Integration').properties;
    expect(integration).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [apiFunctionId, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
    const stage = onlyResource('AWS::ApiGatewayV2::Stage').properties;
    expect(stage).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.any(String), 'Arn'] } },
    });
    expect(JSON.parse((stage.AccessLogSettings as { Format: string }).Format)).toHaveProperty('requestId');
  });
});

describe('monitoring', () => {
  it('alarms on a non-empty DLQ and on errors and throttles of both functions, all notifying one topic', () => {
    const alarms = Object.values(resources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    const dimensionOf = (alarm: Record<string, unknown>) => JSON.stringify(alarm.Dimensions);
    expect(alarms).toContainEqual(
      expect.objectContaining({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 }),
    );
    expect(alarms.find((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible')?.Dimensions).toEqual([
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } },
    ]);
    for (const fnId of [ingestFunctionId, apiFunctionId]) {
      for (const metric of ['Errors', 'Throttles']) {
        expect(
          alarms.some((a) => a.MetricName === metric && dimensionOf(a).includes(fnId)),
          `${metric} alarm for ${fnId}`,
        ).toBe(true);
      }
    }
    const topicId = logicalIdOf(stack.monitoring.alarmTopic);
    for (const alarm of alarms) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
    onlyResource('AWS::CloudWatch::Dashboard');
  });
});

describe('outputs', () => {
  it('names the bucket, API URL, table, queue and DLQ', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['BucketName', 'ApiUrl', 'TableName', 'QueueUrl', 'DlqUrl']),
    );
    expect(outputs.BucketName?.Value).toEqual({ Ref: bucketId });
    expect(outputs.TableName?.Value).toEqual({ Ref: tableId });
    expect(outputs.DlqUrl?.Value).toEqual({ Ref: dlqId });
    expect(JSON.stringify(outputs.ApiUrl?.Value)).toContain('execute-api');
  });

  it('gives the API URL without a trailing slash, so `$ApiUrl/articles` names a route (`//articles` names none)', () => {
    const outputs = template.toJSON().Outputs as Record<string, { Value: { 'Fn::Join': [string, unknown[]] } }>;
    const last = outputs.ApiUrl!.Value['Fn::Join'][1].at(-1);
    expect(typeof last === 'string' ? last : JSON.stringify(last)).not.toMatch(/\/$/);
  });
});
