/**
 * The ingest function's own CloudWatch metrics (Powertools, embedded metric format), named once here for
 * the handler that emits them and the alarms that watch them (infra/constructs/monitoring.ts).
 */
export const METRICS_NAMESPACE = 'onrecord';
export const INGEST_SERVICE = 'onrecord-ingest';

export const IngestMetric = {
  /** An object that no retry can help (empty, binary, undecodable, too large, unparseable): recorded as rejected. */
  permanentFailures: 'PermanentFailures',
  /** A message that failed (throttling, 5xx, timeout, bug) and goes back to the queue for another try. */
  transientFailures: 'TransientFailures',
  articlesIngested: 'ArticlesIngested',
  statementsStored: 'StatementsStored',
  objectsDeleted: 'ObjectsDeleted',
} as const;
