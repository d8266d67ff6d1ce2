/**
 * How many echoes a layout of cluster keys (shared/echo/cluster-keys.ts) puts in one cluster, and how many keys
 * it files. Reads `npm run --silent parse` output (one JSON line per article) on stdin, and stores the
 * statements one article after another as EchoClusters.assign does: a statement joins the closest cluster its
 * keys lead to, or founds one, and files its keys that lead nowhere yet. The echoes to find are the confirmed
 * pairs (same speaker, different articles, echoRelation) among the candidates of the full fingerprint and of
 * a wide layout. Each argument is a layout, `<word-pair bands>,<content bands>`; none measures the stored one.
 *
 *   find ../shared/corpus/bbc-news -name '*.txt' | sort | xargs npm run --silent parse -- | npx tsx scripts/echo-keys.ts 8,4 0,6
 */
import { createInterface } from 'node:readline';
import { clusterKeys, STORED_LAYOUT, type KeyLayout } from '../shared/echo/cluster-keys.ts';
import { echoFingerprint } from '../shared/echo/fingerprint.ts';
import { normalizeForEcho } from '../shared/echo/normalize.ts';
import { echoRelation } from '../shared/echo/relation.ts';
import type { Statement } from '../shared/model/statement.ts';
import { closestCluster, foundingClusterId, type EchoCandidate } from '../shared/store/dynamodb/echo-clusters.ts';
import type { ClusterReference } from '../shared/store/dynamodb/items/echo.ts';

const WIDE_LAYOUT: KeyLayout = { wordPairBands: 32, contentBands: 16 };

const articles: EchoCandidate[][] = [];
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const { statements } = JSON.parse(line) as { statements: Statement[] };
  const article = articles.length;
  articles.push(statements.map((statement, index) => ({ id: `${article}-${index}`, speakerId: statement.speaker.id, kind: statement.kind, text: statement.text })));
}
const statements = articles.flat();
const articleOf = (id: string) => id.slice(0, id.indexOf('-'));

/** Confirmed echo pairs, as "id id", among the statements sharing a key of any keying given. */
function confirmedPairs(...keyings: ((text: string) => string[])[]): Set<string> {
  const pairs = new Set<string>();
  for (const keysOf of keyings) {
    const byKey = new Map<string, EchoCandidate[]>();
    for (const statement of statements) {
      if (statement.speakerId === '') continue;
      for (const key of keysOf(statement.text)) {
        const bucket = `${statement.speakerId}\n${key}`;
        byKey.set(bucket, [...(byKey.get(bucket) ?? []), statement]);
      }
    }
    for (const members of byKey.values()) {
      members.forEach((a, i) =>
        members.slice(i + 1).forEach((b) => {
          if (articleOf(a.id) !== articleOf(b.id) && echoRelation(a, b)) pairs.add(`${a.id} ${b.id}`);
        }),
      );
    }
  }
  return pairs;
}

/** Each statement's cluster, and the keys filed, as the store would assign and file them. */
function store(layout: KeyLayout): { clusterOf: Map<string, string>; filed: number } {
  const clusterOfKey = new Map<string, string>();
  const references = new Map<string, ClusterReference>();
  const clusterOf = new Map<string, string>();
  let filed = 0;
  for (const article of articles) {
    for (const statement of article) {
      const normalized = normalizeForEcho(statement.text);
      const keys = statement.speakerId === '' ? [] : clusterKeys(statement.text, layout).map((key) => `${statement.speakerId}\n${key}`);
      if (keys.length === 0) continue;
      const pointedAt = keys.map((key) => clusterOfKey.get(key));
      const candidates = [...new Set(pointedAt)].flatMap((id) => (id && references.has(id) ? [references.get(id)!] : []));
      const joined = closestCluster(statement, normalized, candidates);
      const id = joined?.id ?? foundingClusterId(statement.speakerId, normalized);
      if (!joined) references.set(id, { id, statementId: statement.id, speakerId: statement.speakerId, kind: statement.kind, text: statement.text, wordsHash: '' });
      clusterOf.set(statement.id, id);
      keys.forEach((key, index) => {
        if (pointedAt[index] !== undefined) return;
        clusterOfKey.set(key, id);
        filed++;
      });
    }
  }
  return { clusterOf, filed };
}

const echoes = confirmedPairs((text) => echoFingerprint(text).keys, (text) => clusterKeys(text, WIDE_LAYOUT));
const layouts = process.argv.slice(2).map((arg): KeyLayout => {
  const bands = arg.split(',').map(Number);
  if (bands.length !== 2 || !bands.every((count) => Number.isInteger(count) && count >= 0)) {
    throw new Error(`a layout is "<word-pair bands>,<content bands>", e.g. 0,6: not "${arg}"`);
  }
  return { wordPairBands: bands[0]!, contentBands: bands[1]! };
});
console.log(`${articles.length} articles, ${statements.length} statements, ${echoes.size} confirmed echo pairs`);
for (const layout of layouts.length > 0 ? layouts : [STORED_LAYOUT]) {
  const { clusterOf, filed } = store(layout);
  const together = [...echoes].filter((pair) => {
    const [a, b] = pair.split(' ');
    return clusterOf.get(a!) !== undefined && clusterOf.get(a!) === clusterOf.get(b!);
  }).length;
  console.log(
    `${layout.wordPairBands} word-pair bands, ${layout.contentBands} content bands: ${(filed / articles.length).toFixed(1)} keys filed an article, ${together} of ${echoes.size} pairs in one cluster`,
  );
}
