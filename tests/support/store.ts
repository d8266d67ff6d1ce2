import type { ArticleReader, ArticleWriter } from '../../shared/store/port.ts';
import { DynamoArticleReader, type ReaderOptions } from '../../shared/store/dynamodb/reader.ts';
import { DynamoArticleWriter, type WriterOptions } from '../../shared/store/dynamodb/writer.ts';

/** Both ports over one table, for tests that write and then read back. */
export type TestStore = ArticleReader & ArticleWriter;

/** The reader with the writer's three methods bound onto it: one object for a test to call. */
export function readerAndWriter(options: ReaderOptions & WriterOptions): TestStore {
  const writer = new DynamoArticleWriter(options);
  return Object.assign(new DynamoArticleReader(options), {
    saveArticles: writer.saveArticles.bind(writer),
    recordRejection: writer.recordRejection.bind(writer),
    deleteSource: writer.deleteSource.bind(writer),
  });
}
