/**
 * Parse throughput: parseDocument over every article of the corpus in this one process (the bytes read
 * up front), against a peer doing comparable work — compromise's quotations() + people().
 *
 * The parser is measured as the Lambda runs it: bundled by esbuild with the deployed functions' options.
 * Under the tsx loader the same source runs slower (tsx wraps every named closure in a helper call), and
 * the peer runs as its package ships it, without a loader either.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Parser from '../shared/parse/index.ts';
import { bundleModule, ROOT } from './bundles.ts';
import { loadCorpus, totalBytes, type CorpusArticle } from './corpus.ts';
import type { Measure, Row } from './measure.ts';
import { peerExtract } from './peer.ts';
import { summarize, timeCpu, type Summary } from './stats.ts';

const RUNS = 7;
const PEER_RUNS = 3;
/** compromise takes a minute or more per pass over the whole corpus: it gets every 20th article. */
const PEER_EVERY = 20;

interface Pass {
  wallMs: number;
  cpuMs: number;
}

type ParserModule = Pick<typeof Parser, 'parseDocument' | 'RejectedInput'>;

/** shared/parse bundled like a deployed function, then imported. */
async function bundledParser(): Promise<ParserModule> {
  const directory = await mkdtemp(join(tmpdir(), 'onrecord-bench-parse-'));
  try {
    const { entry } = await bundleModule(ROOT, 'shared/parse/index.ts', directory);
    return (await import(pathToFileURL(entry).href)) as ParserModule;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** One pass of the parser over the corpus, counting results so the work cannot be skipped. */
function parseAll({ parseDocument, RejectedInput }: ParserModule, articles: readonly CorpusArticle[]): { statements: number; rejected: number } {
  let statements = 0;
  let rejected = 0;
  for (const { key, bytes } of articles) {
    try {
      for (const article of parseDocument(bytes, { key })) statements += article.statements.length;
    } catch (error) {
      if (!(error instanceof RejectedInput)) throw error;
      rejected++;
    }
  }
  return { statements, rejected };
}

/** MB/s (1 MB = 10^6 bytes) per pass, by wall clock and by this process's CPU time. */
function rates(passes: readonly Pass[], bytes: number): { wall: Summary; cpu: Summary } {
  const perSecond = (ms: number) => bytes / 1e6 / (ms / 1000);
  return {
    wall: summarize(passes.map((pass) => perSecond(pass.wallMs))),
    cpu: summarize(passes.map((pass) => perSecond(pass.cpuMs))),
  };
}

const scale = (summary: Summary, factor: number): Summary => ({
  median: summary.median * factor,
  min: summary.min * factor,
  max: summary.max * factor,
});

/** Ratio of two rates: the median of each, and the widest range the passes allow. */
const ratio = (ours: Summary, theirs: Summary): Summary => ({
  median: ours.median / theirs.median,
  min: ours.min / theirs.max,
  max: ours.max / theirs.min,
});

export const parseMeasure: Measure = {
  name: 'parse',
  title: 'Parse throughput (one process, one thread)',
  async run() {
    const articles = await loadCorpus();
    const bytes = totalBytes(articles);
    const articlesPerMb = articles.length / (bytes / 1e6);

    const parserModule = await bundledParser();
    let counts = parseAll(parserModule, articles); // warm-up: JIT, lazily built tables
    const passes: Pass[] = [];
    for (let i = 0; i < RUNS; i++) passes.push(timeCpu(() => (counts = parseAll(parserModule, articles))));
    const parser = rates(passes, bytes);

    const subset = articles.filter((_, index) => index % PEER_EVERY === 0);
    const subsetBytes = totalBytes(subset);
    const texts = subset.map((article) => article.bytes.toString('utf8'));
    let peerCounts = peerExtract(texts.slice(0, 3)); // compromise builds its lexicon on first use
    const peerPasses: Pass[] = [];
    for (let i = 0; i < PEER_RUNS; i++) peerPasses.push(timeCpu(() => (peerCounts = peerExtract(texts))));
    const peer = rates(peerPasses, subsetBytes);

    // Issue 17's targets, which replace issue 7's 50× the peer.
    const rows: Row[] = [
      { metric: 'parser throughput (wall)', unit: 'MB/s', summary: parser.wall, target: { op: '>=', value: 5 } },
      { metric: 'parser throughput (CPU time)', unit: 'MB/s', summary: parser.cpu, target: { op: '>=', value: 5 } },
      { metric: 'parser articles/s (wall)', unit: 'articles/s', summary: scale(parser.wall, articlesPerMb) },
      { metric: 'peer compromise (wall)', unit: 'MB/s', summary: peer.wall },
      { metric: 'peer compromise (CPU time)', unit: 'MB/s', summary: peer.cpu },
      { metric: 'peer articles/s (wall, per corpus MB)', unit: 'articles/s', summary: scale(peer.wall, articlesPerMb) },
      { metric: 'parser / peer (wall)', unit: '×', summary: ratio(parser.wall, peer.wall), target: { op: '>=', value: 30 } },
      { metric: 'parser / peer (CPU time)', unit: '×', summary: ratio(parser.cpu, peer.cpu), target: { op: '>=', value: 30 } },
    ];
    return {
      rows,
      notes: [
        `Corpus: ${articles.length} articles, ${(bytes / 1e6).toFixed(2)} MB (1 MB = 10^6 bytes), read into memory before timing; ${RUNS} timed passes of \`parseDocument(bytes, { key })\` from shared/parse bundled as the Lambda bundles it (esbuild, ESM, minified), after one untimed warm-up pass. Each pass found ${counts.statements} statements and rejected ${counts.rejected} object(s).`,
        'Wall = elapsed time; CPU time = user + system time of this process (one JS thread plus GC helpers), i.e. what one core needs when the shared machine is busy with other work.',
        `Peer: compromise \`nlp(text).quotations()\` + \`.people()\` over every ${PEER_EVERY}th article (${subset.length} articles, ${(subsetBytes / 1e6).toFixed(2)} MB; the whole corpus would take minutes per pass), ${PEER_RUNS} passes after a warm-up on 3 articles; rates are per MB, so its articles/s is extrapolated to the corpus's article size. It found ${peerCounts.quotations} quotations and ${peerCounts.people} people.`,
        'Ratio range: min = slowest parser pass / fastest peer pass, max = the reverse.',
      ],
    };
  },
};
