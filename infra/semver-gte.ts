/**
 * Stands in for `semver` in the bundles (infra/bundle.ts aliases it here). Its only users are the X-Ray SDK
 * and cls-hooked under the tracer, each for one `semver.gte` at load (the Node version; the AWS SDK v2's,
 * which we do not use): the package's entry requires all of it (ranges, coercion, its regular expressions
 * built at load, ~28 KB minified) for that one comparison. This is semver's own `gte`, with what it needs.
 * The path is a file, not the package: `semver` itself is aliased here.
 */
// @ts-expect-error -- semver ships no types, and @types/semver is not installed for one function
import gte from '../node_modules/semver/functions/gte.js';

export { gte };
