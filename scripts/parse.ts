/**
 * npm run --silent parse -- FILE...
 *
 * Prints one compact JSON line per file, in argument order: { "article": { id, ...metadata }, "statements": [...] }.
 * The eval tools in ../shared/eval rely on one line per FILE, so a file holding several articles (a JSON array)
 * still prints one line: its first article as `article`/`statements`, the others under `moreArticles` as
 * [{ article, statements }, ...]. A file that cannot be parsed gets a one-line error on stderr; the others are
 * still printed and the exit code is 1. Nothing else goes to stdout.
 */
import { readFileSync } from 'node:fs';
import type { ParsedArticle } from '../shared/model/parsed.ts';
import { parseDocument } from '../shared/parse/index.ts';

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0) {
  process.stderr.write('usage: npm run --silent parse -- FILE...\n');
  process.exit(2);
}

const toOutput = (parsed: ParsedArticle) => ({
  article: { id: parsed.id, ...parsed.metadata },
  statements: parsed.statements,
});

let failed = 0;
for (const file of files) {
  try {
    const [first, ...more] = parseDocument(readFileSync(file), { key: file });
    const line = more.length > 0 ? { ...toOutput(first!), moreArticles: more.map(toOutput) } : toOutput(first!);
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } catch (error) {
    failed++;
    const reason = error instanceof Error ? error.message : String(error);
    const code = error instanceof Error && 'code' in error ? ` [${String(error.code)}]` : '';
    process.stderr.write(`parse: ${file}: ${reason}${code}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
