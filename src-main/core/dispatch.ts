import { fail, type Result } from '../contract/errors';
import { requests, type ParsedArgs, type RequestName, type Res } from '../contract/requests';
import type { Logger } from './logger';

export type Handlers = {
  [N in RequestName]: (args: ParsedArgs<N>) => Promise<Result<Res<N>>>;
};

/** The only way into the core from any transport: name -> validate -> handler -> Result. */
export type Dispatch = (name: unknown, rawArgs: unknown) => Promise<Result<unknown>>;

export function makeDispatch(handlers: Handlers, log: Logger): Dispatch {
  return async (name, rawArgs) => {
    // hasOwn, not `in`: 'toString' must not pass for a request.
    if (typeof name !== 'string' || !Object.hasOwn(requests, name)) {
      return fail('unknown-request', `There is no request named ${JSON.stringify(String(name))}.`);
    }
    const n = name as RequestName;
    const parsed = requests[n].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }));
      const first = issues[0];
      const where = first && first.path.length > 0 ? ` (${first.path.join('.')}: ${first.message})` : '';
      return fail('invalid-args', `Bad arguments for ${n}${where}.`, { issues });
    }
    try {
      // TypeScript cannot tie `n` to its own argument type; the schema just did.
      const handler = handlers[n] as (args: unknown) => Promise<Result<unknown>>;
      return await handler(parsed.data);
    } catch (e: unknown) {
      log.error(`request ${n} failed`, e); // the stack stays in main's log; the renderer gets a code
      return fail('internal', `${n} failed unexpectedly. See the application log for details.`);
    }
  };
}
