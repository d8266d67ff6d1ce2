import { Validations, type Acknowledgment } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { synthesize } from './onrecord-app.ts';

/**
 * Every cdk-nag acknowledgement must be needed: without it, the finding it silences comes back. Each is
 * dropped in turn (at the call that makes it) from an otherwise identical synth of the default (dev,
 * auth=none) app, where every acknowledgement the stack can make is made.
 */
interface Made {
  path: string;
  id: string;
}

const original = Validations.prototype.acknowledge;
const scopeOf = (validations: Validations) => (validations as unknown as { scope: IConstruct }).scope;

function acknowledgementsMade(): Made[] {
  const made: Made[] = [];
  vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (this: Validations, ...rules: Acknowledgment[]) {
    for (const rule of rules) made.push({ path: scopeOf(this).node.path, id: rule.id });
    original.apply(this, rules);
  });
  synthesize();
  vi.restoreAllMocks();
  return made;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const made = acknowledgementsMade();

describe('cdk-nag acknowledgements', () => {
  it('are made', () => {
    expect(made.length).toBeGreaterThan(3);
  });

  it.each(made.map((entry) => [`${entry.id} on ${entry.path}`, entry] as const))('%s is needed: without it the finding is back', (_name, dropped) => {
    vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (this: Validations, ...rules: Acknowledgment[]) {
      const path = scopeOf(this).node.path;
      original.apply(this, rules.filter((rule) => !(path === dropped.path && rule.id === dropped.id)));
    });
    // The cdk-nag plugin fails the synth on an unacknowledged finding, naming the rule and the resource.
    const rule = dropped.id.replace(/\[.*$/, '');
    let failure = '';
    try {
      synthesize();
    } catch (error) {
      failure = String(error);
    }
    expect(failure).toContain(`AwsSolutions::${rule}`);
    expect(failure).toContain(`${dropped.path}/`);
  });
});
