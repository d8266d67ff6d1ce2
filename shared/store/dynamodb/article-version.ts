/**
 * Turns a parsed article into the items of one stored version: the head (metadata and what the article
 * contributes to speakers and entities), its listing (what the list of articles shows), its body text, its
 * statements (each also filed under every entity its words name) and its entity mentions.
 */
import type { ArticleMetadata } from '../../model/article.ts';
import { firstWords } from '../../model/first-words.ts';
import { statementId } from '../../model/ids.ts';
import type { ParsedArticle } from '../../model/parsed.ts';
import type { StatementCluster } from '../../model/records.ts';
import type { ArticleRecord, EntityArticle, SourceObject, StatementRecord } from '../port.ts';
import { byteSize, clip, clipStatement, fitMetadata, ITEM_BUDGET_BYTES, keySafeId } from './fit.ts';
import * as ArticleItem from './items/article.ts';
import * as BodyItem from './items/article-body.ts';
import * as ListingItem from './items/listing.ts';
import type { ArticleHead, EntityShare, SpeakerShare } from './items/article.ts';
import * as MentionItem from './items/mention.ts';
import * as StatementItem from './items/statement.ts';
import { storeWords } from './items/statement-text.ts';
import { sortDate } from './sort-date.ts';

export interface VersionContext {
  source: SourceObject;
  version: string;
  parserVersion: number;
  ingestedAt: string;
  /** The echo cluster of each statement, by statement id (echo-clusters.ts); a statement not in it has none. */
  clusters?: ReadonlyMap<string, StatementCluster>;
}

export interface ArticleVersion {
  head: ArticleHead;
  /** The listing, body, statements and mentions: written after the head, which names the mentions. */
  items: Record<string, unknown>[];
  /** The statements' about items: written after the statements, whose `about` names them. */
  about: Record<string, unknown>[];
}

/**
 * Speakers and entities one article may add to the aggregates. Real articles name a few dozen; the cap only
 * bounds pathological input (its extra statements are still stored and listed, just not counted).
 */
const MAX_SHARES = 300;
const MAX_ALIASES = 10;

function speakerShares(statements: StatementRecord[]): SpeakerShare[] {
  const byId = new Map<string, SpeakerShare>();
  for (const { speaker } of statements) {
    const share = byId.get(speaker.id) ?? { id: speaker.id, name: speaker.name, type: speaker.type, titles: [], aliases: [], statements: 0 };
    share.statements += 1;
    if (speaker.title && !share.titles.includes(speaker.title) && share.titles.length < MAX_ALIASES) share.titles.push(speaker.title);
    for (const alias of speaker.aliases) {
      if (!share.aliases.includes(alias) && share.aliases.length < MAX_ALIASES) share.aliases.push(alias);
    }
    byId.set(speaker.id, share);
  }
  return [...byId.values()].sort((a, b) => b.statements - a.statements).slice(0, MAX_SHARES);
}

function entityShares(parsed: ParsedArticle): EntityShare[] {
  const byId = new Map<string, EntityShare>();
  for (const entity of parsed.metadata.entities) {
    const id = keySafeId(entity.id);
    const share = byId.get(id) ?? { id, name: clip(entity.name, 300), type: entity.type, aliases: [], count: 0 };
    share.count += entity.count;
    for (const alias of entity.aliases) {
      if (!share.aliases.includes(alias) && share.aliases.length < MAX_ALIASES) share.aliases.push(clip(alias, 300));
    }
    byId.set(id, share);
  }
  return [...byId.values()].sort((a, b) => b.count - a.count).slice(0, MAX_SHARES);
}

export function buildArticleVersion(parsed: ParsedArticle, context: VersionContext): ArticleVersion {
  const { source, version } = context;
  const publishedAt = parsed.metadata.publishedAt ?? source.eventTime;
  const date = sortDate(publishedAt) ?? sortDate(source.eventTime) ?? (sortDate(context.ingestedAt) as string);
  const title = parsed.metadata.title === null ? null : clip(parsed.metadata.title, 1_000);
  // What names an untitled article where only the statement or mention is read (a timeline, an entity's
  // articles): a list cannot read every head it links to. Titled articles carry none, so it costs nothing there.
  const lead = title === null ? firstWords(parsed.metadata.summary) : null;

  const statements: StatementRecord[] = parsed.statements.map((statement, index) => ({
    ...clipStatement(statement),
    id: statementId(parsed.id, index),
    articleId: parsed.id,
    articleTitle: title,
    articleLead: lead,
    articleSite: parsed.metadata.siteName === null ? null : clip(parsed.metadata.siteName, 300),
    publishedAt,
    clipped: false,
    cluster: context.clusters?.get(statementId(parsed.id, index)) ?? null,
  }));
  const entities = entityShares(parsed);

  const record: ArticleRecord = {
    id: parsed.id,
    source: { bucket: source.bucket, key: source.key, versionId: source.versionId, eTag: source.eTag },
    metadata: parsed.metadata,
    statementCount: statements.length,
    parserVersion: context.parserVersion,
    ingestedAt: context.ingestedAt,
  };
  const head: ArticleHead = { record, sourceKey: source.key, version, sortDate: date, speakers: speakerShares(statements), entities };
  const rest = byteSize(ArticleItem.toItem({ ...head, record: { ...record, metadata: {} as ArticleMetadata } }));
  head.record = { ...record, metadata: fitMetadata(record.metadata, ITEM_BUDGET_BYTES - rest) };

  const stored = statements.map((statement, index) => {
    const placement = { sourceKey: source.key, version, index, sortDate: date, ingestedAt: context.ingestedAt };
    const { listed, parts } = storeWords(statement, placement);
    return { items: [StatementItem.toItem(listed, placement), ...parts], about: StatementItem.aboutItems(listed, placement) };
  });
  const items = [
    ListingItem.toItem(head),
    ...BodyItem.toItems(parsed.id, version, parsed.body),
    ...stored.flatMap((statement) => statement.items),
    ...entities.map((entity) => {
      const mention: EntityArticle = { articleId: parsed.id, title, lead, publishedAt, count: entity.count };
      return MentionItem.toItem(mention, { entityId: entity.id, sourceKey: source.key, version, sortDate: date });
    }),
  ];
  return { head, items, about: stored.flatMap((statement) => statement.about) };
}
