import type { Metafile } from 'esbuild';

/**
 * The package a bundled input file comes from, and the folder it was read from: the innermost, for a copy
 * nested in another package's node_modules. Null for the project's own code.
 */
export function packageOf(input: string): { name: string; folder: string } | null {
  const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
  return match ? { name: match[2]!, folder: match[1]! } : null;
}

/**
 * Packages bundled from more than one folder: two copies of one package (two Powertools commons, two
 * `entities`), each read and compiled, where one would do.
 */
export function packagesBundledTwice(metafile: Metafile): string[] {
  const folders = new Map<string, Set<string>>();
  for (const output of Object.values(metafile.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      const found = packageOf(input);
      if (found) folders.set(found.name, (folders.get(found.name) ?? new Set()).add(found.folder));
    }
  }
  return [...folders].filter(([, found]) => found.size > 1).map(([name]) => name);
}
