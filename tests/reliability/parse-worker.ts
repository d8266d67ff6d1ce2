/**
 * Runs parseDocument in a child process, so that an input that makes the parser hang or overflow its stack
 * can be timed out and the process thrown away (parser-fuzz.test.ts). Started with `--import tsx`.
 */
import { parseDocument, RejectedInput } from '../../shared/parse/index.ts';

export interface ParseRequest {
  bytes: Uint8Array;
  key: string;
  contentType?: string;
}

/** `ms` is wall time; `cpuMs` the process's CPU time, which a busy shared machine does not inflate. */
export type ParseResult = { ms: number; cpuMs: number } & (
  | { outcome: 'parsed'; articles: number; statements: number }
  | { outcome: 'rejected'; code: string }
  | { outcome: 'crashed'; error: string }
);

process.on('message', ({ bytes, key, contentType }: ParseRequest) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const elapsed = () => {
    const { user, system } = process.cpuUsage(cpu);
    return { ms: performance.now() - started, cpuMs: (user + system) / 1000 };
  };
  let result: ParseResult;
  try {
    const articles = parseDocument(bytes, { key, ...(contentType ? { contentType } : {}) });
    const statements = articles.reduce((sum, article) => sum + article.statements.length, 0);
    result = { outcome: 'parsed', articles: articles.length, statements, ...elapsed() };
  } catch (error) {
    const times = elapsed();
    result =
      error instanceof RejectedInput
        ? { outcome: 'rejected', code: error.code, ...times }
        : { outcome: 'crashed', error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ...times };
  }
  process.send?.(result);
});

// Loaded and warmed up (the first parse compiles the parser): the parent starts its clocks from here.
parseDocument(new TextEncoder().encode('Warm-up\n\n"It is ready," said Maria Lopez.'), { key: 'warm-up.txt' });
process.send?.('ready');
