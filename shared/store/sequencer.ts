/**
 * Ordering of S3 events for one key. S3 delivers at least once and in any order; each event carries a
 * per-key `sequencer`, a hex string where a later event has the larger value once the shorter of two is
 * right-padded with zeros (S3's documented rule). Every write for a key is stamped with a version token
 * built from it, so "is this newer?" is a plain string comparison, in code and in DynamoDB conditions.
 */
const SEQUENCER_WIDTH = 40;
const PARSER_VERSION_WIDTH = 6;

/** Upper-case hex, right-padded with zeros to a fixed width so that string order is event order. */
export function normalizeSequencer(sequencer: string): string {
  if (!/^[0-9a-f]+$/i.test(sequencer)) throw new RangeError(`S3 sequencer is not hex: ${JSON.stringify(sequencer)}`);
  if (sequencer.length > SEQUENCER_WIDTH) throw new RangeError(`S3 sequencer longer than ${SEQUENCER_WIDTH} digits`);
  return sequencer.toUpperCase().padEnd(SEQUENCER_WIDTH, '0');
}

/** Negative when `a` happened before `b`, zero for the same event, positive when after. */
export function compareSequencers(a: string, b: string): number {
  const left = normalizeSequencer(a);
  const right = normalizeSequencer(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The version of a key's stored state: the event's sequencer, then the parser version, so that
 * reprocessing the same upload with a newer parser supersedes the older parse but never a newer upload.
 * Deletions use parser version 0.
 */
export function versionToken(sequencer: string, parserVersion: number): string {
  if (!Number.isInteger(parserVersion) || parserVersion < 0) throw new RangeError(`bad parser version ${parserVersion}`);
  return `${normalizeSequencer(sequencer)}.${String(parserVersion).padStart(PARSER_VERSION_WIDTH, '0')}`;
}

/**
 * A version token without its padding: how store format 2 kept the versions of aggregate shares, all in
 * one item; `expandVersion` reads them back when such an item is converted (dynamodb/items/aggregate.ts).
 */
export function compactVersion(version: string): string {
  const [sequencer = '', parser = ''] = version.split('.');
  return `${sequencer.replace(/0+$/, '') || '0'}.${Number(parser)}`;
}

export function expandVersion(compact: string): string {
  const [sequencer = '', parser = '0'] = compact.split('.');
  return `${sequencer.padEnd(SEQUENCER_WIDTH, '0')}.${parser.padStart(PARSER_VERSION_WIDTH, '0')}`;
}
