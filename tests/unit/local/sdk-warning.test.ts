import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The CLIs do not print the AWS SDK's 8-line Node version warning. The test environment silences it too
 * (vitest.config.ts), so the child runs without that variable, as a user's shell would.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;
const CLIS = ['start', 'demo', 'upload', 'reprocess', 'reconcile'];

describe('the AWS SDK Node version warning in the CLIs', () => {
  it('every CLI script preloads the module that silences it', () => {
    for (const cli of CLIS) expect(scripts[cli], cli).toMatch(/--import \.\/local\/quiet-sdk-warning\.mjs /);
  });

  it('`npm run upload` makes an S3 client without printing it', async () => {
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _silenced, ...userEnvironment } = process.env;
    const failure = await promisify(execFile)('npm', ['run', '--silent', 'upload', '--', 'no-such-file.txt'], {
      cwd: root,
      env: { ...userEnvironment, INIT_CWD: root, S3_ENDPOINT: 'http://localhost:1' },
      timeout: 20_000,
    }).then(
      () => undefined,
      (error: { stderr: string }) => error,
    );
    expect(failure?.stderr).toMatch(/^failed to upload no-such-file\.txt: ENOENT/);
    expect(failure?.stderr).not.toMatch(/NodeVersionSupportWarning|AWS SDK/);
  });
});
