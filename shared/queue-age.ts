/**
 * How long an object's notification may wait in the ingest queue before something is wrong, in one place
 * for both sides of that rule: the QueueNotDraining alarm (infra/constructs/monitoring.ts) fires when the
 * oldest queued message is this old, and reconciliation (shared/reconcile/reconcile.ts) counts an object
 * modified less than this long ago as in flight (its notification may still be queued), not as a finding.
 */
export const QUEUE_AGE_LIMIT_MS = 15 * 60 * 1000;
