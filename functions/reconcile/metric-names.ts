/** The reconcile function's metrics (namespace onrecord), shared with the alarm that watches them. */
export const RECONCILE_SERVICE = 'onrecord-reconcile';

/** One metric per kind of finding: each is an object event that ingestion never saw. */
export const ReconcileMetric = {
  missing: 'ReconcileMissing',
  stale: 'ReconcileStale',
  gone: 'ReconcileGone',
} as const;

/** Objects modified too recently to judge (their notification may still be queued): a count no alarm watches. */
export const RECONCILE_IN_FLIGHT_METRIC = 'ReconcileInFlight';
