// @ts-check
import process from 'node:process';

/**
 * Preloaded by every CLI (the `start`, `demo`, `upload`, `reprocess` and `reconcile` scripts in package.json). On Node
 * below 22 the AWS SDK prints an 8-line warning that its releases after January 2027 need Node 22; the
 * README states the Node versions onrecord supports and its plan to move, so the CLIs do not repeat that
 * warning on every run (the tests silence it the same way, in vitest.config.ts). Setting the variable to
 * anything else, e.g. `false`, brings the warning back. Plain JavaScript: the dynalite worker thread
 * inherits these --import flags and loads this file before any TypeScript loader.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ||= 'true';
