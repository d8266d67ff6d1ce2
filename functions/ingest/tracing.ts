import type { Tracer } from '@aws-lambda-powertools/tracer';

/** What a traced object's work can add to its subsegment once it knows it. */
export interface ObjectTrace {
  articles(articleIds: string[]): void;
}

/** X-Ray annotation names, indexed for search: `annotation.s3Key = "…"`, `annotation.articleId CONTAINS "…"`. */
export const TRACE_ANNOTATIONS = { s3Key: 's3Key', articleId: 'articleId' } as const;

/**
 * Runs the work for one S3 object in its own subsegment of the invocation, annotated with the object's key
 * and the ids of the articles it holds (space-separated: one object may hold several), so the trace of an
 * upload can be found by either. A batch processes its records concurrently, so the subsegment is attached
 * to the invocation's segment directly rather than made the current one. Without tracing (tests, the local
 * pipeline) the work just runs.
 */
export async function traceObject<T>(tracer: Tracer | undefined, name: string, key: string, work: (trace: ObjectTrace) => Promise<T>): Promise<T> {
  const subsegment = tracer?.isTracingEnabled() ? tracer.getSegment()?.addNewSubsegment(name) : undefined;
  subsegment?.addAnnotation(TRACE_ANNOTATIONS.s3Key, key);
  try {
    return await work({ articles: (articleIds) => subsegment?.addAnnotation(TRACE_ANNOTATIONS.articleId, articleIds.join(' ')) });
  } catch (error) {
    subsegment?.addError(error as Error);
    throw error;
  } finally {
    subsegment?.close();
  }
}
