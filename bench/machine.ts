import os from 'node:os';

/** What the figures were measured on: they mean little without it. */
export function describeMachine(): string[] {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (os.cpus), ${os.availableParallelism()} available`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node: ${process.version} on ${os.platform()} ${os.release()} (${os.arch()})`,
    `Date: ${new Date().toISOString()}`,
    // The machine is shared: a high load means wall-clock figures are pessimistic.
    `Load average at start (1/5/15 min): ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')}`,
  ];
}
