import type { SpeakerType } from '../../../model/statement.ts';
import { type Gender, NameIndex } from '../speakers/name-index.ts';
import type { Mention, ResolvedSpeaker, StatementRefiner } from '../types.ts';
import { ORG_NOUNS } from '../words.ts';

const HONORIFIC_GENDER: Record<string, Gender> = { mr: 'male', sir: 'male', lord: 'male', mrs: 'female', ms: 'female', miss: 'female', lady: 'female', dame: 'female' };

/**
 * Names every speaker by the most complete name the article gives: surnames and Mr/Ms X to the full
 * name, acronyms to what they stand for, he/she/it/they to the last fitting speaker, role nouns ("the
 * minister", "the company") to the speaker or name that carries that role. Unnamed sources stay as written.
 */
export const resolveSpeakers: StatementRefiner = {
  name: 'resolve-speakers',
  refine(text, candidates, context) {
    // built on first use: hostile input without a single speaker never pays for it
    let built: NameIndex | undefined;
    const index = () => (built ??= new NameIndex(text, context.entities));
    const history: Spoken[] = [];
    const genders = new Map<string, Gender>();
    const titles = new Map<string, string>();
    const ordered = [...candidates].sort((a, b) => a.start - b.start);
    return ordered.map((candidate) => {
      if (!candidate.mention) return candidate;
      // a pronoun with nothing to point back to stays as written: the statement is still one
      const speaker = resolve(candidate.mention, index, history, genders) ?? { name: candidate.mention.text, type: 'unknown' as const, title: null };
      if (speaker.title) titles.set(speaker.name, titles.get(speaker.name) ?? speaker.title);
      const resolved = { ...speaker, title: titles.get(speaker.name) ?? speaker.title };
      history.push({ ...resolved, at: candidate.start });
      return { ...candidate, speaker: resolved };
    });
  },
};

type Spoken = ResolvedSpeaker & { at: number };

const ABBREVIATED_TITLES: Record<string, string> = { 'sen.': 'senator', 'rep.': 'representative', 'gov.': 'governor', 'gen.': 'general', 'sec.': 'secretary', 'pres.': 'president' };
const expandTitle = (word: string) => ABBREVIATED_TITLES[word] ?? word;
const CAPITALIZED = /^\p{Lu}/u;

/** Roles that usually name someone new rather than the person last quoted ("the spokesman"). */
const UNNAMED_ROLES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'source', 'insider', 'analyst', 'expert', 'economist', 'lawyer', 'police', 'officer']);

function resolve(mention: Mention, names: () => NameIndex, history: Spoken[], genders: Map<string, Gender>): ResolvedSpeaker | undefined {
  const at = mention.start;
  const index = names();
  const latest = (fits: (s: Spoken) => boolean) => {
    for (let i = history.length - 1; i >= 0; i--) if (fits(history[i]!)) return history[i]!;
    return undefined;
  };
  switch (mention.form) {
    case 'pronoun': {
      if (mention.name === 'he' || mention.name === 'she') {
        // the latest person, spoken or named at a sentence start, whose gender does not contradict the pronoun
        const gender: Gender = mention.name === 'he' ? 'male' : 'female';
        const fits = (name: string) => (genders.get(name) ?? index.genderOf(name) ?? gender) === gender;
        const spoke = latest((s) => s.type === 'person' && fits(s.name) && s.at < at);
        const named = index.lastSubjectBefore(at, gender);
        const found = named && (!spoke || named.at > spoke.at) && fits(named.name) ? { name: named.name, title: null } : spoke;
        if (found) {
          genders.set(found.name, gender);
          return { name: found.name, type: 'person', title: found.title ?? history.find((s) => s.name === found.name)?.title ?? null };
        }
        const any = index.lastPersonBefore(at);
        return any ? { name: any, type: 'person', title: null } : undefined;
      }
      if (mention.name === 'it') {
        const found = latest((s) => s.type === 'organization' || s.type === 'location');
        if (found) return { name: found.name, type: found.type, title: found.title };
        const named = index.lastOrganizationBefore(at);
        return named ? { name: named, type: 'organization', title: null } : undefined;
      }
      const found = latest((s) => s.type === 'group' || s.type === 'organization');
      return found ? { name: found.name, type: found.type, title: found.title } : undefined;
    }
    case 'honorific': {
      const honorific = mention.text.split(/\s+/).find((w) => HONORIFIC_GENDER[w.toLowerCase().replace(/\.$/, '')]);
      const full = index.fullName(mention.name, at) ?? latest((s) => s.type === 'person' && s.name.endsWith(mention.name))?.name;
      const name = full ?? mention.name;
      if (honorific) genders.set(name, HONORIFIC_GENDER[honorific.toLowerCase().replace(/\.$/, '')]!);
      return { name, type: 'person', title: mention.title };
    }
    case 'name': {
      const acronym = index.acronym(mention.name);
      const entity = index.entity(acronym ?? mention.name);
      const full = acronym ?? (mention.type === 'organization' || mention.type === 'location' ? undefined : index.fullName(mention.name, at));
      const name = entity?.name ?? full ?? mention.name;
      const type: SpeakerType = entity?.type ?? (full && !acronym ? 'person' : mention.type === 'unknown' && acronym ? 'organization' : mention.type);
      const earlier = latest((s) => s.name === name);
      return { name, type: type === 'unknown' && earlier ? earlier.type : type, title: mention.title };
    }
    case 'role': {
      const head = mention.name.split(/\s+/).pop()!.toLowerCase();
      // "The Ohio governor" is not the governor of New Jersey: a capitalized modifier must be in the title too
      const modifiers = mention.name.split(/\s+/).slice(0, -1).filter((word) => CAPITALIZED.test(word) && word.toLowerCase() !== 'the');
      const fits = (title: string | null) => {
        const words = (title ?? '').toLowerCase().split(/[\s-]+/).map(expandTitle);
        return words.includes(head) && modifiers.every((word) => (title ?? '').includes(word));
      };
      const byTitle = latest((s) => fits(s.title));
      if (byTitle) return { name: byTitle.name, type: byTitle.type, title: byTitle.title };
      const named = index.byRole(head, at);
      if (named && (modifiers.length === 0 || fits(named.title))) return { name: named.name, type: 'person', title: named.title };
      if (ORG_NOUNS.has(head)) {
        const org = latest((s) => s.type === 'organization');
        if (org) return { name: org.name, type: org.type, title: org.title };
      } else if (/^the\s+\S+$/i.test(mention.text) && !UNNAMED_ROLES.has(head)) {
        // "The minister said ...": a bare definite role with no name for it is the person last quoted; one
        // with modifiers ("The Florida senator") names someone in particular, often not the last quoted,
        // and stays as written
        const person = latest((s) => s.type === 'person');
        if (person) return { name: person.name, type: 'person', title: person.title ?? mention.text.replace(/^the\s+/i, '') };
      }
      return { name: mention.name, type: mention.type, title: null };
    }
    case 'unnamed':
      return { name: mention.name, type: mention.type, title: null };
  }
}
