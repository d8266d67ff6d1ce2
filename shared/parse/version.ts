/**
 * Bumped whenever a change to parsing changes what is stored, so that `npm run reprocess` can find the
 * records an older parser made. Integer, compared numerically.
 */
export const PARSER_VERSION = 9;
