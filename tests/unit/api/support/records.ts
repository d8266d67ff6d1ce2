import type { ArticleMetadata } from '../../../../shared/model/article.ts';
import type { ArticleRecord, EntityArticle, EntityRecord, IngestionRecord, SpeakerRecord, StatementRecord } from '../../../../shared/store/port.ts';

/** Records as the store returns them, for the fake store: one real-looking story plus enough filler to page through. */

export function metadata(title: string, publishedAt: string | null): ArticleMetadata {
  return {
    title,
    publishedAt,
    byline: null,
    authors: [],
    siteName: null,
    canonicalUrl: null,
    language: 'en',
    wordCount: 420,
    headings: [],
    summary: null,
    tags: [],
    contentHash: 'a'.repeat(64),
    format: 'header-text',
    provenance: { publishedAt: 'header' },
    warnings: [],
    entities: [
      { id: 'lachin-corridor', name: 'Lachin Corridor', type: 'location', aliases: ['Lachin corridor'], count: 2, mentions: [{ start: 10, end: 25, text: 'Lachin Corridor' }] },
    ],
    mentionedDates: [{ text: 'Tuesday', date: '2023-09-19', start: 30, end: 37 }],
  };
}

function article(id: string, title: string, publishedAt: string, statementCount = 0): ArticleRecord {
  return {
    id,
    source: { bucket: 'articles', key: `news/${id}.txt`, versionId: null, eTag: '"abc"' },
    metadata: metadata(title, publishedAt),
    statementCount,
    parserVersion: 1,
    ingestedAt: '2024-01-01T00:00:00.000Z',
  };
}

export const KARABAKH_ID = 'kArAbAkh-2023_09';

const erdogan = { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', type: 'person' as const, title: 'Turkish President', aliases: ['Erdogan', 'He'] };

const quotes = [
  'As everyone now acknowledges, Karabakh is Azerbaijani territory.',
  'We support the steps taken by Azerbaijan',
  'We supported the negotiation process between Azerbaijan and Armenia from the beginning.',
  'Armenia has violated the cease-fire',
];

/** Where the quotes name Armenia (the only entity of the list they name), as the parser would give it. */
function namedIn(text: string): StatementRecord['entities'] {
  return [...text.matchAll(/\bArmenia\b/g)].map((m) => ({ id: 'armenia', start: m.index, end: m.index + 'Armenia'.length }));
}

export const statements: StatementRecord[] = quotes.map((text, index) => ({
  id: `${KARABAKH_ID}-${index}`,
  articleId: KARABAKH_ID,
  articleTitle: 'Turkey backs Azerbaijan offensive',
  articleSite: null,
  clipped: false,
  cluster: { id: `cluster-${index}`, relation: 'reference' },
  articleLead: null,
  publishedAt: '2023-09-20',
  kind: index === 3 ? 'indirect' : 'direct',
  text,
  cue: 'said',
  speaker: erdogan,
  start: index * 100,
  end: index * 100 + 80,
  paragraph: index + 1,
  sentence: text,
  entities: namedIn(text),
}));

export const articles: ArticleRecord[] = [
  article(KARABAKH_ID, 'Turkey backs Azerbaijan offensive', '2023-09-20', statements.length),
  ...Array.from({ length: 24 }, (_, index) => {
    const day = String((index % 28) + 1).padStart(2, '0');
    return article(`filler-${index}`, `Filler ${index}`, `2023-${index < 12 ? '08' : '10'}-${day}`);
  }),
];

export const speakers: SpeakerRecord[] = [
  { id: erdogan.id, name: erdogan.name, type: 'person', titles: ['Turkish President'], aliases: ['Erdogan'], statementCount: 4, articleCount: 1, firstSeen: '2023-09-20', lastSeen: '2023-09-20' },
  { id: 'ilham-aliyev', name: 'Ilham Aliyev', type: 'person', titles: [], aliases: [], statementCount: 0, articleCount: 0, firstSeen: '2023-09-20', lastSeen: '2023-09-20' },
];

export const entities: EntityRecord[] = [
  { id: 'lachin-corridor', name: 'Lachin Corridor', type: 'location', aliases: ['Lachin corridor'], articleCount: 1, mentionCount: 2 },
  { id: 'armenia', name: 'Armenia', type: 'location', aliases: [], articleCount: 1, mentionCount: 5 },
  { id: 'un-general-assembly', name: 'UN General Assembly', type: 'organization', aliases: [], articleCount: 1, mentionCount: 1 },
];

export const entityArticles: Record<string, EntityArticle[]> = {
  'lachin-corridor': [{ articleId: KARABAKH_ID, title: 'Turkey backs Azerbaijan offensive', lead: null, publishedAt: '2023-09-20', count: 2 }],
  armenia: [{ articleId: KARABAKH_ID, title: 'Turkey backs Azerbaijan offensive', lead: null, publishedAt: '2023-09-20', count: 5 }],
};

/** A key with slashes, a space, a plus and a percent sign: what the ingestion route must carry intact. */
export const TRICKY_KEY = 'news/2023/09/karabakh offensive+1 100%.txt';

export const ingestions: IngestionRecord[] = [
  {
    bucket: 'articles',
    key: TRICKY_KEY,
    status: 'accepted',
    reason: null,
    articleIds: [KARABAKH_ID],
    sequencer: '0055AED6DCD90281E5',
    versionId: null,
    eTag: '"abc"',
    parserVersion: 1,
    receivedAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:01.000Z',
  },
  {
    bucket: 'articles',
    key: 'empty.txt',
    status: 'rejected',
    reason: { code: 'empty', message: 'the object is empty' },
    articleIds: [],
    sequencer: '0055AED6DCD90281E6',
    versionId: null,
    eTag: null,
    parserVersion: 1,
    receivedAt: '2024-01-02T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
  },
];
