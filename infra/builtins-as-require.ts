import type { Plugin } from 'esbuild';
import { builtinModules } from 'node:module';

const NAMESPACE = 'builtin-as-require';
const BUILTINS = new Set(builtinModules);

/**
 * Node's built-in modules imported as ESM (`import http from 'node:http'`, as the SDK's HTTP handler does) are
 * read through `require`, which the bundle banner defines. Node builds an ESM namespace for a built-in by
 * reading every one of its exports, getters included: node:http's `WebSocket`, `CloseEvent` and `MessageEvent`
 * load undici, node:process's `stdin` opens a stream, and deprecated ones (`crypto.fips`) log a warning. On
 * Node 24 `await import('node:http')` costs ~48 ms of CPU against ~6 ms for `require('node:http')`, in every
 * cold start.
 *
 * The stand-in is a CommonJS module, `module.exports = require(…)`: esbuild then gives its ESM importers an
 * interop object whose properties read the built-in's only when used, so no import list is needed and no
 * getter runs before the code asks for it.
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
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(path)});`,
      loader: 'js',
      resolveDir: '.',
    }));
  },
};
