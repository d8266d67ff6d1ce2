import { readFileSync } from 'node:fs';
import { Template } from 'aws-cdk-lib/assertions';
import { createOnrecordApp, type OnrecordApp } from '../../infra/onrecord-app.ts';

/** The same context the CDK CLI reads from cdk.json, so tests see the deployed feature flags. */
const cdkJsonContext = (JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>;
}).context;

export interface SynthesizedApp extends OnrecordApp {
  template: Template;
}

/**
 * Synthesizes the real app with extra context, keeping what makes a synth slow out of the tests:
 * bundling is skipped (no stack listed in `aws:cdk:bundling-stacks`, so no esbuild run) and so is CDK's
 * built-in CloudFormation schema validation (seconds of WebAssembly per synth). `npm run synth` does both.
 * The cdk-nag plugin still runs: an unacknowledged error makes this throw.
 */
export function synthesize(context: Record<string, unknown> = {}): SynthesizedApp {
  const built = createOnrecordApp({
    context: { ...cdkJsonContext, 'aws:cdk:bundling-stacks': [], ...context },
    builtinCloudFormationValidation: false,
  });
  return { ...built, template: Template.fromStack(built.stack) };
}
