import { createOnrecordApp } from './onrecord-app.ts';

// Entry point for the CDK CLI (cdk.json "app"); context comes from cdk.json and `-c key=value`.
createOnrecordApp().app.synth();
