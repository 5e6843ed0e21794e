/**
 * Injected faults. String form (for --fault and /_sim/fault):
 *   latency=MS | reset | http500[=MESSAGE] | garbage | hang | offline
 * with an optional endpoint filter suffix "@REGEX" matched against the endpoint
 * ("recording/start", "camera/FAKE0", "version"), e.g. "http500@recording/start".
 * Latency faults add up; of the others the first that matches decides.
 */
import type { FaultSpec } from './types';

export function parseFault(text: string): FaultSpec {
  const at = text.indexOf('@');
  const head = (at >= 0 ? text.slice(0, at) : text).trim();
  const endpoint = at >= 0 ? text.slice(at + 1).trim() : undefined;
  if (endpoint !== undefined) checkRegex(endpoint);
  const eq = head.indexOf('=');
  const kind = (eq >= 0 ? head.slice(0, eq) : head).trim().toLowerCase();
  const param = eq >= 0 ? head.slice(eq + 1) : undefined;
  const filter = endpoint ? { endpoint } : {};
  switch (kind) {
    case 'latency': {
      const ms = Number(param);
      if (param === undefined || !Number.isFinite(ms) || ms < 0)
        throw new Error(`latency fault needs milliseconds, e.g. latency=200 (got '${text}')`);
      return { kind: 'latency', ms, ...filter };
    }
    case 'http500':
      return param ? { kind: 'http500', message: param, ...filter } : { kind: 'http500', ...filter };
    case 'reset':
    case 'garbage':
    case 'hang':
      return { kind, ...filter };
    case 'offline':
      if (endpoint) throw new Error('the offline fault takes no endpoint filter');
      return { kind: 'offline' };
    default:
      throw new Error(`unknown fault '${text}': use latency=MS, reset, http500[=MESSAGE], garbage, hang or offline, optionally with @ENDPOINT_REGEX`);
  }
}

function checkRegex(source: string): void {
  try {
    new RegExp(source);
  } catch {
    throw new Error(`fault endpoint filter '${source}' is not a valid regular expression`);
  }
}

export type TerminalFault = Exclude<FaultSpec, { kind: 'latency' } | { kind: 'offline' }>;

export interface FaultDecision {
  latencyMs: number;
  terminal?: TerminalFault;
}

export class FaultSet {
  private faults: FaultSpec[] = [];

  add(fault: FaultSpec): void {
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return [...this.faults];
  }

  decide(endpoint: string): FaultDecision {
    let latencyMs = 0;
    let terminal: TerminalFault | undefined;
    for (const f of this.faults) {
      if (f.kind === 'offline' || !appliesTo(f, endpoint)) continue;
      if (f.kind === 'latency') latencyMs += f.ms;
      else terminal ??= f;
    }
    return terminal ? { latencyMs, terminal } : { latencyMs };
  }
}

function appliesTo(f: { endpoint?: string }, endpoint: string): boolean {
  return f.endpoint === undefined || new RegExp(f.endpoint).test(endpoint);
}
