/**
 * The parse path alone, for the profiler: bench/profile.ts runs this under `node --cpu-prof`.
 * Passes over the corpus given as the first argument (default 3), after the corpus is read.
 */
import { RejectedInput, parseDocument } from '../shared/parse/index.ts';
import { loadCorpus } from './corpus.ts';

const passes = Number(process.argv[2] ?? 3);
const articles = await loadCorpus();
let statements = 0;
for (let pass = 0; pass < passes; pass++) {
  for (const { key, bytes } of articles) {
    try {
      for (const article of parseDocument(bytes, { key })) statements += article.statements.length;
    } catch (error) {
      if (!(error instanceof RejectedInput)) throw error;
    }
  }
}
console.log(JSON.stringify({ passes, articles: articles.length, statements }));
