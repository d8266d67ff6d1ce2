import { builtinModules, createRequire } from 'node:module';
import type { Plugin } from 'esbuild';

const requireBuiltin = createRequire(import.meta.url);
const NAMESPACE = 'builtin-as-require';
const BUILTINS = new Set(builtinModules);
const isIdentifier = (name: string) => /^[A-Za-z_$][\w$]*$/.test(name);

/**
 * Node's built-in modules imported as ESM (`import http from 'node:http'`, as the SDK's HTTP handler does) are
 * read through `require`, which the bundle banner defines. Node builds an ESM namespace for a built-in by
 * reading every one of its exports, and node:http's `WebSocket`, `CloseEvent` and `MessageEvent` are getters
 * that load undici, Node's fetch and WebSocket: on Node 24 `await import('node:http')` costs ~48 ms of CPU
 * against ~6 ms for `require('node:http')`, in every cold start. No function of ours uses those classes.
 *
 * The module that stands in exports what the built-in exports on the Node that bundles: every value, and every
 * getter but those named like a global (the web classes above, which Node loads on first read).
 */
export const builtinsAsRequire: Plugin = {
  name: 'builtins-as-require',
  setup(build) {
    build.onResolve({ filter: /^[\w:/]+$/ }, ({ path, kind }) => {
      const name = path.replace(/^node:/, '');
      if (kind !== 'import-statement' && kind !== 'dynamic-import') return undefined;
      if (!BUILTINS.has(name)) return undefined;
      return { path: `node:${name}`, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => {
      const descriptors = Object.getOwnPropertyDescriptors(requireBuiltin(path) as object);
      const names = Object.entries(descriptors)
        .filter(([name, descriptor]) => isIdentifier(name) && name !== 'default' && (!descriptor.get || !(name in globalThis)))
        .map(([name]) => name);
      const contents = [
        `const builtin = require(${JSON.stringify(path)});`,
        'export default builtin;',
        ...(names.length ? [`export const { ${names.join(', ')} } = builtin;`] : []),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: '.' };
    });
  },
};
