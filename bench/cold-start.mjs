/* global process, performance */
/**
 * One Lambda cold start, run by bench/bundles.ts in a fresh Node process (plain JavaScript, so no loader
 * is timed): the bundle's import (module init), then its handler called with the first event (module init
 * plus that request's first-use imports and one-time set-up), then with the second (the same work, warm).
 * Prints one JSON line: wall and CPU milliseconds of each step, and each response's status.
 *
 * Usage: node bench/cold-start.mjs BUNDLE_ENTRY EVENTS_JSON   (EVENTS_JSON: [first, second])
 */
const [bundle, eventsJson] = process.argv.slice(2);
const [first, second] = JSON.parse(eventsJson);

const context = {
  functionName: 'onrecord-bench',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:onrecord-bench',
  memoryLimitInMB: '1024',
  awsRequestId: 'bench',
  logGroupName: 'bench',
  logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 30_000,
  done() {},
  fail() {},
  succeed() {},
};

async function timed(work) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** An API response's status code; an SQS batch response's failed items (none is success). */
const outcome = (response) => response?.statusCode ?? (response?.batchItemFailures?.length ? 'batch item failures' : 'ok');

const init = await timed(() => import(bundle));
const { handler } = init.value;
const firstCall = await timed(() => handler(first, context));
const secondCall = await timed(() => handler(second, context));
process.stdout.write(
  `\n${JSON.stringify({
    init: { wallMs: init.wallMs, cpuMs: init.cpuMs },
    first: { wallMs: firstCall.wallMs, cpuMs: firstCall.cpuMs, outcome: outcome(firstCall.value) },
    second: { wallMs: secondCall.wallMs, cpuMs: secondCall.cpuMs, outcome: outcome(secondCall.value) },
  })}\n`,
);
