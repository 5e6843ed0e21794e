import type { Target, TargetOutcome } from '../../contract/requests/targets';
import { fanOut, type FanOutResult } from '../motif-api/fan-out';
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
  /** The rig's cameras as last read (never a fresh read: a start does not wait); undefined when not known (rig away). */
  camerasOf?(rigId: string): readonly KnownCamera[] | undefined;
  /**
   * A command reached the rig: its status is read again at once. `recording`: what the command
   * makes of the target's cameras (a start or a stop), assumed until that read confirms it.
   */
  commandSent?(target: Target, recording?: boolean): void;
  /** Each target's outcome of a command named `progress` by its caller, as it comes. */
  outcomeOf?(progress: string, outcome: TargetOutcome): void;
}

/** The caller's name for one command over many targets, so its outcomes can be told as they come. */
export type Progress = string | undefined;

export interface RunOptions {
  progress?: Progress;
  /** The command starts (true) or stops (false) recording on its targets. */
  recording?: boolean;
}

/**
 * Send one command per target, all targets at once, and report each outcome in target order;
 * with `progress`, each outcome is also told as it comes. A rig that took a command has its
 * status read again at once.
 */
export async function runOnTargets(
  deps: OperationsDeps,
  targets: readonly Target[],
  build: (target: Target) => RigCommand,
  { progress, recording }: RunOptions = {},
): Promise<TargetOutcome[]> {
  const outcomes = new Map<FanOutResult<Target, Delivery | null>, TargetOutcome>();
  const settled = (r: FanOutResult<Target, Delivery | null>) => {
    const outcome = outcomeOf(deps, r);
    outcomes.set(r, outcome);
    if (outcome.ok && outcome.delivery === 'sent') deps.commandSent?.(r.target, recording);
    if (progress !== undefined) deps.outcomeOf?.(progress, outcome);
  };
  const results = await fanOut(
    targets,
    async (target): Promise<Delivery | null> => {
      if (deps.rigName(target.rigId) === undefined) return null;
      const command = checkCommand(build(target));
      if (deps.submitChange) return deps.submitChange(target.rigId, command);
      const client = await deps.clientFor(target.rigId);
      return { delivery: 'sent', value: await client.call(command.endpoint, command.args) };
    },
    { onSettled: settled },
  );
  return results.map((r) => outcomes.get(r) ?? outcomeOf(deps, r));
}

/** Outcomes that need no call (a camera left alone), told like the others. */
export function tellOutcomes(deps: OperationsDeps, progress: Progress, outcomes: readonly TargetOutcome[]): void {
  if (progress !== undefined) for (const o of outcomes) deps.outcomeOf?.(progress, o);
}

function outcomeOf(deps: OperationsDeps, r: FanOutResult<Target, Delivery | null>): TargetOutcome {
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
}
