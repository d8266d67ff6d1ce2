import { Logger } from '@aws-lambda-powertools/logger';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArticleBody } from '../../../functions/api/web/article-body.ts';
import { parseDocument } from '../../../shared/parse/index.ts';
import { articleRecord, fakeObjects } from '../web/fake-store.ts';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const logger = new Logger({ serviceName: 'onrecord-api' });
const KEYS = ['karabakh-offensive-2023-09-20.txt', ...readdirSync(new URL('formats/', FIXTURES)).map((name) => `formats/${name}`)];

describe('the article page body', () => {
  // The page reads only the body again (no metadata, no statements) and checks it by content hash: this
  // holds only while it reads exactly the body the parser stored, hashed the way the parser hashes it.
  it.each(KEYS)('is the body the parser stored, for every article of %s', async (key) => {
    const text = fixture(key);
    const articles = parseDocument(new TextEncoder().encode(text), { key });
    for (const article of articles) {
      const body = await loadArticleBody(fakeObjects({ [key]: text }), articleRecord(article, key, article.statements.length), logger);
      expect(body).toEqual({ text: article.body });
    }
  });

  it('is withheld when the object now holds other text, or is not an article any more', async () => {
    const key = 'karabakh-offensive-2023-09-20.txt';
    const [article] = parseDocument(new TextEncoder().encode(fixture(key)), { key });
    const record = articleRecord(article!, key, 0);
    expect(await loadArticleBody(fakeObjects({ [key]: fixture(key).replace('Azerbaijan', 'Azerbaijani') }), record, logger)).toEqual({
      text: null,
      reason: 'changed',
    });
    expect(await loadArticleBody(fakeObjects({ [key]: '' }), record, logger)).toEqual({ text: null, reason: 'changed' });
    expect(await loadArticleBody(fakeObjects({}), record, logger)).toEqual({ text: null, reason: 'missing' });
  });
});
