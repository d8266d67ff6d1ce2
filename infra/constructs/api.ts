import { Duration, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer, HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { ApiAuthorization, DeploymentConfig } from '../deployment-config.ts';
import { ServiceFunction } from './service-function.ts';

export interface ApiProps {
  table: ITable;
  config: DeploymentConfig;
}

export const API_TIMEOUT = Duration.seconds(10);
/** The API function's memory, and so its CPU share (1,769 MB is one vCPU): the bench's cost model reads it. */
export const API_MEMORY_MB = 512;

/** One access-log line per request, HTTP API $context variables only. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

function authorizerFor(authorization: ApiAuthorization): IHttpRouteAuthorizer | undefined {
  switch (authorization.kind) {
    case 'none':
      return undefined;
    case 'iam':
      return new HttpIamAuthorizer();
    case 'jwt':
      return new HttpJwtAuthorizer('JwtAuthorizer', authorization.issuer, { jwtAudience: authorization.audience });
  }
}

/**
 * The read side: HTTP API (throttled, access-logged, optionally authorised) → API function, which reads the
 * table only (an article's text is stored there too; it has no access to the bucket). Every route goes to
 * the one function; its router answers 404/405 itself.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly apiFunction: ServiceFunction;
  readonly cursorSecret: Secret;

  constructor(scope: Construct, id: string, { table, config }: ApiProps) {
    super(scope, id);

    this.cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'Signs the API pagination cursors so a forged or edited cursor is refused',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: config.removalPolicy,
    });
    Validations.of(this.cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'It only signs page cursors (a leak lets someone page through what the API serves anyway), and it is ' +
        'resolved at deploy time by version: rotate with put-secret-value, then cdk deploy -c cursorSecretVersion=<VersionId>.',
    });

    this.apiFunction = new ServiceFunction(this, 'ApiFunction', {
      entry: 'functions/api/handler.ts',
      description: 'Serves articles, statements, speakers and entities over HTTP',
      serviceName: 'onrecord-api',
      timeout: API_TIMEOUT,
      memorySize: API_MEMORY_MB,
      config,
    });
    this.apiFunction.bindTable({ table, accessMode: 'RO' });
    // A CloudFormation dynamic reference: the template holds only `{{resolve:secretsmanager:…}}`, never the value.
    // Naming the version makes a rotation a template change, which is what makes CloudFormation resolve it again.
    const cursorSecretValue = SecretValue.secretsManager(this.cursorSecret.secretArn, {
      ...(config.cursorSecretVersion ? { versionId: config.cursorSecretVersion } : {}),
    });
    this.apiFunction.function.addEnvironment('CURSOR_SECRET', cursorSecretValue.unsafeUnwrap());

    const defaultAuthorizer = authorizerFor(config.authorization);
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction.function);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'onrecord read API',
      // Every route, the ingestion log and the web view included, is behind the authorizer when there is one.
      defaultIntegration: integration,
      defaultAuthorizer,
      // Created below so it can carry throttling and access logs.
      createDefaultStage: false,
    });
    if (defaultAuthorizer) {
      // A browser sends CORS preflights without credentials: they get routes of their own, without the
      // authorizer, and the function answers them (it says which methods and headers are allowed, no data).
      for (const path of ['/', '/{proxy+}']) {
        const [route] = this.httpApi.addRoutes({ path, methods: [HttpMethod.OPTIONS], integration, authorizer: new HttpNoneAuthorizer() });
        Validations.of(route!).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: 'CORS preflight only: browsers send OPTIONS without credentials, and the answer carries no data.',
        });
      }
    } else {
      Validations.of(this.httpApi).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'auth=none was chosen at deploy time: a public, read-only API over published articles, throttled per stage. ' +
          'Deploy with -c auth=iam or -c auth=jwt to require authorization.',
      });
    }

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: config.logRetention,
      removalPolicy: config.removalPolicy,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: config.apiThrottle,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
  }

  /**
   * The `$default` stage's base URL without the trailing slash of `stage.url`, so `$ApiUrl/articles` (as the
   * README writes it) is `/articles`, not `//articles`, which no route matches.
   */
  get url(): string {
    const { region, urlSuffix } = Stack.of(this);
    return `https://${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }
}
