import type { z } from 'zod';
import { fail, ok, type Result } from '../contract/errors';
import { requests, type Args, type ParsedArgs, type RequestName, type Res } from '../contract/requests';
import { toMotifError } from './errors';
import type { Logger } from './logger';
import { issueWords } from './issue-words';

export type Handlers = {
  [N in RequestName]: (args: ParsedArgs<N>) => Promise<Result<Res<N>>>;
};

/** The only way into the core from any transport: name -> validate -> handler -> Result. */
export type Dispatch = (name: unknown, rawArgs: unknown) => Promise<Result<unknown>>;

/** The dispatch for in-process transports (the CLI, the tray): typed by the contract, no casts at the caller. */
export type Caller = <N extends RequestName>(name: N, args: Args<N>) => Promise<Result<Res<N>>>;

export interface DispatchOptions {
  /**
   * Check each answer against the contract's result schema, so a handler cannot drift from
   * the contract silently. On in tests and development builds; off in packaged builds.
   */
  checkResults?: boolean;
}

const developing = () => process.env.NODE_ENV !== 'production';

type Issue = { path: string[]; message: string };
const deepest = (issues: readonly z.core.$ZodIssue[]) => Math.max(0, ...issues.map((i) => i.path.length));

/**
 * Each problem with its path. A union that failed is said through the option that got
 * furthest (a protocol given whole is judged as a protocol, field by field, not as "Invalid
 * input" at `ref`); when options tie, the union's own message stands.
 */
export function argumentIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly string[] = []): Issue[] {
  return issues.flatMap((i): Issue[] => {
    const path = [...prefix, ...i.path.map(String)];
    if (i.code === 'invalid_union' && i.errors.length > 0) {
      const depths = i.errors.map(deepest);
      const best = Math.max(...depths);
      const options = i.errors.filter((_, k) => depths[k] === best);
      if (best > 0 && options.length === 1 && options[0]) return argumentIssues(options[0], path);
    }
    return [{ path, message: i.message }];
  });
}

/**
 * `handlers` may cover part of the contract (the CLI serves only what it needs); a request
 * without a handler is refused like an unknown one.
 */
export function makeDispatch(handlers: Partial<Handlers>, log: Logger, options: DispatchOptions = {}): Dispatch {
  const checkResults = options.checkResults ?? developing();
  return async (name, rawArgs) => {
    // hasOwn, not `in`: 'toString' must not pass for a request.
    if (typeof name !== 'string' || !Object.hasOwn(requests, name)) {
      return fail('unknown-request', `There is no request named ${JSON.stringify(String(name))}.`);
    }
    const n = name as RequestName;
    const handler = handlers[n] as ((args: unknown) => Promise<Result<unknown>>) | undefined;
    if (!handler) return fail('unknown-request', `${n} is not available here.`);
    const parsed = requests[n].args.safeParse(rawArgs ?? {}, { error: issueWords });
    if (!parsed.success) {
      const issues = argumentIssues(parsed.error.issues);
      const first = issues[0];
      const where = first && first.path.length > 0 ? ` (${first.path.join('.')}: ${first.message})` : first ? ` (${first.message})` : '';
      return fail('invalid-args', `Bad arguments for ${n}${where}.`, { issues });
    }
    let result: Result<unknown>;
    try {
      // TypeScript cannot tie `n` to its own argument type; the schema just did.
      result = await handler(parsed.data);
    } catch (e: unknown) {
      // One mapper for every failure: coded errors keep their words, the rest is 'internal'.
      const error = toMotifError(e);
      if (error.code !== 'internal') return { ok: false, error };
      log.error(`request ${n} failed`, e); // the stack stays in main's log; the renderer gets a code
      return fail('internal', `${n} failed unexpectedly. See the application log for details.`);
    }
    if (checkResults && result.ok) {
      const checked = requests[n].result.safeParse(result.value);
      if (!checked.success) {
        log.error(`request ${n} answered outside its contract`, checked.error.issues);
        return fail('internal', `${n} answered outside its contract: ${checked.error.issues[0]?.message ?? ''} at ${checked.error.issues[0]?.path.join('.') ?? ''}.`);
      }
    }
    return result;
  };
}

/** A typed caller over a dispatch: the answer is parsed by the contract, so its type is the contract's. */
export function makeCaller(dispatch: Dispatch): Caller {
  return async <N extends RequestName>(name: N, args: Args<N>): Promise<Result<Res<N>>> => {
    const result = await dispatch(name, args);
    if (!result.ok) return result;
    // The contract's entry for N, whose output type is Res<N>; TypeScript cannot follow the index.
    const schema = requests[name].result as unknown as z.ZodType<Res<N>>;
    const checked = schema.safeParse(result.value);
    if (checked.success) return ok(checked.data);
    return fail('internal', `${name} answered outside its contract (${checked.error.issues[0]?.message ?? ''}).`);
  };
}
