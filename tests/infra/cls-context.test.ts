/**
 * infra/cls-context.ts against cls-hooked itself: the same namespace calls, side by side, must see the same
 * values, through timers, promises and concurrent `run`s, as the X-Ray SDK uses them (an entered context at
 * load, `run` per captured call, `bind`). tests/infra/tracing-context.test.ts checks the whole tracer on it.
 */
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import * as standIn from '../../infra/cls-context.ts';

type Context = Record<string, unknown>;
interface Namespace {
  active: Context | null;
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  createContext(): Context;
  run(fn: (context: Context) => void): Context;
  runAndReturn<T>(fn: (context: Context) => T): T;
  bind<F extends (...args: never[]) => unknown>(fn: F, context?: Context): F;
  enter(context: Context): void;
  exit(context: Context): void;
  fromException(error: unknown): Context | undefined;
}
interface Cls {
  createNamespace(name: string): Namespace;
  getNamespace(name: string): Namespace | undefined;
  destroyNamespace(name: string): void;
}

const clsHooked = createRequire(import.meta.url)('cls-hooked/context') as Cls;
const implementations: [string, Cls][] = [
  ['cls-hooked', clsHooked],
  ['the stand-in', standIn as unknown as Cls],
];

let namespaces = 0;

describe.each(implementations)('%s', (_name, cls) => {
  /** A fresh namespace with a context entered, as the X-Ray SDK enters its facade's on Lambda. */
  function entered(ns = cls.createNamespace(`test-${namespaces++}`)): { ns: Namespace; root: Context; done(): void } {
    const root = ns.createContext();
    ns.enter(root);
    ns.set('segment', 'facade');
    return {
      ns,
      root,
      done() {
        ns.exit(root);
        cls.destroyNamespace((root as { _ns_name: string })._ns_name);
      },
    };
  }

  it('has no context until one is entered: get finds nothing, set fails', () => {
    const ns = cls.createNamespace(`test-${namespaces++}`);
    expect(ns.get('segment')).toBeUndefined();
    expect(() => ns.set('segment', 'x')).toThrow(/No context available/);
    expect(cls.getNamespace('no-such-namespace')).toBeFalsy();
  });

  it('shows an entered context to a loop that was already waiting when it was entered, as the Lambda runtime is', async () => {
    // On Lambda the runtime's loop runs before the function's module loads and enters the facade's context.
    const ns = cls.createNamespace(`test-${namespaces++}`);
    let invoke = () => {};
    const invoked = new Promise<void>((resolve) => (invoke = resolve));
    const runtimeLoop = (async () => {
      await invoked;
      const first = ns.get('segment');
      ns.set('segment', 'handler');
      await sleep(1);
      return [first, ns.get('segment')];
    })();
    const { done } = entered(ns);
    try {
      invoke();
      expect(await runtimeLoop).toEqual(['facade', 'handler']);
      expect(await Promise.resolve().then(() => ns.get('segment'))).toBe('handler');
    } finally {
      done();
    }
  });

  it('gives run a child context: it reads the parent, and what it sets stays inside, through its awaits', async () => {
    const { ns, done } = entered();
    try {
      let later: Promise<unknown> = Promise.resolve();
      const context = ns.run(() => {
        expect(ns.get('segment')).toBe('facade');
        ns.set('segment', 'call');
        later = sleep(2).then(() => ns.get('segment'));
      });
      expect(context.segment).toBe('call');
      expect(ns.get('segment')).toBe('facade');
      expect(await later).toBe('call');
      expect(ns.runAndReturn(() => ns.get('segment'))).toBe('facade');
    } finally {
      done();
    }
  });

  it('keeps concurrent runs apart', async () => {
    const { ns, done } = entered();
    try {
      const seen = await Promise.all(
        ['a', 'b', 'c'].map(
          (segment, i) =>
            new Promise((resolve) => {
              ns.run(() => {
                ns.set('segment', segment);
                void sleep(3 - i).then(async () => {
                  await sleep(i);
                  resolve(ns.get('segment'));
                });
              });
            }),
        ),
      );
      expect(seen).toEqual(['a', 'b', 'c']);
      expect(ns.get('segment')).toBe('facade');
    } finally {
      done();
    }
  });

  it('runs a bound function in the context it was bound in, wherever it is called', () => {
    const { ns, done } = entered();
    try {
      let bound = () => ns.get('segment');
      ns.run(() => {
        ns.set('segment', 'bound');
        bound = ns.bind(() => ns.get('segment'));
      });
      expect(bound()).toBe('bound');
      expect(ns.get('segment')).toBe('facade');
    } finally {
      done();
    }
  });

  it('marks an error thrown inside run with the context it came out of', () => {
    const { ns, done } = entered();
    try {
      let thrown: unknown;
      let inner: Context | undefined;
      try {
        ns.run((context) => {
          inner = context;
          throw new Error('inside');
        });
      } catch (error) {
        thrown = error;
      }
      expect(ns.fromException(thrown)).toBe(inner);
      expect(ns.get('segment')).toBe('facade');
    } finally {
      done();
    }
  });
});
