import type { ArticleReader } from '../../../../shared/store/port.ts';
import { memoryReader } from '../../../support/memory-reader.ts';
import * as records from './records.ts';

/** The in-memory reader over the API tests' records. */
export const fakeStore = (): ArticleReader => memoryReader(records);
