import type { Candidate, StatementRefiner } from '../types.ts';
import { cueInfo } from '../cues.ts';
import { FINITE_CLAUSE } from '../parsers/reporting.ts';
import { Coverage } from './coverage.ts';

const contentStart = (candidate: Candidate) => candidate.parts[0]!.start;

const DETERMINER = /^(?:the|a|an|his|her|its|their|this|these|those)\s/i;

/**
 * The reported words read as a clause: introduced by "that", opening with a subject and a finite verb, or
 * at least not with a determiner that makes them an object ("who wrote the biography of ...").
 */
function reportsClause(body: string, candidate: Candidate): boolean {
  const start = contentStart(candidate);
  const words = body.slice(start, start + 80);
  return /\bthat\s*$/.test(body.slice(Math.max(candidate.cueAt ?? start, start - 12), start)) || FINITE_CLAUSE.test(words) || !DETERMINER.test(words);
}

/**
 * One statement per stretch of text:
 * - a quotation another parser attributed is dropped from the unattributed ones;
 * - reported speech read off the cue of a quotation's attribution (`"...," he said at the rally`) is not
 *   one; another cue in it is (`"...," said Ann Reed, who acknowledged ...`, `X declared "..." and said that`);
 * - a quotation inside reported speech is a partial quote of it (`said the families deserved "to be ..."`);
 * - reported speech whose speaker sits inside other reported speech is nested (`said that ..., he
 *   feared ...`): the outer one stays;
 * - of two parsers finding the same statement, the first in the configuration wins; an interrupted clause
 *   (`A, officials said, B`) is not also read as B alone.
 */
export const dropOverlaps: StatementRefiner = {
  name: 'drop-overlaps',
  refine(text, candidates) {
    const indirect = candidates.filter((c) => c.kind === 'indirect');
    // each part on its own: the attribution between the parts of 'A, officials said, B' is not reported speech
    const reported = new Coverage(indirect.flatMap((c) => c.parts));
    const reportedCovers = (c: Candidate) => reported.covers(contentStart(c));
    const attributions = new Coverage(
      candidates
        .filter((c) => c.kind === 'direct' && c.mention && !reportedCovers(c))
        .map((c) => ({ start: c.start, end: c.end })),
    );
    const attributionCues = new Set(candidates.flatMap((c) => (c.kind === 'direct' && c.cueAt !== undefined ? [c.cueAt] : [])));
    // another finite cue in an attribution reports a clause ("who acknowledged Trump was ..."), not an
    // object ("who wrote the biography"); a participle may report either ("..., recalling a visit")
    const ownCue = (c: Candidate) => c.cueAt === undefined || attributionCues.has(c.cueAt) || (cueInfo(c.cue)?.frame === 'clause' && !c.cue.endsWith('ing') && !reportsClause(text.body, c));
    const seen = new Set<string>();
    // 'A, officials said, B' is one statement: the cue's rest alone (B) is not another
    const interruptedCues = new Set(candidates.flatMap((c) => (c.parser === 'interjected' ? [c.cueAt] : [])));
    const result: Candidate[] = [];
    for (const candidate of candidates) {
      const start = contentStart(candidate);
      if (seen.has(`${candidate.kind}:${start}`)) continue;
      if (candidate.parser !== 'interjected' && candidate.kind === 'indirect' && interruptedCues.has(candidate.cueAt)) continue;
      if (candidate.kind === 'direct' && reported.covers(start)) continue;
      const anchor = candidate.mention?.start ?? candidate.start;
      if (candidate.kind === 'indirect' && (reported.covers(anchor) || (attributions.covers(anchor) && ownCue(candidate)))) continue;
      seen.add(`${candidate.kind}:${start}`);
      result.push(candidate);
    }
    return result;
  },
};
