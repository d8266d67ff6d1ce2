import type { Candidate, StatementRefiner } from '../types.ts';
import { Coverage } from './coverage.ts';

const contentStart = (candidate: Candidate) => candidate.parts[0]!.start;

/**
 * One statement per stretch of text:
 * - a quotation another parser attributed is dropped from the unattributed ones;
 * - reported speech read off the cue of a quotation's attribution (`"...," he said at the rally`) is not
 *   one; another cue in it is (`"...," said Ann Reed, who acknowledged ...`, `X declared "..." and said that`);
 * - a quotation inside reported speech is a partial quote of it (`said the families deserved "to be ..."`);
 * - reported speech whose speaker sits inside other reported speech is nested (`said that ..., he
 *   feared ...`): the outer one stays;
 * - of two parsers finding the same statement, the first in the configuration wins.
 */
export const dropOverlaps: StatementRefiner = {
  name: 'drop-overlaps',
  refine(_text, candidates) {
    const indirect = candidates.filter((c) => c.kind === 'indirect');
    const reported = new Coverage(indirect.map((c) => ({ start: contentStart(c), end: c.parts[c.parts.length - 1]!.end })));
    const reportedCovers = (c: Candidate) => reported.covers(contentStart(c));
    const attributions = new Coverage(
      candidates
        .filter((c) => c.kind === 'direct' && c.mention && !reportedCovers(c))
        .map((c) => ({ start: c.start, end: c.end })),
    );
    const attributionCues = new Set(candidates.flatMap((c) => (c.kind === 'direct' && c.cueAt !== undefined ? [c.cueAt] : [])));
    const ownCue = (c: Candidate) => c.cueAt === undefined || attributionCues.has(c.cueAt);
    const seen = new Set<string>();
    const result: Candidate[] = [];
    for (const candidate of candidates) {
      const start = contentStart(candidate);
      if (seen.has(`${candidate.kind}:${start}`)) continue;
      if (candidate.kind === 'direct' && reported.covers(start)) continue;
      const anchor = candidate.mention?.start ?? candidate.start;
      if (candidate.kind === 'indirect' && (reported.covers(anchor) || (attributions.covers(anchor) && ownCue(candidate)))) continue;
      seen.add(`${candidate.kind}:${start}`);
      result.push(candidate);
    }
    return result;
  },
};
