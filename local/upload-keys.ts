import { relative, resolve, sep } from 'node:path';

export interface PlannedUpload {
  /** The file as resolved on disk. */
  path: string;
  key: string;
}

export interface UploadPlan {
  uploads: PlannedUpload[];
  /** Keys that two different files would be written to; nothing is uploaded while there are any. */
  conflicts: { key: string; paths: string[] }[];
}

/**
 * The S3 key of each file: its path relative to `baseDirectory`, with `/` separators, under `prefix`.
 * Keeping the directories (`politics/001.txt`, `business/001.txt`) keeps two files of the same name apart,
 * where a base-name key would let the second silently replace the first. As tar does with member names,
 * leading `../` segments and a root are dropped, so a key never climbs out of its prefix. The same file
 * named twice is uploaded once; two files that land on one key are a conflict.
 */
export function planUploads(files: readonly string[], { baseDirectory, prefix = '' }: { baseDirectory: string; prefix?: string }): UploadPlan {
  const folder = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
  const pathsByKey = new Map<string, Set<string>>();
  for (const file of files) {
    const path = resolve(baseDirectory, file);
    const key = folder + keyPath(relative(baseDirectory, path));
    pathsByKey.set(key, (pathsByKey.get(key) ?? new Set()).add(path));
  }
  const entries = [...pathsByKey].map(([key, paths]) => ({ key, paths: [...paths] }));
  return {
    uploads: entries.filter(({ paths }) => paths.length === 1).map(({ key, paths }) => ({ key, path: paths[0]! })),
    conflicts: entries.filter(({ paths }) => paths.length > 1),
  };
}

function keyPath(relativePath: string): string {
  const segments = relativePath.split(sep).filter((segment) => segment !== '');
  while (segments[0] === '..') segments.shift();
  return segments.join('/');
}
