import { extractStatements } from '../../../shared/parse/statements/index.ts';

/** [speaker name, kind, cue, text] of every statement found in a body: compact to assert on. */
export function summarize(body: string): [string, string, string, string][] {
  return extractStatements(body).map((s) => [s.speaker.name, s.kind, s.cue, s.text]);
}
