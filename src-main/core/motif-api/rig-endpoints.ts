import type { WireValue } from '../python-json';
import { pathFor, type PathParams } from './operation-paths';
import { OPERATIONS, type BodyOf, type OperationName, type ResultOf } from './operation-table';
import { RigCallError } from './rig-call-error';

export interface CallOptions {
  /** Response timeout for this call; the client's default otherwise. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Which camera (none: the whole rig) and which path parameters an operation addresses. */
export interface OperationTarget {
  serial?: string;
  params?: PathParams;
}

/**
 * Every operation of the table over the generic `call`: the path built and checked from the
 * table, the body as the table types it, the answer checked against the table's result schema.
 */
export abstract class RigEndpoints {
  /** The vendor client's `call(path, **kwargs)`: any endpoint, including ones newer than the table. */
  abstract call(path: string, args?: object, options?: CallOptions): Promise<WireValue>;

  /** "host:port", as messages name the rig. */
  abstract readonly rigLabel: string;

  /** When the rig's pinned certificate expired (ISO time), once seen on a connection; null while it is valid or unseen. */
  certificateExpiredAt(): string | null {
    return null;
  }

  /** How long an idle connection to the rig stays open for the next request; null when unknown. */
  idleConnectionMs(): number | null {
    return null;
  }

  async invoke<N extends OperationName>(
    name: N,
    target: OperationTarget = {},
    body?: BodyOf<N>,
    options?: CallOptions,
  ): Promise<ResultOf<N>> {
    const path = pathFor(name, target.serial, target.params);
    const answer = await this.call(path, body, options);
    const checked = OPERATIONS[name].result.safeParse(answer);
    if (!checked.success) {
      throw new RigCallError(
        'rig-bad-response',
        `The rig at ${this.rigLabel} answered ${path} with JSON of an unexpected shape (${checked.error.issues[0]?.message ?? 'unknown'}).`,
        { rig: this.rigLabel, endpoint: path },
      );
    }
    // zod's output type for the entry is exactly ResultOf<N>; TypeScript cannot see through the index.
    return checked.data as ResultOf<N>;
  }
}
