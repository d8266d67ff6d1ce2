/**
 * Stands in for `cssomnom/parse` in the bundles (infra/bundle.ts aliases it here). linkedom calls it only to
 * build an HTMLStyleElement's `sheet`, which neither Readability nor our readers ever read; the CSS parser
 * is the heaviest package of the HTML path (~194 KB minified), compiled on every first HTML article for
 * nothing. Should anything read a style sheet one day, it fails loudly instead of seeing an empty one.
 */
export function parse(): never {
  throw new Error('CSS style sheets are not parsed in the Lambda bundles (infra/no-style-sheets.ts)');
}
