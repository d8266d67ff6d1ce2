import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // chrono's per-locale entries ('chrono-node/en', as its README imports them): Node and esbuild resolve them
    // through the package's exports map ("./*" → dist/esm/locales/*/index.js), but Vite 7's resolver answers
    // nothing for them, so this points each at the file the map names.
    alias: [{ find: /^chrono-node\/(\w+)$/, replacement: fileURLToPath(new URL('node_modules/chrono-node/dist/esm/locales/$1/index.js', import.meta.url)) }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // One line at the top of the output: what the suites ran on (the repository's data, the corpus too or not).
    globalSetup: ['tests/support/announce-data.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites start their own embedded services on free ports, so files can run in parallel.
    pool: 'forks',
    // The SDK warns once per process that its 2027 releases will need Node 22. The project pins Node 20 and
    // the deployed functions run on Node 24, so in test output the warning is noise repeated by every fork.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
