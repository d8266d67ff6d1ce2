/**
 * Vitest global setup: says once, at the top of the test output, what the suites run on, so a green run on a
 * user's clone (no corpus) and one in CI (with it) are told apart at a glance.
 */
import { chromiumMissing } from '../browser/chromium.ts';
import { CORPUS_ROOT, CORPUS_SETS, corpusSet } from './corpus.ts';
import { SYNTHETIC_COUNT } from './news-set.ts';

export default function announceData(): void {
  const browser = chromiumMissing ? `browser tests skipped: ${chromiumMissing}` : 'browser tests on Chromium';
  if (!CORPUS_ROOT) {
    console.log(
      `test data: the repository's own (fixtures, ${SYNTHETIC_COUNT} generated articles in every format); no corpus ` +
        `(ONRECORD_CORPUS=DIR adds the BBC corpus and the HTML page sets); ${browser}`,
    );
    return;
  }
  const sets = CORPUS_SETS.filter((name) => corpusSet(name));
  console.log(`test data: the repository's own, plus the corpus at ${CORPUS_ROOT} (${sets.join(', ')}); ${browser}`);
}
