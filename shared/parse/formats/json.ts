import { RejectedInput } from '../errors.ts';
import type { SourceArticle } from '../source.ts';
import { Declared } from '../source.ts';
import { normalizeBody } from '../text.ts';
import { bodyField, foldFields, offerFields } from './fields.ts';
import { htmlFragmentText, looksLikeHtml } from './html/text.ts';

// Where APIs put their list of articles: { "articles": [...] } (NewsAPI), { "response": { "results": [...] } } (Guardian).
const LIST_KEYS = ['articles', 'items', 'results', 'data', 'docs', 'stories', 'posts', 'entries'];
// … or their one article: { "response": { "content": {...} } } (Guardian single item), { "article": {...} }.
const ITEM_KEYS = ['article', 'content', 'story', 'post', 'item', 'data'];

/** JSON from a news API or CMS: one article object, an array of them, or an envelope holding the array. */
export function readJson(text: string): SourceArticle[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new RejectedInput('unparseable', `not valid JSON: ${(error as Error).message}`);
  }
  const records = articleRecords(parsed);
  if (records.length === 0) throw new RejectedInput('unparseable', 'JSON holds no article object');
  return records.map(readRecord);
}

function articleRecords(value: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.filter(isRecord);
  if (!isRecord(value)) return [];
  const envelopes = [value, value.response, value.data].filter(isRecord);
  for (const envelope of envelopes) {
    for (const key of LIST_KEYS) {
      const list = envelope[key];
      if (Array.isArray(list) && list.some(isRecord)) return list.filter(isRecord);
    }
  }
  if (bodyField(foldFields(value))) return [value];
  for (const envelope of envelopes) {
    for (const key of ITEM_KEYS) {
      const item = envelope[key];
      if (isRecord(item) && bodyField(foldFields(item))) return [item];
    }
  }
  return [value];
}

function readRecord(record: Record<string, unknown>): SourceArticle {
  const fields = foldFields(record);
  const declared = new Declared();
  offerFields(fields, declared, 'json');
  const body = bodyField(fields);
  let text = body?.value ?? '';
  if (body && looksLikeHtml(body.value)) {
    const html = htmlFragmentText(body.value);
    text = html.text;
    declared.offer('headings', html.headings, `json:${body.key}`);
  }
  return { format: 'json', body: normalizeBody(text), declared };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
