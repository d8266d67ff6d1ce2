import { parseArgs } from 'node:util';
import { DEFAULT_PORTS } from '../local/settings.ts';
import { createDocumentClient } from '../shared/store/dynamodb/client.ts';
import { migrate, recordFormat, STORE_FORMAT, storedFormat, type MigrationProgress } from '../shared/store/dynamodb/store-format.ts';
import { stackOutputs } from './stack-outputs.ts';

/**
 * `npm run migrate [-- --stack NAME]`
 *
 * Moves the table to the current store format (shared/store/dynamodb/store-format.ts says what changed and
 * why it is safe while ingesting and safe to repeat): index entries to their shards (format 1 → 2),
 * speaker and entity items to share items and bounded summaries (format 2 → 3), and name items,
 * mentions and about items to their lists (format 3 → 4). Without --stack: the local pipeline's table (`npm start`
 * running, or `.data/` of a stopped one: start it first); with --stack: the deployed stack's TableName
 * output, with your usual AWS credentials. Deploy the new code first, then migrate: until then, lists read by the new code miss
 * the entries the old layout holds (format 1), speakers and entities of the old layout are converted only
 * as new articles name them (format 2), and name searches and entities' lists of articles and
 * statements find only what was stored since (format 3).
 */
const { values } = parseArgs({ options: { stack: { type: 'string' } } });

async function main(): Promise<number> {
  const local = !values.stack;
  // The emulator needs a region but no AWS profile (the client gives it fixed credentials).
  if (local) process.env.AWS_REGION ??= 'us-east-1';
  const tableName = values.stack ? (await stackOutputs(values.stack, ['TableName'])).TableName : process.env.TABLE_NAME || 'onrecord';
  const endpoint = local ? `http://localhost:${process.env.DYNAMODB_PORT || DEFAULT_PORTS.dynamo}` : undefined;
  const table = { client: createDocumentClient(endpoint), tableName };

  const format = await storedFormat(table);
  if (format >= STORE_FORMAT) {
    // Recorded, so that the next look at the format is one read, not the Scans that found nothing older
    // (a newer format, of a newer release, is left as it is).
    if (format === STORE_FORMAT) await recordFormat(table);
    console.log(`table ${tableName}: already store format ${format}; nothing to do`);
    return 0;
  }
  console.log(`table ${tableName}: store format ${format} → ${STORE_FORMAT}`);
  const describe = ({ moved, converted, names, mentions, about }: MigrationProgress) =>
    `${moved} index entries moved, ${converted} speakers and entities converted, ${names} name items, ${mentions} mentions and ${about} about items moved`;
  const done = await migrate(table, (progress) => process.stdout.write(process.stdout.isTTY ? `\r${describe(progress)}` : '.'));
  console.log(`\ndone: ${describe(done)}; table ${tableName} is store format ${STORE_FORMAT}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
    console.error(refused ? 'nothing answers on the local DynamoDB port; is `npm start` running?' : error);
    process.exit(1);
  },
);
