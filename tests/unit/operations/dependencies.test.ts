import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };

describe('Powertools', () => {
  it('pins every Powertools package to one version, so the bundles carry one copy of its commons', () => {
    const versions = Object.entries(manifest.dependencies).filter(([name]) => name.startsWith('@aws-lambda-powertools/'));
    expect(versions.length).toBeGreaterThanOrEqual(4);
    expect(new Set(versions.map(([, version]) => version)).size).toBe(1);
  });
});
