/**
 * Bounds on one API request, enforced by the handler (middleware/request-limits.ts) and by the local
 * HTTP server before it builds an event, so both answer the same oversized request the same way.
 * The API only reads, so a body is never needed; these bounds stop a client from making us buffer or
 * parse large inputs.
 */
export const REQUEST_LIMITS = {
  /** Request body, in bytes (after base64 decoding). Larger → 413. */
  maxBodyBytes: 16 * 1024,
  /** Path plus query string, in UTF-8 bytes. Longer → 414. */
  maxUrlBytes: 8 * 1024,
} as const;
