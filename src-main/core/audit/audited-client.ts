import { methodFor, normalizeEndpoint } from '../motif-api/operation-paths';
import { toMotifError } from '../errors';
import { MotifClient, type MotifClientOptions } from '../motif-api/motif-client';
import type { CallOptions } from '../motif-api/rig-endpoints';
import type { WireValue } from '../python-json';
import type { AuditLog, CommandRecord } from './audit-log';

/** Who a client talks to, as the audit names it; read at each call so a rename shows. */
export type AuditTarget = () => { rigId: string; rigName: string };
export type CommandSink = (record: CommandRecord) => void;
/** Told each read's answer (GET), with the rig: what the outbox compares queued changes with is kept from it. */
export type ReadSink = (rigId: string, endpoint: string, answer: WireValue) => void;

/**
 * A `MotifClient` that reports every command (any non-GET call) with its outcome and
 * duration. `call` is the one path all typed helpers take, so nothing goes around it.
 * GET reads (the status monitor's polls) are not reported; their answers go to `reads`.
 */
export class AuditedMotifClient extends MotifClient {
  readonly #target: AuditTarget;
  readonly #sink: CommandSink;
  readonly #secretValues: readonly string[];
  readonly #reads: ReadSink | undefined;

  constructor(options: MotifClientOptions, target: AuditTarget, sink: CommandSink, reads?: ReadSink) {
    super(options);
    this.#target = target;
    this.#sink = sink;
    this.#secretValues = [options.apiKey];
    this.#reads = reads;
  }

  override async call(path: string, args?: object, options?: CallOptions): Promise<WireValue> {
    const endpoint = normalizeEndpoint(path);
    const method = methodFor(endpoint);
    if (method === 'GET') {
      const answer = await super.call(path, args, options);
      try {
        this.#reads?.(this.#target().rigId, endpoint, answer);
      } catch {
        // Keeping what was seen must never change the read's outcome.
      }
      return answer;
    }
    const startedAtMs = Date.now();
    const started = performance.now();
    const report = (error: CommandRecord['error']) => {
      try {
        this.#sink({ ...this.#target(), endpoint, method, args, startedAtMs, durationMs: performance.now() - started, error, secretValues: this.#secretValues });
      } catch {
        // The record must never change the command's outcome.
      }
    };
    try {
      const result = await super.call(path, args, options);
      report(null);
      return result;
    } catch (e) {
      const { code, message } = toMotifError(e);
      report({ code, message });
      throw e;
    }
  }
}

/** Clients for the connector that write every command to `log` (and tell `reads` what they read). */
export function auditedClientFactory(log: AuditLog, reads?: ReadSink) {
  return (options: MotifClientOptions, rig: { id: string; name: string } | (() => { id: string; name: string })): MotifClient => {
    const describe = typeof rig === 'function' ? rig : () => rig;
    return new AuditedMotifClient(
      options,
      () => {
        const r = describe();
        return { rigId: r.id, rigName: r.name };
      },
      (record) => void log.record(record),
      reads,
    );
  };
}
