/**
 * Raises the core's alerts on the notice board: from each rig's status changes and from the
 * outbox. A lasting condition is told once per episode, also across a restart while its
 * notice is still shown.
 */
import type { AuditEntry } from '../../contract/requests/audit';
import type { OutboxEntry } from '../../contract/requests/outbox';
import { matchPath } from '../motif-api/operation-paths';
import type { RigStatus } from '../../contract/requests/status';
import type { NoticeBoard } from '../notice-board';
import { statusAlerts, type AlertCandidate } from './status-alerts';

/** A recording that ends this soon after the app sent it a stop was stopped on purpose. */
const STOPPED_HERE_MS = 60_000;

export class AlertRaiser {
  /** When this app last stopped recordings, by "rigId:serial" ("rigId:*": all its cameras). */
  readonly #stoppedHere = new Map<string, number>();
  /** Episodes told and not over yet. */
  readonly #active = new Set<string>();
  /** The last state of each outbox entry seen, to tell applied and refused once. */
  readonly #outboxStates = new Map<string, OutboxEntry['state']>();

  /** Status changes seen before the kept notices were read, considered once they are. */
  #held: [RigStatus, RigStatus][] | null = [];

  constructor(private readonly board: NoticeBoard) {}

  /** Notices kept from an earlier run (or raised by another process) count as told; then alerts flow. */
  rememberShown(): void {
    for (const n of this.board.list()) if (n.episode) this.#active.add(n.episode);
    const held = this.#held ?? [];
    this.#held = null;
    for (const [next, previous] of held) this.status(next, previous);
  }

  status(next: RigStatus, previous: RigStatus): void {
    if (this.#held) {
      this.#held.push([next, previous]);
      return;
    }
    for (const candidate of statusAlerts(next, previous, (serial) => this.#wasStoppedHere(next.rigId, serial))) this.#consider(next, candidate);
  }

  /** A command the app sent (from its audit log): a stop it sent is no recording "stopped before its time". */
  commandSent(entry: AuditEntry): void {
    if (entry.outcome !== 'ok') return;
    const match = matchPath(entry.endpoint);
    if (match?.name !== 'recording.stop') return;
    this.#stoppedHere.set(`${entry.rigId}:${match.serial ?? '*'}`, Date.now());
  }

  #wasStoppedHere(rigId: string, serial: string): boolean {
    const at = Math.max(this.#stoppedHere.get(`${rigId}:${serial}`) ?? 0, this.#stoppedHere.get(`${rigId}:*`) ?? 0);
    return Date.now() - at < STOPPED_HERE_MS;
  }

  outbox(rigId: string, entries: OutboxEntry[]): void {
    for (const e of entries) {
      if (e.rigId !== rigId) continue;
      const before = this.#outboxStates.get(e.id);
      this.#outboxStates.set(e.id, e.state);
      if (before === undefined || before === e.state) continue;
      const about = { rigId: e.rigId, rigName: e.rigName, episode: `outbox:${e.id}:${e.state}` };
      if (e.state === 'applied') {
        const how = e.alreadySo ? 'was already so on the rig, so nothing was sent' : 'was applied';
        this.board.raise('info', `${e.rigName} is back: the change kept for it ${how} (${e.words}).`, { ...about, advice: 'Nothing to do.' });
      } else if (e.state === 'conflict') {
        this.board.raise('warning', e.conflict?.message ?? `${e.rigName}: the change kept for it (${e.words}) was changed on the rig meanwhile; it was not sent.`, {
          ...about,
          advice: `Your change (${e.words}) was not sent. Open the Outbox (or motifctl outbox apply ${e.id} / cancel ${e.id}) to apply yours anyway or drop it; later changes to the same target wait until then, the others go on.`,
        });
      } else if (e.state === 'failed') {
        this.board.raise('error', `${e.rigName} refused the change kept for it (${e.words})${e.error ? `: ${e.error.message}` : ''}.`, {
          ...about,
          advice: 'Open the Outbox to retry it or cancel it; later changes to the same target wait until then, the others go on.',
        });
      }
    }
    this.#toldHeld(entries.filter((e) => e.rigId === rigId));
  }

  /** Once per refused (or conflicting) change that holds others back: the rig's queue is held there, and how much waits. */
  #toldHeld(entries: OutboxEntry[]): void {
    for (const e of entries) {
      if (e.state !== 'failed' && e.state !== 'conflict') continue;
      const ahead = e.state === 'failed' ? 'the refused change' : 'the change held as a conflict';
      const settle = e.state === 'failed' ? 'retry the refused change or cancel it' : 'apply the conflicting change anyway or drop it';
      const waiting = entries.filter((x) => x.heldBy === e.id).length;
      const episode = `outbox-held:${e.id}`;
      if (waiting === 0 || this.#active.has(episode)) continue;
      this.#active.add(episode);
      this.board.raise(
        'warning',
        `${e.rigName}'s outbox is held: ${waiting} later change${waiting === 1 ? '' : 's'} to the same target wait${waiting === 1 ? 's' : ''} behind ${ahead} (${e.words}); its other changes go on.`,
        { rigId: e.rigId, rigName: e.rigName, episode, advice: `Open the Outbox to ${settle}.` },
      );
    }
  }

  #consider(rig: RigStatus, c: AlertCandidate): void {
    if (!c.active) {
      this.#active.delete(c.episode);
      return;
    }
    if (this.#active.has(c.episode)) return;
    this.#active.add(c.episode);
    if (c.quiet) return;
    this.board.raise(c.level, c.message, {
      rigId: rig.rigId,
      rigName: rig.rigName,
      advice: c.advice,
      episode: c.episode,
      ...(c.serial !== undefined ? { serial: c.serial } : {}),
    });
  }
}
