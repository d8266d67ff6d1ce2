import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readDeploymentConfig } from './deployment-config.ts';
import { OnrecordStack } from './onrecord-stack.ts';

export interface OnrecordApp {
  app: App;
  stack: OnrecordStack;
  nag: AwsSolutionsChecks;
}

/**
 * Builds the app with cdk-nag's AWS Solutions checks registered as a synth-time validation plugin:
 * an unacknowledged error fails `cdk synth`. Tests call this with their own context.
 */
export function createOnrecordApp(props: AppProps = {}): OnrecordApp {
  const app = new App(props);
  const config = readDeploymentConfig(app.node);
  const stack = new OnrecordStack(app, `onrecord-${config.stage}`, {
    config,
    ...(config.environment ? { env: config.environment } : {}),
    description: `onrecord: who said what, when (${config.stage})`,
    tags: { project: 'onrecord', stage: config.stage },
  });
  const nag = new AwsSolutionsChecks(app, { verbose: true });
  Validations.of(app).addPlugins(nag);
  return { app, stack, nag };
}
