import type { ParsedArticle } from '../model/parsed.ts';
import { parseSources } from './articles.ts';
import { decodeText } from './decode.ts';
import type { FormatHint } from './formats/detect.ts';
import { readArticlesOnDemand } from './formats/on-demand.ts';

/**
 * parseDocument (index.ts), with the object's format reader imported when that format first arrives: what the
 * ingest function runs, so that its cold start compiles the HTML and YAML readers only for an object that
 * needs them (infra/bundle.ts puts what is imported dynamically in chunks of its own).
 */
export async function parseDocumentOnDemand(bytes: Uint8Array, hint: FormatHint): Promise<ParsedArticle[]> {
  const decoded = decodeText(bytes);
  return parseSources(await readArticlesOnDemand(decoded.text, hint), decoded, hint);
}
