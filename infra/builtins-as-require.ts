import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import type { Plugin } from 'esbuild';

const requireBuiltin = createRequire(import.meta.url);
const NAMESPACE = 'builtin-as-require';
const BUILTINS = new Set(builtinModules);
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/**
 * A stand-in's path: the built-in and a digest of its importer, so each importer gets a module of its own with
 * the names it imports (the importer's own path would read as a second copy of its package in a metafile).
 */
const standInPath = (specifier: string, importer: string) => `${specifier}~${createHash('sha256').update(importer).digest('hex').slice(0, 16)}`;

/**
 * Node's built-in modules imported as ESM (`import http from 'node:http'`, as the SDK's HTTP handler does) are
 * read through `require`, which the bundle banner defines. Node builds an ESM namespace for a built-in by
 * reading every one of its exports, getters included: node:http's `WebSocket`, `CloseEvent` and `MessageEvent`
 * load undici, and node:process's `stdin` opens a stream. On Node 24 `await import('node:http')` costs ~48 ms of
 * CPU against ~6 ms for `require('node:http')`, and node:process ~5 ms against 0.1, in every cold start.
 *
 * The stand-in a module gets exports the names that module imports from the built-in (read from its import
 * statements), and the default export: reading every export would open stdin and warn of deprecated ones
 * (`crypto.fips`, `fs.F_OK`) in every cold start's log. A namespace import (`* as fs`), or an import statement this cannot
 * read, gets every export but the getters named like a global (the web classes above). A name the stand-in
 * lacks fails the build, never the function.
 */
export const builtinsAsRequire: Plugin = {
  name: 'builtins-as-require',
  setup(build) {
    build.onResolve({ filter: /^[\w:/]+$/ }, ({ path, kind, importer }) => {
      const name = path.replace(/^node:/, '');
      if (kind !== 'import-statement' && kind !== 'dynamic-import') return undefined;
      if (!BUILTINS.has(name)) return undefined;
      const specifier = `node:${name}`;
      const reader = kind === 'dynamic-import' ? '' : importer;
      return { path: standInPath(specifier, reader), namespace: NAMESPACE, pluginData: { specifier, importer: reader } };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ pluginData }) => {
      const { specifier, importer } = pluginData as { specifier: string; importer: string };
      const builtin = requireBuiltin(specifier) as object;
      const names = (importer && importedNames(readFileSync(importer, 'utf8'), specifier)) || everyName(builtin);
      const exported = names.filter((name) => name !== 'default' && name in builtin);
      const contents = [
        `const builtin = require(${JSON.stringify(specifier)});`,
        'export default builtin;',
        ...(exported.length ? [`export const { ${exported.join(', ')} } = builtin;`] : []),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: '.' };
    });
  },
};

/** Every export of a built-in but the getters named like a global, which load Node's web classes when read. */
function everyName(builtin: object): string[] {
  return Object.entries(Object.getOwnPropertyDescriptors(builtin))
    .filter(([name, descriptor]) => IDENTIFIER.test(name) && (!descriptor.get || !(name in globalThis)))
    .map(([name]) => name);
}

/**
 * The names `source` imports from `specifier` (with or without `node:`): [] for a default import alone, null
 * for a namespace import, a re-export, or an import statement it cannot read (then every name is exported).
 */
export function importedNames(source: string, specifier: string): string[] | null {
  const bare = specifier.replace(/^node:/, '');
  const from = String.raw`\s*from\s*["'](?:node:)?${bare.replace(/[/]/g, '\\/')}["']`;
  if (new RegExp(String.raw`export\s*(?:\*|\{[^}]*\})${from}`).test(source)) return null;
  const names: string[] = [];
  for (const [, clause = ''] of source.matchAll(new RegExp(String.raw`import\s*(?!type\b)([^;'"]*?)${from}`, 'g'))) {
    const named = /\{([^}]*)\}/.exec(clause);
    const rest = clause.replace(/\{[^}]*\}/, '').replace(/,/g, ' ').trim();
    // what is left beside the braces is a default import's local name, or a namespace import
    if (rest.includes('*') || (rest !== '' && !IDENTIFIER.test(rest))) return null;
    for (const part of named?.[1]?.split(',') ?? []) {
      const imported = part.trim().split(/\s+as\s+/)[0]!.trim();
      // a type is not imported at run time
      if (imported === '' || /^type\s/.test(imported)) continue;
      if (!IDENTIFIER.test(imported)) return null;
      names.push(imported);
    }
  }
  return names;
}
