import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { InvalidCursorError, type StatementRecord } from '../../../shared/store/port.ts';
import type { ArticleReader } from '../../../shared/store/port.ts';
import { articlePage } from './pages/article.ts';
import { clusterPage } from './pages/cluster.ts';
import { entityPage, entityStatementsPage } from './pages/entity.ts';
import { errorPage } from './pages/errors.ts';
import { BUSY_DAYS, BUSY_SHOWN, busyWindowEnd, homePage, UNDATED_ON_HOME, undatedPage } from './pages/home.ts';
import { ingestionsPage } from './pages/ingestions.ts';
import { searchPage, type SearchKind } from './pages/search.ts';
import { speakerPage, topEntities, type SpeakerOverview } from './pages/speaker.ts';
import { statementPage } from './pages/statement.ts';
import { htmlResponse, type HtmlResult } from './response.ts';

/**
 * The web view: server-rendered pages over the same store the JSON API reads, registered on the API's
 * router. Each handler reads the event, asks the store, and renders; nothing here knows about DynamoDB.
 */
/** The store methods the pages read with: the API's reads but one, so tests need provide no more. */
export type WebStore = Omit<ArticleReader, 'getIngestion'>;

export interface WebDeps {
  store: WebStore;
  /** The API's own logger, so a page's failure is a structured entry with the request's context. */
  logger?: Logger;
  /** Today, for the home page's busiest window (it ends today at the latest); tests may fix it. */
  now?: () => Date;
}

/** The route shape @middy/http-router takes (and the API's RouteSpec): GET only, every page is read-only. */
export interface WebRoute {
  method: 'GET';
  path: string;
  handler: (event: APIGatewayProxyEventV2) => Promise<HtmlResult>;
}

const PAGE_SIZE = 20;
/** What was said about an entity, on the entity's own page: the first few, then a link to the rest. */
const SAID_ON_ENTITY_PAGE = 5;
/** Where else a statement appeared, on its own page: the first few of its cluster, then a link to the rest. */
const ECHOES_ON_STATEMENT_PAGE = 6;
const MAX_CURSOR_LENGTH = 2048;
const MAX_QUERY_LENGTH = 100;
/** As the JSON API bounds ids (schemas/params.ts). */
const MAX_ID_BYTES = 256;
/** Enough for any article the parser accepts; a bound so a corrupt cursor chain cannot loop forever. */
const MAX_STATEMENT_PAGES = 100;

/** The speaker page's chart and most-named entities cover at most this many of their most recent statements. */
export const OVERVIEW_STATEMENTS = 200;
const OVERVIEW_PAGE = 100;

class PageError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** Read from the raw query string, as the JSON API does: a name given twice counts once, not comma-joined. */
function queryOf(event: APIGatewayProxyEventV2, name: string): string | undefined {
  return new URLSearchParams(event.rawQueryString ?? '').get(name) ?? undefined;
}

function cursorOf(event: APIGatewayProxyEventV2): string | undefined {
  const cursor = queryOf(event, 'cursor');
  if (cursor === undefined || cursor === '') return undefined;
  if (cursor.length > MAX_CURSOR_LENGTH) throw new PageError(400, 'That page link is not valid.');
  return cursor;
}

/** HTTP APIs hand over an already percent-decoded path, so the id is used as it comes. */
function idOf(event: APIGatewayProxyEventV2): string {
  return event.pathParameters?.id ?? '';
}

const pageFailuresLoggedTo = (logger: Logger) => (render: (event: APIGatewayProxyEventV2) => Promise<HtmlResult>) => {
  return async (event: APIGatewayProxyEventV2): Promise<HtmlResult> => {
    try {
      return await render(event);
    } catch (error) {
      if (error instanceof PageError) return htmlResponse(error.status, errorPage(error.status, error.message));
      if (error instanceof InvalidCursorError) {
        return htmlResponse(400, errorPage(400, 'That page link is not valid (it was changed or made for another list).'));
      }
      // Internals go to the log, never to the page.
      logger.error('web: page failed', { path: event.requestContext.http.path, error });
      return htmlResponse(500, errorPage(500, 'The page could not be shown. Please try again in a moment.'));
    }
  };
};

