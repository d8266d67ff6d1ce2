import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeploymentConfig } from './deployment-config.ts';
import { OnrecordStack } from './onrecord-stack.ts';
import { RateLimitStack } from './rate-limit-stack.ts';

export interface OnrecordApp {
  app: App;
  stack: OnrecordStack;
  /** Present when `perClientLimit` is set: the WAF web ACL in us-east-1 that CloudFront applies. */
  rateLimit: RateLimitStack | undefined;
  nag: AwsSolutionsChecks;
}

/**
 * Builds the app with cdk-nag's AWS Solutions checks registered as a synth-time validation plugin:
 * an unacknowledged error fails `cdk synth`. Tests call this with their own context.
 */
export function createOnrecordApp(props: AppProps = {}): OnrecordApp {
  const app = new App(props);
  const config = readDeploymentConfig(app.node);
  const tags = { project: 'onrecord', stage: config.stage };
  const rateLimit =
    config.perClientLimit && config.environment
      ? new RateLimitStack(app, `onrecord-${config.stage}-rate-limit`, {
          perClientLimit: config.perClientLimit,
          env: { account: config.environment.account, region: 'us-east-1' },
          crossRegionReferences: true,
          description: `onrecord: per-client rate limit of the API (${config.stage})`,
          tags,
        })
      : undefined;
  const stack = new OnrecordStack(app, `onrecord-${config.stage}`, {
    config,
    ...(rateLimit ? { webAclArn: rateLimit.webAcl.attrArn, crossRegionReferences: true } : {}),
    ...(config.environment ? { env: config.environment } : {}),
    description: `onrecord: who said what, when (${config.stage})`,
    tags,
  });
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag);
  return { app, stack, rateLimit, nag };
}
