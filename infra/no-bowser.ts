/**
 * Stands in for `bowser` in the bundles (infra/bundle.ts aliases it here). The AWS SDK's core re-exports its
 * browser user-agent helper, which imports bowser (a browser sniffer, ~34 KB minified) when called; on Node
 * the SDK builds its user agent from the process, so it is never called, but esbuild still emits the chunk.
 * Should it ever be called, it fails loudly.
 */
export function parse(): never {
  throw new Error('bowser is not in the Lambda bundles (infra/no-bowser.ts): browser user agents are not parsed on Node');
}
export default { parse };
