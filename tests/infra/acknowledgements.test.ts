import { Validations, type Acknowledgment } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { synthesize } from './onrecord-app.ts';

/**
 * Every cdk-nag acknowledgement must be needed: without it, the finding it silences comes back. Each is
 * dropped in turn (at the call that makes it) from an otherwise identical synth: of the default app (dev,
 * auth=none), of one with auth on, and of a public one behind the per-client rate limit, which between them make
 * every acknowledgement the stack can make.
 */
interface Made {
  context: Record<string, unknown>;
  path: string;
  id: string;
}

const CONTEXTS: Record<string, unknown>[] = [{}, { auth: 'iam' }, { account: '123456789012', region: 'eu-west-1', perClientLimit: '1000' }];

const original = Validations.prototype.acknowledge;
const scopeOf = (validations: Validations) => (validations as unknown as { scope: IConstruct }).scope;

function acknowledgementsMade(context: Record<string, unknown>): Made[] {
  const made: Made[] = [];
  vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (this: Validations, ...rules: Acknowledgment[]) {
    for (const rule of rules) made.push({ context, path: scopeOf(this).node.path, id: rule.id });
    original.apply(this, rules);
  });
  synthesize(context);
  vi.restoreAllMocks();
  return made;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const made = CONTEXTS.flatMap(acknowledgementsMade).filter(
  (entry, index, all) => all.findIndex((other) => other.path === entry.path && other.id === entry.id) === index,
);

describe('cdk-nag acknowledgements', () => {
  it('are made', () => {
    expect(made.length).toBeGreaterThan(3);
  });

  it.each(made.map((entry) => [`${entry.id} on ${entry.path} (${JSON.stringify(entry.context)})`, entry] as const))('%s is needed: without it the finding is back', (_name, dropped) => {
    vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (this: Validations, ...rules: Acknowledgment[]) {
      const path = scopeOf(this).node.path;
      original.apply(this, rules.filter((rule) => !(path === dropped.path && rule.id === dropped.id)));
    });
    // The cdk-nag plugin fails the synth on an unacknowledged finding, naming the rule and the resource.
    const rule = dropped.id.replace(/\[.*$/, '');
    let failure = '';
    try {
      synthesize(dropped.context);
    } catch (error) {
      failure = String(error);
    }
    expect(failure).toContain(`AwsSolutions::${rule}`);
    expect(failure).toContain(`${dropped.path}/`);
  });
});
