import type { Target, TargetOutcome } from '../../contract/requests/targets';
import { fanOut } from '../motif-api/fan-out';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import type { WireValue } from '../python-json';
import { checkCommand, type RigCommand } from './command-builders';
import type { KnownCamera } from './skip-recording';

export type Delivery = { delivery: 'sent'; value: WireValue } | { delivery: 'queued' };

/** What operations need from the rest of main. */
export interface OperationsDeps {
  /** The rig's display name, or undefined when no such rig is configured. */
  rigName(rigId: string): string | undefined;
  /** A ready client for the rig; rejects with a coded error (no key, untrusted...). */
  clientFor(rigId: string): Promise<RigEndpoints>;
  /**
   * Sends a command through the offline outbox: safe-to-delay changes are queued while the
   * rig is away, time-critical ones fail fast. Without it commands go straight to the rig.
   */
  submitChange?(rigId: string, command: RigCommand): Promise<Delivery>;
  /** The rig's cameras as the rig reports them now; undefined when not known (rig away). */
  camerasOf?(rigId: string): Promise<readonly KnownCamera[] | undefined>;
}

/** Send one command per target, all targets at once, and report each outcome in target order. */
export async function runOnTargets(
  deps: OperationsDeps,
  targets: readonly Target[],
  build: (target: Target) => RigCommand,
): Promise<TargetOutcome[]> {
  const results = await fanOut(targets, async (target): Promise<Delivery | null> => {
    if (deps.rigName(target.rigId) === undefined) return null;
    const command = checkCommand(build(target));
    if (deps.submitChange) return deps.submitChange(target.rigId, command);
    const client = await deps.clientFor(target.rigId);
    return { delivery: 'sent', value: await client.call(command.endpoint, command.args) };
  });
  return results.map((r): TargetOutcome => {
    const base = {
      rigId: r.target.rigId,
      rigName: deps.rigName(r.target.rigId) ?? r.target.rigId,
      ...(r.target.serial === undefined ? {} : { serial: r.target.serial }),
      elapsedMs: Math.round(r.elapsedMs),
    };
    if (!r.ok) return { ...base, ok: false, error: r.error };
    if (r.value === null) {
      return { ...base, ok: false, error: { code: 'not-found', message: `No rig with id ${r.target.rigId} is configured.` } };
    }
    return r.value.delivery === 'sent'
      ? { ...base, ok: true, delivery: 'sent', value: r.value.value }
      : { ...base, ok: true, delivery: 'queued' };
  });
}
