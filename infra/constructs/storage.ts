import { Duration } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_INDEXES, TABLE_KEYS } from '../../shared/store/table.ts';
import type { DeploymentConfig } from '../deployment-config.ts';

export interface StorageProps {
  config: DeploymentConfig;
}

/**
 * Where data lives: the private, versioned bucket that receives raw articles, the bucket that keeps its
 * server access logs, and the single DynamoDB table, created from the key schema in shared/store/table.ts
 * so the deployed table cannot drift from the one the local runner and the tests use.
 */
export class Storage extends Construct {
  readonly articlesBucket: Bucket;
  readonly accessLogsBucket: Bucket;
  readonly table: Table;

  constructor(scope: Construct, id: string, { config }: StorageProps) {
    super(scope, id);
    const destroyWithStack = config.stage === 'dev';

    this.accessLogsBucket = new Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 log delivery writes only to SSE-S3 buckets.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: config.accessLogExpiration }],
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: destroyWithStack,
    });

    this.articlesBucket = new Bucket(this, 'ArticlesBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Overwritten or deleted articles stay restorable for a while, then their old versions expire.
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-noncurrent-versions',
          noncurrentVersionExpiration: config.noncurrentVersionExpiration,
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'articles/',
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: destroyWithStack,
    });

    const stringKey = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, 'Table', {
      partitionKey: stringKey(TABLE_KEYS.partitionKey),
      sortKey: stringKey(TABLE_KEYS.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });
    for (const index of TABLE_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
