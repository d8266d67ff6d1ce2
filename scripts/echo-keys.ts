/**
 * How many echoes the stored cluster keys find, against the full fingerprint's: reads `npm run --silent parse`
 * output (one JSON line per article) on stdin, pairs statements by the same speaker in different articles
 * that share a key of either kind, and counts those echoRelation confirms.
 *
 *   find ../shared/corpus/bbc-news -name '*.txt' | xargs npm run --silent parse -- | npx tsx scripts/echo-keys.ts
 */
import { createInterface } from 'node:readline';
import { clusterKeys } from '../shared/echo/cluster-keys.ts';
import { echoFingerprint } from '../shared/echo/fingerprint.ts';
import { echoRelation } from '../shared/echo/relation.ts';
import type { Statement } from '../shared/model/statement.ts';

interface Said {
  article: number;
  statement: Statement;
}

const statements: Said[] = [];
let articles = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  for (const statement of (JSON.parse(line) as { statements: Statement[] }).statements) statements.push({ article: articles, statement });
  articles++;
}

/** Cross-article pairs of one speaker's statements sharing a key, by index pair. */
function candidatePairs(keysOf: (text: string) => string[]): { pairs: Set<string>; keyCount: number } {
  const byKey = new Map<string, number[]>();
  let keyCount = 0;
  statements.forEach(({ statement }, index) => {
    const keys = keysOf(statement.text);
    keyCount += keys.length;
    for (const key of keys) {
      const bucket = `${statement.speaker.id}\n${key}`;
      byKey.set(bucket, [...(byKey.get(bucket) ?? []), index]);
    }
  });
  const pairs = new Set<string>();
  for (const members of byKey.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (statements[members[i]!]!.article !== statements[members[j]!]!.article) pairs.add(`${members[i]} ${members[j]}`);
      }
    }
  }
  return { pairs, keyCount };
}

const echoes = (pairs: Set<string>) =>
  new Set(
    [...pairs].filter((pair) => {
      const [a, b] = pair.split(' ').map((index) => statements[Number(index)]!.statement);
      return echoRelation(a!, b!) !== null;
    }),
  );

const full = candidatePairs((text) => echoFingerprint(text).keys);
const stored = candidatePairs(clusterKeys);
const fullEchoes = echoes(full.pairs);
const storedEchoes = echoes(stored.pairs);
const both = [...fullEchoes].filter((pair) => storedEchoes.has(pair)).length;
console.log(`${articles} articles, ${statements.length} statements`);
console.log(`full fingerprint: ${(full.keyCount / statements.length).toFixed(1)} keys a statement, ${full.pairs.size} candidate pairs, ${fullEchoes.size} echoes`);
console.log(`stored keys:      ${(stored.keyCount / statements.length).toFixed(1)} keys a statement, ${stored.pairs.size} candidate pairs, ${storedEchoes.size} echoes`);
console.log(`echoes the full fingerprint finds that the stored keys find too: ${both} of ${fullEchoes.size}; found only by the stored keys: ${storedEchoes.size - both}`);
