/**
 * Echo clusters' own items (echo-clusters.ts assigns statements to them): the key items a cluster's first
 * statement files its echo keys under, and the cluster's reference. Neither is deleted with the articles:
 * a cluster keeps its id when all its statements leave, so a re-upload of the same words joins it again.
 * Both are bounded: the reference keeps at most REFERENCE_CHARS of the words.
 */
import type { StatementKind } from '../../../model/statement.ts';
import { clip } from '../fit.ts';
import { keys } from '../keys.ts';

export const KEY_ITEM_TYPE = 'echo-key';
export const CLUSTER_ITEM_TYPE = 'cluster';

/**
 * Enough words to compare a long quote by (a cut copy of its opening is still found contained), and small
 * enough that the item stays under 4 KB whatever the statement (3 bytes a character at most, in UTF-8).
 */
export const REFERENCE_CHARS = 1_000;

export interface ClusterReference {
  id: string;
  speakerId: string;
  kind: StatementKind;
  /** The statement that founded the cluster: while it is a member, its relation is `reference`. */
  statementId: string;
  /** Its first words (REFERENCE_CHARS once stored). */
  text: string;
  /** SHA-256 of all its normalized words: a copy of a long quote is told a copy though `text` is cut. */
  wordsHash: string;
}

export const keyToItem = (speakerId: string, key: string, clusterId: string): Record<string, unknown> => ({
  ...keys.echoKey(speakerId, key),
  itemType: KEY_ITEM_TYPE,
  clusterId,
});

export const clusterOfKeyItem = (item: Record<string, unknown>): string => item.clusterId as string;

export const referenceToItem = (reference: ClusterReference): Record<string, unknown> => ({
  ...keys.cluster(reference.id),
  itemType: CLUSTER_ITEM_TYPE,
  ...reference,
  text: clip(reference.text, REFERENCE_CHARS),
});

export const referenceFromItem = (item: Record<string, unknown>): ClusterReference => ({
  id: item.id as string,
  statementId: item.statementId as string,
  speakerId: item.speakerId as string,
  kind: item.kind as StatementKind,
  text: item.text as string,
  wordsHash: item.wordsHash as string,
});
