import type { AnyEndpoint } from '../endpoint.ts';
import { getArticle, listArticles, listArticleStatements } from './articles.ts';
import { getEntity, listEntityArticles, listEntityStatements, searchEntities } from './entities.ts';
import { health } from './health.ts';
import { getIngestion, listIngestions } from './ingestions.ts';
import { getSpeaker, searchSpeakers } from './speakers.ts';
import { getCluster, getStatement, listStatements } from './statements.ts';

/** Every JSON operation except /openapi.json, which describes these (see openapi.ts). */
export const DATA_ENDPOINTS: readonly AnyEndpoint[] = [
  health,
  listArticles,
  getArticle,
  listArticleStatements,
  listStatements,
  getStatement,
  getCluster,
  searchSpeakers,
  getSpeaker,
  searchEntities,
  getEntity,
  listEntityArticles,
  listEntityStatements,
  listIngestions,
  getIngestion,
];
