import type { Candidate, ResolvedSpeaker, StatementRefiner } from '../types.ts';

/**
 * A quotation with no attribution of its own, or a clause whose subject is left out ("..., but added
 * that ..."), belongs to the speaker before it: for quotations the last person quoted, since a new
 * quotation usually continues a person rather than the organisation mentioned in between. The asker of
 * a question is never carried: the answer that follows is the other party's.
 */
export const carrySpeaker: StatementRefiner = {
  name: 'carry-speaker',
  refine(_text, candidates) {
    let lastAny: ResolvedSpeaker | undefined;
    let lastPerson: ResolvedSpeaker | undefined;
    const result: Candidate[] = [];
    for (const candidate of [...candidates].sort((a, b) => a.start - b.start)) {
      let speaker = candidate.speaker;
      if (!speaker && !candidate.mention) {
        speaker = candidate.kind === 'direct' && candidate.cue === '' ? lastPerson ?? lastAny : lastAny;
        if (!speaker) continue;
      }
      if (!speaker) continue; // a mention that could not be resolved
      result.push({ ...candidate, speaker });
      if (candidate.parser === 'asked-question') continue;
      lastAny = speaker;
      if (speaker.type === 'person') lastPerson = speaker;
    }
    return result;
  },
};
