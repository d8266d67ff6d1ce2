import type { StatementRecord } from '../../../shared/store/port.ts';

/** A stored statement record of article `a`, index 3, with these words (and, as given, any other field). */
export function statementRecord(text: string, fields: Partial<StatementRecord> = {}): StatementRecord {
  return {
    id: 'a-3',
    articleId: 'a',
    articleTitle: 'A title',
    articleLead: null,
    articleSite: 'Test Wire',
    publishedAt: '2023-09-20',
    clipped: false,
    cluster: null,
    kind: 'direct',
    text,
    cue: 'said',
    speaker: { id: 'ana-perez', name: 'Ana Pérez', type: 'person', title: null, aliases: [] },
    start: 0,
    end: text.length,
    paragraph: 0,
    sentence: `She said "${text}"`,
    entities: [],
    ...fields,
  };
}
