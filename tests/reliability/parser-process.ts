/** parse-worker.ts in a child process, replaced by a fresh one whenever an input has to be timed out. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ParseRequest, ParseResult } from './parse-worker.ts';

export type Outcome = ParseResult | { outcome: 'timed-out'; ms: number; cpuMs: number };

const WORKER = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));

/** How long a child may take to load the parser: slow on a busy machine, and not part of any input's time. */
const STARTUP_MS = 120_000;

export class ParserProcess {
  private child: ChildProcess | null = null;

  /** Parses in the child; gives up (and kills the child) after `deadlineMs` of wall time. */
  async parse(request: ParseRequest, deadlineMs: number): Promise<Outcome> {
    const child = this.child ?? (await this.spawn());
    const started = performance.now();
    return new Promise<Outcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        this.kill();
        resolve({ outcome: 'timed-out', ms: performance.now() - started, cpuMs: Number.NaN });
      }, deadlineMs);
      const onMessage = (result: ParseResult) => {
        cleanup();
        resolve(result);
      };
      const onExit = (code: number | null, signal: string | null) => {
        cleanup();
        this.child = null;
        reject(new Error(`the parser process exited (${signal ?? code}) while parsing ${request.key}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(request);
    });
  }

  close(): void {
    this.kill();
  }

  /** A fresh child, once it has loaded the parser and said so. */
  private async spawn(): Promise<ChildProcess> {
    // Structured-clone IPC carries the input bytes as bytes.
    const child = fork(WORKER, { execArgv: ['--import', 'tsx'], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the parser process did not start within ${STARTUP_MS / 1000} s`)), STARTUP_MS);
      child.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the parser process exited (${code}) while starting`));
      });
    });
    return child;
  }

  private kill(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}
