/** The reconcile function's metrics (namespace onrecord), shared with the alarm that watches them. */
export const RECONCILE_SERVICE = 'onrecord-reconcile';

/** One metric per kind of finding: each is an object event that ingestion never saw. */
export const ReconcileMetric = {
  missing: 'ReconcileMissing',
  stale: 'ReconcileStale',
  gone: 'ReconcileGone',
} as const;
