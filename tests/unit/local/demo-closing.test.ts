import { describe, expect, it } from 'vitest';
import { demoClosingMessage } from '../../../local/cli.ts';

const API = 'http://localhost:3000';

describe('what the demo says last', () => {
  it('offers curl commands while the API still answers: `npm start` was running, or --keep', () => {
    for (const run of [{ startedByDemo: false, keep: false }, { startedByDemo: false, keep: true }, { startedByDemo: true, keep: true }]) {
      expect(demoClosingMessage(run, API), JSON.stringify(run)).toContain(`curl ${API}/articles`);
    }
  });

  it('offers no curl after stopping its own pipeline, and says how to keep one running', () => {
    const message = demoClosingMessage({ startedByDemo: true, keep: false }, API);
    expect(message).not.toContain('curl');
    expect(message).toContain('npm start');
    expect(message).toContain('--keep');
  });
});
