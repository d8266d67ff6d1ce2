import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

/**
 * Everything that differs between deployments comes from CDK context (`cdk deploy -c stage=prod -c auth=jwt ...`)
 * and is validated here once, so a typo fails the synth instead of deploying something unintended.
 */
export type Stage = 'dev' | 'prod';

export type ApiAuthorization =
  | { kind: 'none' }
  | { kind: 'iam' }
  | { kind: 'jwt'; issuer: string; audience: string[] };

export interface DeploymentConfig {
  stage: Stage;
  /**
   * Where the stack goes (`-c account=… -c region=…`, or cdk.json). Required for prod, so a production
   * deploy cannot land in whatever account the caller's credentials happen to point at; dev may leave it
   * to the credentials.
   */
  environment: { account: string; region: string } | undefined;
  authorization: ApiAuthorization;
  /**
   * The version of the cursor secret the API function is given (`-c cursorSecretVersion=…`): changing it is
   * what makes CloudFormation resolve the secret again after a rotation. Absent: the current version at the
   * stack's first deploy (CloudFormation never re-resolves an unchanged reference).
   */
  cursorSecretVersion: string | undefined;
  /**
   * The origin secret's versions (`-c originSecretVersion=…`, `-c originSecretPreviousVersion=…`), with
   * `perClientLimit`: CloudFront sends the first; the API accepts both while a rotation spreads to CloudFront's
   * edge locations, so no request is refused in between. Absent: the version current at the first deploy.
   */
  originSecretVersions: { current: string | undefined; previous: string | undefined };
  /** Optional e-mail address subscribed to the alarm topic. */
  alarmEmail: string | undefined;
  /** Production keeps data when the stack or a resource is removed; dev cleans up after itself. */
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  logRetention: RetentionDays;
  /** How long raw-object versions replaced or deleted by an upload stay restorable. */
  noncurrentVersionExpiration: Duration;
  accessLogExpiration: Duration;
  apiThrottle: { rateLimit: number; burstLimit: number };
  /**
   * Requests one client (IP address) may make in 5 minutes (`-c perClientLimit=N`): when set, the API is
   * served through CloudFront with a WAF rate-based rule, and API Gateway refuses requests that go around it.
   * Absent: only the stage-wide throttle, which one client can use up.
   */
  perClientLimit: number | undefined;
  /**
   * Ingest functions working at once on the queue (`-c ingestConcurrency=N`, SQS's bounds 2–1000): with the
   * time one article takes, what sets the archive's ingest rate, and the table's write rate with it.
   */
  ingestConcurrency: number;
  logLevel: 'DEBUG' | 'INFO';
}

export class DeploymentConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentConfigError';
  }
}

function contextString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new DeploymentConfigError(`context "${key}" must be a string`);
  return value;
}

function oneOf<T extends string>(key: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new DeploymentConfigError(`context "${key}" must be one of ${allowed.join(', ')}; got "${value}"`);
}

/** `-c jwtAudience=a,b` arrives as a string; cdk.json may hold an array. */
function audienceList(node: Node): string[] {
  const value: unknown = node.tryGetContext('jwtAudience');
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((item) => String(item).trim()).filter((item) => item.length > 0);
}

function contextBoolean(node: Node, key: string): boolean {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new DeploymentConfigError(`context "${key}" must be true or false; got ${JSON.stringify(value)}`);
}

/**
 * Production is private unless the configuration says in words that the data is public: `auth=none` in
 * prod needs `publicRead=true` too (the API lists every upload, rejected and deleted ones included).
 */
function readAuthorization(node: Node, stage: Stage): ApiAuthorization {
  const authorization = readAuthorizationKind(node);
  if (stage === 'prod' && authorization.kind === 'none' && !contextBoolean(node, 'publicRead')) {
    throw new DeploymentConfigError(
      'stage=prod with auth=none would publish every article and every upload\'s key and status: ' +
        'choose auth=iam or auth=jwt, or say -c publicRead=true if that is intended',
    );
  }
  return authorization;
}

function readAuthorizationKind(node: Node): ApiAuthorization {
  const kind = oneOf('auth', contextString(node, 'auth') ?? 'none', ['none', 'iam', 'jwt'] as const);
  if (kind !== 'jwt') return { kind };
  const issuer = contextString(node, 'jwtIssuer');
  const audience = audienceList(node);
  if (!issuer || !issuer.startsWith('https://')) {
    throw new DeploymentConfigError('auth=jwt needs context "jwtIssuer", an https:// issuer URL');
  }
  if (audience.length === 0) {
    throw new DeploymentConfigError('auth=jwt needs context "jwtAudience" (one or more comma-separated audiences)');
  }
  return { kind, issuer, audience };
}

