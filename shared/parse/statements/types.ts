import type { Entity } from '../../model/article.ts';
import type { SpeakerType, StatementKind } from '../../model/statement.ts';
import type { ArticleText } from './text/document.ts';

/** A half-open character range [start, end) into the article body. */
export interface Span {
  start: number;
  end: number;
}

/** How a speaker is named where the statement is attributed, before it is resolved to a full name. */
export type MentionForm =
  | 'name' // "Recep Tayyip Erdogan", "Turkey", "the CBI"
  | 'honorific' // "Mr Dein", "Dr Smith"
  | 'pronoun' // "he", "she", "they", "it"
  | 'role' // a definite description that points back: "the minister", "the company"
  | 'unnamed'; // a source the article does not name: "a Home Office spokesman", "analysts"

export interface Mention extends Span {
  /** The words as written, e.g. "Turkish President Recep Tayyip Erdogan". */
  text: string;
  form: MentionForm;
  /** The naming part: "Recep Tayyip Erdogan" (for pronouns the pronoun itself, lower case). */
  name: string;
  /** Role or title given with the name: "Turkish President". */
  title: string | null;
  type: SpeakerType;
}

/** The speaker once resolved against the rest of the article. */
export interface ResolvedSpeaker {
  name: string;
  type: SpeakerType;
  title: string | null;
}

/** One statement as the parsers and refiners see it: spans into the body, nothing copied yet. */
export interface Candidate {
  kind: StatementKind;
  /** Which parser found it (for debugging and for refiners that treat constructions differently). */
  parser: string;
  /** The reported words: one span, or several for quotes split by their attribution or by paragraphs. */
  parts: Span[];
  /** The whole stretch of body the statement covers, attribution included. */
  start: number;
  end: number;
  /** Lower-case reporting verb or phrase ("said", "according to"); "" for a quote with no cue of its own. */
  cue: string;
  /** Where that cue starts in the body, so that refiners can tell one attribution from another. */
  cueAt?: number;
  /** Where the speaker is named, or null when a refiner must supply it. */
  mention: Mention | null;
  /** Filled by the resolving refiner. */
  speaker?: ResolvedSpeaker;
}

export interface StatementContext {
  /** Entities found in the same body, when known: they help type speakers, and are what statements name. */
  entities?: Entity[];
}

/** One construction: finds its candidates in the prepared article. */
export interface StatementParser {
  readonly name: string;
  extract(text: ArticleText): Candidate[];
}

/** One pass over all candidates (merge, resolve, filter), returning the new list. */
export interface StatementRefiner {
  readonly name: string;
  refine(text: ArticleText, candidates: Candidate[], context: StatementContext): Candidate[];
}
