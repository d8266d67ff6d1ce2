import type { Metafile } from 'esbuild';

/**
 * The output files a function's cold start reads and compiles: its entry (index.mjs) and every chunk it imports
 * statically, however deep; not the chunks behind `await import(…)`, read on first use.
 */
export function filesReadAtInit(metafile: Metafile): string[] {
  const entry = Object.keys(metafile.outputs).find((file) => file.endsWith('index.mjs'));
  if (entry === undefined) throw new Error('the bundle has no index.mjs');
  const seen = new Set<string>();
  for (const pending = [entry]; pending.length > 0; ) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]!.imports) {
      if (imported.kind === 'import-statement' && metafile.outputs[imported.path]) pending.push(imported.path);
    }
  }
  return [...seen];
}
