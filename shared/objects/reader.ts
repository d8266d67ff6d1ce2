/**
 * What readers of uploaded objects depend on: the interface and its errors, without the S3 client, so
 * that code which only handles objects (or loads the client later) does not load the AWS SDK.
 */

/** The object is bigger than the caller is willing to read. */
export class ObjectTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly maxBytes: number,
  ) {
    super(`object is ${size} bytes, over the ${maxBytes}-byte limit`);
    this.name = 'ObjectTooLarge';
  }
}

/** The object (or the requested version of it) no longer exists. */
export class ObjectMissing extends Error {
  constructor(key: string) {
    super(`object ${key} does not exist`);
    this.name = 'ObjectMissing';
  }
}

/** The body ended before Content-Length bytes arrived: transient, worth a retry. */
export class IncompleteBody extends Error {
  override name = 'IncompleteBody';
}

export interface ObjectContent {
  bytes: Uint8Array;
  contentType: string | undefined;
}

export interface ObjectReader {
  getObjectBytes(bucket: string, key: string, versionId: string | null, maxBytes: number): Promise<ObjectContent>;
}
