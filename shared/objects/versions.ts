import { HeadObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { s3Client } from './index.ts';

/** The version a reader of the key sees now. */
export interface CurrentVersion {
  /** null on an unversioned bucket (and on s3rver). */
  versionId: string | null;
  /** Without the quotes S3 puts around it in headers, as S3 notifications carry it. */
  eTag: string | null;
  size: number | null;
}

export interface CurrentVersionReader {
  /** null when the key has no current object: never written, deleted, or a delete marker is current. */
  currentVersion(bucket: string, key: string): Promise<CurrentVersion | null>;
}

/**
 * HeadObject without a version id answers for the current version. With s3:ListBucket granted, a key whose
 * current version is a delete marker (or that never existed) is a 404; without it S3 would answer 403.
 */
async function currentVersion(bucket: string, key: string): Promise<CurrentVersion | null> {
  try {
    const head = await s3Client().send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return { versionId: head.VersionId ?? null, eTag: unquoteETag(head.ETag), size: head.ContentLength ?? null };
  } catch (error) {
    if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket') return null;
    throw error;
  }
}

export function unquoteETag(eTag: string | undefined): string | null {
  return eTag ? eTag.replace(/^"|"$/g, '') : null;
}

export const s3CurrentVersions: CurrentVersionReader = { currentVersion };
