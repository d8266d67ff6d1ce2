/**
 * The team's evaluation corpus (2,225 BBC articles, HTML page sets) is an extra, named in one place: suites that
 * gain from it read it from ONRECORD_CORPUS, or from `../shared/corpus` beside the clone when that exists.
 * Without it every suite runs on data the repository owns (fixtures and generated articles).
 * `ONRECORD_CORPUS=none` runs on the in-repo data even where the corpus is present (as a user's clone would).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BESIDE_THE_CLONE = resolve(REPO, '../shared/corpus');
/** The sets the suites read; a folder with none of them is a wrong setting (the team folder instead of its corpus). */
export const CORPUS_SETS = ['bbc-news', 'html-pages', 'html-news'];

function locate(): string | null {
  const setting = process.env.ONRECORD_CORPUS;
  if (setting === 'none' || setting === '') return null;
  if (setting) {
    const folder = resolve(REPO, setting);
    // A named folder that is not there is a mistake to report, not a reason to test less in silence.
    if (!existsSync(folder)) throw new Error(`ONRECORD_CORPUS=${setting}: no such folder (${folder})`);
    if (!CORPUS_SETS.some((set) => existsSync(join(folder, set)))) {
      throw new Error(`ONRECORD_CORPUS=${setting}: ${folder} holds none of ${CORPUS_SETS.join(', ')} (name the folder that holds them)`);
    }
    return folder;
  }
  return existsSync(BESIDE_THE_CLONE) ? BESIDE_THE_CLONE : null;
}

export const CORPUS_ROOT = locate();

/** A set of the corpus (`bbc-news`, `html-pages`, ...), or null when the corpus or that set is absent. */
export function corpusSet(name: string): string | null {
  if (!CORPUS_ROOT) return null;
  const folder = join(CORPUS_ROOT, name);
  return existsSync(folder) ? folder : null;
}
