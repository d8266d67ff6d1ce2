import { SecretValue, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../../functions/api/middleware/origin-verified.ts';
import type { DeploymentConfig } from '../deployment-config.ts';
import type { ServiceFunction } from './service-function.ts';

export interface EdgeProps {
  httpApi: HttpApi;
  apiFunction: ServiceFunction;
  /** The per-client rate limit's web ACL (RateLimitStack, us-east-1). */
  webAclArn: string;
  /** Where S3 server access logs go (Storage), for the bucket of CloudFront's logs too. */
  accessLogsBucket: IBucket;
  config: DeploymentConfig;
}

/**
 * The public front door when a per-client limit is configured: CloudFront with the WAF rate-based rule in
 * front of the HTTP API, nothing cached (every answer is read fresh). CloudFront sends a secret header that
 * the API function checks, so a client cannot skip the limit by calling API Gateway's own address.
 */
export class Edge extends Construct {
  readonly distribution: Distribution;
  readonly originSecret: Secret;

  constructor(scope: Construct, id: string, { httpApi, apiFunction, webAclArn, accessLogsBucket, config }: EdgeProps) {
    super(scope, id);
    this.originSecret = new Secret(this, 'OriginSecret', {
      description: 'Sent by CloudFront to the API, which refuses requests without it (they went around the rate limit)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'It only proves a request came through CloudFront (a leak lets a client skip the per-client limit, not read more); ' +
        'resolved at deploy time by version like the cursor secret: rotate with put-secret-value, then cdk deploy ' +
        '-c originSecretVersion=<new VersionId> -c originSecretPreviousVersion=<old VersionId> (the API accepts both meanwhile).',
    });
    // Dynamic references naming a version, as for the cursor secret: a rotation changes the template, which is
    // what makes CloudFormation resolve them again. The same reference in both places: the template never holds the value.
    const versioned = (versionId: string | undefined) =>
      SecretValue.secretsManager(this.originSecret.secretArn, versionId ? { versionId } : {}).unsafeUnwrap();
    const secretValue = versioned(config.originSecretVersions.current);
    apiFunction.function.addEnvironment('ORIGIN_SECRET', secretValue);
    if (config.originSecretVersions.previous) {
      apiFunction.function.addEnvironment('ORIGIN_SECRET_PREVIOUS', versioned(config.originSecretVersions.previous));
    }

    // CloudFront's standard logs are delivered with an ACL, so this bucket keeps ACLs (the owner still owns every object).
    const logs = new Bucket(this, 'EdgeLogsBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-edge-logs', expiration: config.accessLogExpiration }],
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'edge-logs/',
      removalPolicy: config.removalPolicy,
      autoDeleteObjects: config.stage === 'dev',
    });

    const { region, urlSuffix } = Stack.of(this);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `onrecord API (${config.stage}), at most ${config.perClientLimit} requests per client in 5 minutes`,
      webAclId: webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: new HttpOrigin(`${httpApi.apiId}.execute-api.${region}.${urlSuffix}`, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          customHeaders: { [ORIGIN_HEADER]: secretValue },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        // Nothing is cached: an upload must show at once, and the API says itself what a client may cache.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        // The query string and the client's headers reach the API; the Host must be API Gateway's own.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Published news is read worldwide; no country is to be refused.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          "The distribution uses CloudFront's own *.cloudfront.net certificate, for which CloudFront sets the TLS policy; " +
          'a custom domain with its own certificate (and TLSv1.2_2021) is a DNS decision for the operator.',
      },
    );
  }
}
