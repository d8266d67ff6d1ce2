// @ts-check
/**
 * dynalite in a worker thread of the local pipeline, so the database has a core of its own while the
 * handlers, S3 and the API keep the main thread (see local/dynamo.ts). Plain JavaScript: Node starts a
 * worker's entry file by itself, without the TypeScript loader (tsx, vitest) of the thread that starts it.
 *
 * workerData: { port, path? }. Posts { type: 'listening', port } or { type: 'failed', message, code };
 * on any message from the parent it closes the server and the database, posts { type: 'closed', message? }
 * and lets the thread end.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const dynalite = createRequire(import.meta.url)('dynalite');
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { port: listenPort, path } = /** @type {{ port: number; path?: string }} */ (workerData);

const server = dynalite({ ...(path ? { path } : {}), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
  port.postMessage({ type: 'failed', message: error.message, code: error.code });
  port.close();
});
server.listen(listenPort, 'localhost', () => {
  port.postMessage({ type: 'listening', port: server.address().port });
});
port.once('message', () => {
  server.close((/** @type {Error | undefined} */ error) => {
    port.postMessage({ type: 'closed', ...(error ? { message: error.message } : {}) });
    port.close();
  });
});