function readEnvironment(node: Node, stage: Stage): DeploymentConfig['environment'] {
  const account = contextString(node, 'account');
  const region = contextString(node, 'region');
  if (!account && !region && stage === 'dev') return undefined;
  if (!account || !/^\d{12}$/.test(account)) {
    throw new DeploymentConfigError(`stage=${stage} needs context "account", the 12-digit AWS account id to deploy to`);
  }
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new DeploymentConfigError(`stage=${stage} needs context "region", e.g. eu-west-1`);
  }
  return { account, region };
}

/** What Lambda's SQS event source accepts as maximum concurrency, and ours when the deployment names none. */
const SQS_MAX_CONCURRENCY = { min: 2, max: 1000, default: 10 };
export const DEFAULT_INGEST_CONCURRENCY = SQS_MAX_CONCURRENCY.default;

function readIngestConcurrency(node: Node): number {
  const value: unknown = node.tryGetContext('ingestConcurrency');
  if (value === undefined || value === null || value === '') return SQS_MAX_CONCURRENCY.default;
  const concurrency = Number(value);
  if (!Number.isInteger(concurrency) || concurrency < SQS_MAX_CONCURRENCY.min || concurrency > SQS_MAX_CONCURRENCY.max) {
    throw new DeploymentConfigError(
      `context "ingestConcurrency" must be a whole number from ${SQS_MAX_CONCURRENCY.min} to ${SQS_MAX_CONCURRENCY.max}; got ${JSON.stringify(value)}`,
    );
  }
  return concurrency;
}

/** WAF's bounds for a rate-based rule's limit (requests per evaluation window per key). */
const WAF_RATE_LIMIT = { min: 10, max: 2_000_000_000 };

function readPerClientLimit(node: Node, environment: DeploymentConfig['environment'], authorization: ApiAuthorization): number | undefined {
  // `-c perClientLimit=1000` arrives as a string, cdk.json may hold a number
  const value: unknown = node.tryGetContext('perClientLimit');
  if (value === undefined || value === null || value === '') return undefined;
  const text = String(value);
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < WAF_RATE_LIMIT.min || limit > WAF_RATE_LIMIT.max) {
    throw new DeploymentConfigError(`context "perClientLimit" must be a whole number of requests per 5 minutes from ${WAF_RATE_LIMIT.min}; got "${text}"`);
  }
  // A limit per address is for a public API: an IAM signature names API Gateway's host, which CloudFront replaces.
  if (authorization.kind !== 'none') {
    throw new DeploymentConfigError(`perClientLimit is for public deployments (auth=none); with auth=${authorization.kind} each caller is known and the stage throttle applies`);
  }
  // The web ACL of a CloudFront distribution lives in us-east-1, a second stack; CDK links the two by
  // cross-region references, which need the main stack's region to be known.
  if (!environment) {
    throw new DeploymentConfigError('perClientLimit needs context "account" and "region" (its WAF rule is a stack in us-east-1)');
  }
  return limit;
}

export function readDeploymentConfig(node: Node): DeploymentConfig {
  const stage = oneOf('stage', contextString(node, 'stage') ?? 'dev', ['dev', 'prod'] as const);
  const prod = stage === 'prod';
  const environment = readEnvironment(node, stage);
  const authorization = readAuthorization(node, stage);
  return {
    stage,
    environment,
    authorization,
    cursorSecretVersion: contextString(node, 'cursorSecretVersion'),
    originSecretVersions: { current: contextString(node, 'originSecretVersion'), previous: contextString(node, 'originSecretPreviousVersion') },
    alarmEmail: contextString(node, 'alarmEmail'),
    removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: prod,
    logRetention: prod ? RetentionDays.SIX_MONTHS : RetentionDays.TWO_WEEKS,
    noncurrentVersionExpiration: prod ? Duration.days(90) : Duration.days(7),
    accessLogExpiration: prod ? Duration.days(365) : Duration.days(30),
    apiThrottle: prod ? { rateLimit: 200, burstLimit: 400 } : { rateLimit: 20, burstLimit: 40 },
    perClientLimit: readPerClientLimit(node, environment, authorization),
    ingestConcurrency: readIngestConcurrency(node),
    logLevel: prod ? 'INFO' : 'DEBUG',
  };
}
