import { articleId } from '../model/ids.ts';
import type { ParsedArticle } from '../model/parsed.ts';
import type { DecodedText } from './decode.ts';
import { RejectedInput } from './errors.ts';
import type { FormatHint } from './formats/detect.ts';
import { buildMetadata } from './metadata/index.ts';
import type { SourceArticle } from './source.ts';
import { extractStatements } from './statements/index.ts';

/**
 * Longest article text read, in characters: about 80,000 words, far past any news feature. The object
 * limit (5 MB) is for what arrives, markup included; past this, text is not an article but a dump, and
 * reading it would hold a Lambda for seconds (the extractors are linear, not free).
 */
export const MAX_BODY_CHARS = 512 * 1024;

/** The articles a format reader found in an object → parsed articles: metadata and statements of each. */
export function parseSources(sources: SourceArticle[], decoded: DecodedText, hint: FormatHint): ParsedArticle[] {
  return sources.map((source, index) => {
    if (source.body.trim() === '') {
      throw new RejectedInput('no-body', `article ${index} has no body text`);
    }
    if (source.body.length > MAX_BODY_CHARS) {
      throw new RejectedInput('too-large', `article ${index} has ${source.body.length} characters of text, more than the ${MAX_BODY_CHARS} an article may have`);
    }
    const metadata = buildMetadata(source, [...decoded.warnings]);
    const statements = extractStatements(source.body, { entities: metadata.entities });
    return { id: articleId(hint.key, index), metadata, body: source.body, statements };
  });
}
