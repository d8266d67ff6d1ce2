import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, type CfnElement, type Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_INDEXES } from '../../shared/store/table.ts';
import type { DeploymentConfig } from '../deployment-config.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_FUNCTION = fileURLToPath(new URL('../build-function.ts', import.meta.url));

/** The newest Node.js runtime this aws-cdk-lib knows (cdk-nag AwsSolutions-L1 asks for the latest). */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** DynamoDB actions by access mode. No Scan: every access pattern is a key lookup or a Query. */
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/** Reading an object by key or by version; HeadObject is authorised by s3:GetObject. */
const OBJECT_READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];

export interface ServiceFunctionProps {
  /** Repository-relative path of the handler module; it must export `handler`. */
  entry: string;
  description: string;
  /** Powertools service name, also the logger's `service` field. */
  serviceName: string;
  timeout: Duration;
  memorySize: number;
  config: DeploymentConfig;
}

export interface TableBinding {
  table: ITable;
  accessMode: 'RO' | 'RW';
}

/**
 * One Lambda function with every default fixed in one place: runtime, arm64, its own log group with
 * retention, a role that holds only what it is granted here (no AWS managed policies), and an ESM bundle
 * made locally by esbuild with the AWS SDK inside (../bundle.ts). The bind* methods grant a resource and set
 * the environment variable that names it, so permissions and configuration cannot drift apart.
 */
export class ServiceFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const { config } = props;

    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.serviceName} function`,
    });
    this.logGroup.grantWrite(role);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords, added by CDK, accept no resource ' +
        'narrower than * (X-Ray has no resource-level permissions for them).',
    });

    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      // index.mjs, the bundle's entry, exports `handler`.
      handler: 'index.handler',
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role,
      logGroup: this.logGroup,
      // X-Ray: Lambda samples and starts each trace; Powertools Tracer adds the handler, the SDK calls and
      // annotations. (HTTP APIs cannot trace: API Gateway supports X-Ray on REST APIs only.)
      tracing: Tracing.ACTIVE,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'onrecord',
        // Responses are web pages and article lists: too big and too public to copy into traces.
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        LOG_LEVEL: config.logLevel,
        // Stack traces point at the TypeScript sources through the bundled source map.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
  }

  /** Grants the table (and its indexes for reading) and sets TABLE_NAME. */
  bindTable({ table, accessMode }: TableBinding): void {
    const indexArns = TABLE_INDEXES.map((index) => `${table.tableArn}/index/${index.name}`);
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: TABLE_READ_ACTIONS, resources: [table.tableArn, ...indexArns] }),
    );
    if (accessMode === 'RW') {
      this.function.addToRolePolicy(new PolicyStatement({ actions: TABLE_WRITE_ACTIONS, resources: [table.tableArn] }));
    }
    this.function.addEnvironment('TABLE_NAME', table.tableName);
  }

  /** Grants listing the bucket (keys, eTags and dates, never an object's content) and sets BUCKET_NAME. */
  bindBucketForListing(bucket: IBucket): void {
    this.function.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    this.function.addEnvironment('BUCKET_NAME', bucket.bucketName);
  }

  /**
   * Grants reading the bucket's objects, and listing it: without s3:ListBucket S3 answers a missing key
   * (deleted, or hidden by a delete marker) with 403 instead of 404, and the ingest function must tell "gone"
   * (withdraw the article) from "forbidden" (a fault to retry).
   */
  bindBucketForReading(bucket: IBucket): void {
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: OBJECT_READ_ACTIONS, resources: [bucket.arnForObjects('*')] }),
    );
    this.bindBucketForListing(bucket);
    const stack = Stack.of(this);
    const bucketLogicalId: unknown = stack.resolve(stack.getLogicalId(bucket.node.defaultChild as CfnElement));
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${String(bucketLogicalId)}.Arn>/*]`,
      reason:
        'Object keys are whatever users upload, so object reads are granted on every key of this one bucket ' +
        '(GetObject and GetObjectVersion only; no writing, no other bucket).',
    });
  }
}

/**
 * The handler bundled locally by esbuild (no Docker), the asset hashed by its output. Where a test skips
 * bundling (`aws:cdk:bundling-stacks`), CDK stages nothing and makes up a hash.
 *
 * The asset's source is the handler's folder: esbuild reads what it imports wherever it is, but CDK caches
 * bundles by source path and options (it cannot see into tryBundle), so two handlers in one folder would
 * get one bundle. Each function has its own folder under functions/.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(dirname(`${repoRoot}${entry}`), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always succeeds or throws.
      image: FUNCTION_RUNTIME.bundlingImage,
      local: {
        tryBundle(outputDir) {
          // infra/bundle.ts's options, built by esbuild's async API (they use a plugin) in a child process
          execFileSync(process.execPath, ['--import', 'tsx', BUILD_FUNCTION, `${repoRoot}${entry}`, outputDir], { cwd: repoRoot, stdio: 'inherit' });
          return true;
        },
      },
    },
  });
}