/** The statements after the first page, which came with the article. */
async function laterStatements(store: WebStore, articleId: string, cursor: string | null): Promise<StatementRecord[]> {
  const statements: StatementRecord[] = [];
  for (let pages = 1; cursor !== null && pages < MAX_STATEMENT_PAGES; pages += 1) {
    const page = await store.listArticleStatements(articleId, { limit: 100, cursor });
    statements.push(...page.items);
    cursor = page.nextCursor;
  }
  return statements;
}

/**
 * A speaker's most recent statements, up to OVERVIEW_STATEMENTS (pages of OVERVIEW_PAGE, so a speaker with
 * thousands costs two reads), and the records of the entities they name most (one read).
 */
async function speakerOverview(store: WebStore, speaker: string): Promise<SpeakerOverview> {
  const statements: StatementRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listStatements({ speaker, limit: OVERVIEW_PAGE, ...(cursor ? { cursor } : {}) });
    statements.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && statements.length < OVERVIEW_STATEMENTS);
  const recent = statements.slice(0, OVERVIEW_STATEMENTS);
  const entities = await store.getEntities(topEntities(recent).map(({ id }) => id));
  return { statements: recent, complete: cursor === null && recent.length === statements.length, entities };
}

export function webRoutes({ store, logger = new Logger({ serviceName: 'onrecord-api' }), now = () => new Date() }: WebDeps): WebRoute[] {
  const asPage = pageFailuresLoggedTo(logger);
  // Dated articles by publication date, the undated apart (see pages/home.ts for why).
  const home = asPage(async (event) => {
    const cursor = cursorOf(event);
    const page = cursor ? { cursor } : {};
    if (queryOf(event, 'undated') !== undefined) {
      return htmlResponse(200, undatedPage(await store.listArticles({ limit: PAGE_SIZE, dated: false, ...page }), !cursor));
    }
    const [dated, undated] = await Promise.all([
      store.listArticles({ limit: PAGE_SIZE, dated: true, ...page }),
      cursor ? null : store.listArticles({ limit: UNDATED_ON_HOME, dated: false }),
    ]);
    // The busiest of the 30 days up to the newest publication date (pages/home.ts says why): two more reads.
    const end = cursor ? null : busyWindowEnd(dated.items[0]?.metadata.publishedAt, now());
    const busiest = end ? await store.busiest({ to: end, days: BUSY_DAYS, limit: BUSY_SHOWN }) : null;
    return htmlResponse(200, homePage(dated, undated, !cursor, busiest));
  });

  const search = asPage(async (event) => {
    const query = (queryOf(event, 'q') ?? '').trim();
    if (query.length > MAX_QUERY_LENGTH) throw new PageError(400, `Search for at most ${MAX_QUERY_LENGTH} characters.`);
    const only = queryOf(event, 'in');
    if (only !== undefined && only !== 'speakers' && only !== 'entities') throw new PageError(400, 'Search in speakers or entities.');
    const cursor = only ? cursorOf(event) : undefined;
    const wanted = (kind: SearchKind) => query !== '' && (!only || only === kind);
    const pageQuery = { prefix: query, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const [speakers, entities] = await Promise.all([
      wanted('speakers') ? store.searchSpeakers(pageQuery) : null,
      wanted('entities') ? store.searchEntities(pageQuery) : null,
    ]);
    return htmlResponse(200, searchPage({ query, speakers, entities }));
  });

  const article = asPage(async (event) => {
    const read = await store.getArticleWithStatements(idOf(event), { limit: 100, withBody: true });
    if (!read) throw new PageError(404, 'There is no article with this id. It may have been deleted.');
    const { article: record, statements: first, body = null } = read;
    const later = await laterStatements(store, record.id, first.nextCursor);
    return htmlResponse(200, articlePage(record, [...first.items, ...later], body));
  });

  const speaker = asPage(async (event) => {
    const cursor = cursorOf(event);
    // `about`: only the statements whose words name this entity (the links under each statement).
    const aboutId = queryOf(event, 'about') || undefined;
    if (aboutId !== undefined && Buffer.byteLength(aboutId) > MAX_ID_BYTES) throw new PageError(400, 'That entity id is too long.');
    const [record, about] = await Promise.all([store.getSpeaker(idOf(event)), aboutId === undefined ? null : store.getEntity(aboutId)]);
    if (!record) throw new PageError(404, 'There is no speaker with this id.');
    if (aboutId !== undefined && !about) throw new PageError(404, 'There is no person, organisation or place with this id.');
    const [statements, overview] = await Promise.all([
      store.listStatements({ speaker: record.id, limit: PAGE_SIZE, ...(about ? { about: about.id } : {}), ...(cursor ? { cursor } : {}) }),
      // The chart and the entities named most head the first page of the whole timeline only.
      cursor || about ? null : speakerOverview(store, record.id),
    ]);
    return htmlResponse(200, speakerPage(record, statements, !cursor, about, overview));
  });

  const statement = asPage(async (event) => {
    const read = await store.getStatement(idOf(event));
    if (!read) throw new PageError(404, 'There is no statement with this id. Its article may have been deleted or parsed again.');
    const { cluster } = read.statement;
    const echoes = cluster ? await store.getCluster(cluster.id, { order: 'oldest', limit: ECHOES_ON_STATEMENT_PAGE }) : null;
    return htmlResponse(200, statementPage(read, echoes));
  });

  const cluster = asPage(async (event) => {
    const cursor = cursorOf(event);
    const order = queryOf(event, 'order') === 'newest' ? 'newest' : 'oldest';
    const read = await store.getCluster(idOf(event), { order, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    if (!read) throw new PageError(404, 'No statement of this cluster is on record now: their articles may have been deleted.');
    return htmlResponse(200, clusterPage(read, order, !cursor));
  });

  const entity = asPage(async (event) => {
    const cursor = cursorOf(event);
    const record = await store.getEntity(idOf(event));
    if (!record) throw new PageError(404, 'There is no person, organisation or place with this id.');
    const [articles, said] = await Promise.all([
      store.listEntityArticles(record.id, { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
      // What was said about it: the first few on the entity's first page, the rest on a page of their own.
      cursor ? null : store.listEntityStatements({ id: record.id, limit: SAID_ON_ENTITY_PAGE }),
    ]);
    return htmlResponse(200, entityPage(record, articles, !cursor, said));
  });

  const entityStatements = asPage(async (event) => {
    const cursor = cursorOf(event);
    const record = await store.getEntity(idOf(event));
    if (!record) throw new PageError(404, 'There is no person, organisation or place with this id.');
    const said = await store.listEntityStatements({ id: record.id, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    return htmlResponse(200, entityStatementsPage(record, said, !cursor));
  });

  const ingestions = asPage(async (event) => {
    const cursor = cursorOf(event);
    const records = await store.listIngestions({ limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    return htmlResponse(200, ingestionsPage(records, !cursor));
  });

  return [
    { method: 'GET', path: '/', handler: home },
    { method: 'GET', path: '/search', handler: search },
    { method: 'GET', path: '/view/articles/{id}', handler: article },
    { method: 'GET', path: '/view/speakers/{id}', handler: speaker },
    { method: 'GET', path: '/view/statements/{id}', handler: statement },
    { method: 'GET', path: '/view/clusters/{id}', handler: cluster },
    { method: 'GET', path: '/view/entities/{id}', handler: entity },
    { method: 'GET', path: '/view/entities/{id}/statements', handler: entityStatements },
    { method: 'GET', path: '/view/ingestions', handler: ingestions },
  ];
}
