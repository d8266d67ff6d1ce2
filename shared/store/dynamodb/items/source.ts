/**
 * The source record: one per S3 object key. It is the ingestion record the API shows and, through
 * `version`, the pointer readers follow: only items stamped with the key's current version are visible.
 */
import type { RejectionReason } from '../../../model/ingestion.ts';
import type { IngestionRecord, IngestionStatus } from '../../port.ts';
import { keys, lists } from '../keys.ts';

export interface SourceState {
  bucket: string;
  key: string;
  status: IngestionStatus;
  reason: RejectionReason | null;
  /** The articles of the current version. */
  articleIds: string[];
  /** Articles of earlier versions that may still have items to clean up (an object can hold several). */
  retiredArticleIds: string[];
  /** As S3 sent it. */
  sequencer: string;
  /** Version token (sequencer + parser version) of the current state: see sequencer.ts. */
  version: string;
  versionId: string | null;
  eTag: string | null;
  size: number | null;
  parserVersion: number;
  /** When S3 saw the event that made this state. */
  receivedAt: string;
  updatedAt: string;
}

export function toItem(state: SourceState): Record<string, unknown> {
  return {
    ...keys.source(state.key),
    ...lists.ingestionsByTime.entry(state.key, [state.updatedAt, state.key]),
    // Deleted objects have nothing to reprocess, so they stay out of that index.
    ...(state.status === 'deleted' ? {} : lists.ingestionsByParser.entry(state.key, [state.parserVersion, state.key])),
    itemType: 'source',
    ...state,
  };
}

export function fromItem(item: Record<string, unknown>): SourceState {
  return {
    bucket: item.bucket as string,
    key: item.key as string,
    status: item.status as IngestionStatus,
    reason: (item.reason as SourceState['reason']) ?? null,
    articleIds: (item.articleIds as string[]) ?? [],
    retiredArticleIds: (item.retiredArticleIds as string[]) ?? [],
    sequencer: item.sequencer as string,
    version: item.version as string,
    versionId: (item.versionId as string | null) ?? null,
    eTag: (item.eTag as string | null) ?? null,
    size: (item.size as number | null) ?? null,
    parserVersion: item.parserVersion as number,
    receivedAt: item.receivedAt as string,
    updatedAt: item.updatedAt as string,
  };
}

export function toIngestionRecord(state: SourceState): IngestionRecord {
  return {
    bucket: state.bucket,
    key: state.key,
    status: state.status,
    reason: state.reason,
    articleIds: state.articleIds,
    sequencer: state.sequencer,
    versionId: state.versionId,
    eTag: state.eTag,
    parserVersion: state.parserVersion,
    receivedAt: state.receivedAt,
    updatedAt: state.updatedAt,
  };
}
