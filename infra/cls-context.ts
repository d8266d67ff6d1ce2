/**
 * Stands in for `cls-hooked/context` in the bundles (infra/bundle.ts aliases it here): the context store under
 * the X-Ray SDK, which the tracer imports. cls-hooked follows context with an async hook that sees every
 * promise and timer the process creates, with a map entry per live one, from the moment it is imported,
 * traced or not: a warm article took 229 ms of CPU with it and 196 without in a side experiment, and the API's
 * warm requests took 0.61–0.80 of the CPU without it (BENCHMARKS.md, beside 0cbf909). This is the same
 * namespace API over AsyncLocalStorage, which Node carries along without a hook (on Node 24, in the async
 * context frame), as the X-Ray SDK's maintainers suggested doing (aws/aws-xray-sdk-node#338).
 *
 * What the SDK relies on, and how it is kept:
 * - `enter(context)` outside any `run`: on Lambda the SDK enters a context holding its facade segment when it
 *   loads, and every later invocation must see it. cls-hooked makes an entered context the one every async
 *   resource created afterwards records, so the runtime's next invocation inherits it. AsyncLocalStorage's
 *   `enterWith` reaches only what the importing code goes on to create, not the runtime's own loop, so a
 *   context entered outside `run` is the fallback wherever no `run` is active.
 * - `run(fn)`: a child of the active context for `fn` and everything it starts (`captureAsyncFunc`, the SDK
 *   client patch): `AsyncLocalStorage.run`.
 * - `bind(fn, context)`: `fn` runs in that context whenever it is called (the promise patcher).
 * - `get`/`set` read and write the active context; `set` with none fails, as cls-hooked's does.
 * Not kept, as the SDK uses none of them: an `enter` inside a `run` takes effect only outside it (cls-hooked
 * makes it active at once); `bindEmitter`, `runPromise` and `reset`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const ERROR_SYMBOL = 'error@context';

type Context = Record<string | symbol, unknown>;

class Namespace {
  readonly #storage = new AsyncLocalStorage<Context>();
  /** Contexts entered outside `run`, innermost last: what is active where no `run` is. */
  readonly #entered: Context[] = [];

  constructor(readonly name: string) {}

  get active(): Context | null {
    return this.#storage.getStore() ?? this.#entered.at(-1) ?? null;
  }

  get(key: string): unknown {
    return this.active?.[key];
  }

  set<T>(key: string, value: T): T {
    const context = this.active;
    if (!context) throw new Error('No context available. ns.run() or ns.bind() must be called first.');
    context[key] = value;
    return value;
  }

  /** A child of the active context: it sees what the parent holds, and what it sets stays its own. */
  createContext(): Context {
    const context = Object.create(this.active ?? Object.prototype) as Context;
    context._ns_name = this.name;
    return context;
  }

  run(fn: (context: Context) => void): Context {
    const context = this.createContext();
    this.#within(context, () => fn(context));
    return context;
  }

  runAndReturn<T>(fn: (context: Context) => T): T {
    const context = this.createContext();
    return this.#within(context, () => fn(context));
  }

  bind<A extends unknown[], R>(fn: (this: unknown, ...args: A) => R, context?: Context): (this: unknown, ...args: A) => R {
    const bound = context ?? this.active ?? this.createContext();
    const within = this.#within.bind(this);
    return function (this: unknown, ...args: A) {
      return within(bound, () => fn.apply(this, args));
    };
  }

  enter(context: Context): void {
    if (!context) throw new Error('context must be provided for entering');
    this.#entered.push(context);
  }

  exit(context: Context): void {
    const index = this.#entered.lastIndexOf(context);
    if (index < 0) throw new Error('context not currently entered; can\'t exit');
    this.#entered.splice(index, 1);
  }

  /** The context an error thrown inside `run` or a bound function came out of. */
  fromException(exception: unknown): Context | undefined {
    return (exception as Context | undefined)?.[ERROR_SYMBOL] as Context | undefined;
  }

  #within<T>(context: Context, fn: () => T): T {
    try {
      return this.#storage.run(context, fn);
    } catch (error) {
      throw withContext(error, context);
    }
  }
}

/** cls-hooked marks an error with the context it was thrown in. */
function withContext(error: unknown, context: Context): unknown {
  if (error !== null && typeof error === 'object') (error as Context)[ERROR_SYMBOL] = context;
  return error;
}

const namespaces = new Map<string, Namespace>();

export function getNamespace(name: string): Namespace | undefined {
  return namespaces.get(name);
}

export function createNamespace(name: string): Namespace {
  if (!name) throw new Error('namespace must be given a name.');
  const namespace = new Namespace(name);
  namespaces.set(name, namespace);
  return namespace;
}

export function destroyNamespace(name: string): void {
  if (!namespaces.delete(name)) throw new Error(`can't delete nonexistent namespace! "${name}"`);
}
