import type { Metafile } from 'esbuild';

/**
 * Packages bundled from more than one folder: two copies of one package (two Powertools commons, two
 * `entities`), each read and compiled, where one would do. A nested copy is named by its innermost folder.
 */
export function packagesBundledTwice(metafile: Metafile): string[] {
  const folders = new Map<string, Set<string>>();
  for (const output of Object.values(metafile.outputs)) {
    for (const path of Object.keys(output.inputs)) {
      const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(path);
      if (match) folders.set(match[2]!, (folders.get(match[2]!) ?? new Set()).add(match[1]!));
    }
  }
  return [...folders].filter(([, found]) => found.size > 1).map(([name]) => name);
}
