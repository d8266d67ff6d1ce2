/**
 * `cdk synth`'s bundling step for one function (constructs/service-function.ts runs it in a child process):
 * CDK's local bundling hook is synchronous and esbuild's `buildSync` takes no plugins, which the bundle
 * options use (infra/bundle.ts), so the async build runs here, in a process of its own, and CDK waits for it.
 *
 * Usage: node --import tsx infra/build-function.ts ENTRY OUTDIR
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { functionBundleOptions } from './bundle.ts';

const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('usage: build-function.ts ENTRY OUTDIR');
await build(functionBundleOptions({ entry, outdir, target: 'node24', tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) }));
