/**
 * Puts statements into echo clusters as they are stored: statements by the same speaker, in any article,
 * with the same or nearly the same words (shared/echo). A statement's echo keys are looked up in one batch of
 * key reads; the clusters they point at are checked against the statement's words (echoRelation on each
 * cluster's reference), and the statement joins the closest. When none is close enough it founds a cluster
 * and writes its reference. Either way it files its keys that point nowhere yet, so a later echo of any
 * member's words finds the cluster (and is then compared with the reference, so a cluster does not drift from
 * its first words link by link). A new statement costs a few key reads whatever the speaker has said before,
 * and a key item for each of its keys no earlier statement filed.
 *
 * A cluster's id comes from its founder's speaker and normalized words, so a re-upload or reprocessing of the
 * same statement finds (and, if need be, founds) the same cluster; the founder stays its `reference`, and a
 * copy elsewhere of the same words is a `copy`. Members are not stored in the cluster:
 * each statement item carries its cluster and an index entry (lists.clusterMembers), so deleting an article
 * takes its statements out of their clusters with it, and the first appearance is whichever entry is now first.
 *
 * Which statement founds a cluster depends on arrival order: when two echoes arrive at once, neither sees
 * the other's keys yet, and both found clusters (the later key write wins each contested key). Exact copies
 * still meet, since their founding ids are equal.
 */
import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { clusterKeys } from '../../echo/cluster-keys.ts';
import { normalizeForEcho } from '../../echo/normalize.ts';
import { echoRelation, type EchoRelation } from '../../echo/relation.ts';
import type { StatementCluster } from '../../model/records.ts';
import type { StatementKind } from '../../model/statement.ts';
import { batchGet, batchWrite, putRequest } from './batch.ts';
import * as EchoItem from './items/echo.ts';
import type { ClusterReference } from './items/echo.ts';
import { keys } from './keys.ts';

export interface EchoCandidate {
  /** The statement's id (shared/model/ids.ts). */
  id: string;
  speakerId: string;
  kind: StatementKind;
  text: string;
}

const RANK: Record<EchoRelation, number> = { copy: 3, 'near-copy': 2, paraphrase: 1 };

const digest = (text: string) => createHash('sha256').update(text).digest('hex');
/** The id a statement's cluster has when the statement founds it: the same words by the same speaker, the same id. */
export const foundingClusterId = (speakerId: string, normalized: string): string => digest(`${speakerId}\n${normalized}`).slice(0, 20);

/**
 * The cluster a statement joins among those its keys point at: the closest relation to a reference by the
 * same speaker (a copy before a near-copy before a paraphrase), then the smaller id, so the choice does not
 * depend on the order the lookups answered in. Null when none is an echo.
 */
export function closestCluster(statement: EchoCandidate, normalized: string, references: readonly ClusterReference[]): StatementCluster | null {
  let best: { id: string; relation: EchoRelation } | null = null;
  const wordsHash = digest(normalized);
  for (const reference of references) {
    if (reference.speakerId !== statement.speakerId) continue;
    const relation = reference.wordsHash === wordsHash ? 'copy' : echoRelation(statement, reference);
    if (!relation) continue;
    if (!best || RANK[relation] > RANK[best.relation] || (RANK[relation] === RANK[best.relation] && reference.id < best.id)) {
      best = { id: reference.id, relation };
    }
  }
  return best;
}

export class EchoClusters {
  constructor(private readonly table: { client: DynamoDBDocumentClient; tableName: string }) {}

  /**
   * The cluster of each statement (by id); statements with no words to compare get none. Founders'
   * references and keys are written before this returns, references first, so a key always leads to one.
   */
  async assign(statements: readonly EchoCandidate[]): Promise<Map<string, StatementCluster>> {
    const { client, tableName } = this.table;
    const keyed = statements
      .map((statement) => ({ statement, normalized: normalizeForEcho(statement.text), keys: clusterKeys(statement.text) }))
      .filter(({ statement, keys: echoKeys }) => echoKeys.length > 0 && statement.speakerId !== '');
    const keyItems = await batchGet(
      client,
      tableName,
      keyed.flatMap(({ statement, keys: echoKeys }) => echoKeys.map((key) => keys.echoKey(statement.speakerId, key))),
      { consistent: true },
    );
    const clusterOfKey = new Map(keyItems.map((item) => [String(item.pk), EchoItem.clusterOfKeyItem(item)]));
    const referenceItems = await batchGet(client, tableName, [...new Set(clusterOfKey.values())].map(keys.cluster), { consistent: true });
    const references = new Map(referenceItems.map((item) => [String(item.id), EchoItem.referenceFromItem(item)]));

    const assigned = new Map<string, StatementCluster>();
    const founded: ClusterReference[] = [];
    const filed: Record<string, unknown>[] = [];
    // In order, so that a statement's echo later in the same batch (an article repeating a quote) joins it.
    for (const { statement, normalized, keys: echoKeys } of keyed) {
      const pointedAt = echoKeys.map((key) => clusterOfKey.get(keys.echoKey(statement.speakerId, key).pk));
      const candidates = [...new Set(pointedAt)].flatMap((id) => (id && references.has(id) ? [references.get(id)!] : []));
      const ownId = foundingClusterId(statement.speakerId, normalized);
      const joined = closestCluster(statement, normalized, candidates);
      const founder = joined && references.get(joined.id)!.statementId === statement.id;
      const cluster: StatementCluster = joined && !founder ? joined : { id: joined?.id ?? ownId, relation: 'reference' };
      assigned.set(statement.id, cluster);
      if (!joined) {
        const reference = { id: ownId, statementId: statement.id, speakerId: statement.speakerId, kind: statement.kind, text: statement.text, wordsHash: digest(normalized) };
        founded.push(reference);
        references.set(ownId, reference);
      }
      // Every member files the keys no cluster has yet, so that an echo of any member's words finds the cluster.
      echoKeys.forEach((key, index) => {
        if (pointedAt[index] !== undefined) return;
        clusterOfKey.set(keys.echoKey(statement.speakerId, key).pk, cluster.id);
        filed.push(EchoItem.keyToItem(statement.speakerId, key, cluster.id));
      });
    }
    await batchWrite(client, tableName, founded.map((reference) => putRequest(EchoItem.referenceToItem(reference))));
    await batchWrite(client, tableName, filed.map(putRequest));
    return assigned;
  }
}
