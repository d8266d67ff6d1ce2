import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../../shared/parse/statements/index.ts';

// The example article of issue 3, without its "date YYYY-MM-DD" header line (the body the parser gets).
const raw = readFileSync(new URL('../../fixtures/karabakh-offensive-2023-09-20.txt', import.meta.url), 'utf8');
const body = raw.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');

describe('the example article', () => {
  const statements = extractStatements(body);
  const summary = statements.map((s) => [s.speaker.name, s.kind, s.cue, s.text.slice(0, 30)]);

  it('finds all eleven statements with their speakers, in order', () => {
    expect(summary).toEqual([
      ['Turkey', 'indirect', 'said', 'it fully supported Baku’s acti'],
      ['Recep Tayyip Erdogan', 'direct', 'said', 'As everyone now acknowledges, '],
      ['Recep Tayyip Erdogan', 'direct', 'added', 'We support the steps taken by '],
      ['Recep Tayyip Erdogan', 'indirect', 'accused', 'Armenia of violating the cease'],
      ['Recep Tayyip Erdogan', 'direct', 'alleged', 'We supported the negotiation p'],
      ['Authorities in the Karabakh region', 'indirect', 'said', 'they were willing to hold talk'],
      ['Azerbaijani Presidency', 'indirect', 'said', 'it is willing to meet with Kar'],
      ['Azerbaijani Presidency', 'direct', 'added', 'To stop anti-terrorist measure'],
      ["Azerbaijan's Ministry of Foreign Affairs", 'indirect', 'reported', 'at least six individuals had l'],
      ['Armenia', 'indirect', 'accused', 'Azerbaijan of amassing troops '],
      ['Armenia', 'indirect', 'asserted', "Azerbaijan's actions have cont"],
    ]);
  });

  it('types speakers and keeps the title given with the name', () => {
    const erdogan = statements.find((s) => s.speaker.name === 'Recep Tayyip Erdogan')!.speaker;
    expect(erdogan).toMatchObject({ id: 'recep-tayyip-erdogan', type: 'person', title: 'Turkish President' });
    expect(statements[0]!.speaker.type).toBe('location');
    expect(statements[6]!.speaker.type).toBe('organization');
  });

  it('gives each statement its paragraph and sentence', () => {
    expect(statements[0]!.paragraph).toBe(0);
    expect(statements[1]!.paragraph).toBe(1);
    expect(statements[1]!.sentence).toContain('Turkish President Recep Tayyip Erdogan said');
  });
});
