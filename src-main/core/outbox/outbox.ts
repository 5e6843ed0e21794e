/**
 * Changes for rigs that are offline: kept per rig in order, applied when the rig returns,
 * each outcome recorded; a refused entry stops its rig's queue until retried or cancelled.
 */
import { randomUUID } from 'node:crypto';
import { fail, ok, type Result } from '../../contract/errors';
import type { OutboxEntry } from '../../contract/requests/outbox';
import type { RigConnectionState } from '../../contract/requests/status';
import { methodFor, normalizeEndpoint } from '../motif-api/operation-paths';
import { toMotifError } from '../errors';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import type { WireValue } from '../python-json';
import { callInWords } from '../motif-api/call-words';
import { redactedWords, redactSecrets, secretFieldNames } from '../audit/audit-redact';
import type { NoticeBoard } from '../notice-board';
import { changeKind } from './outbox-policy';
import { OutboxStore, type OutboxDamage, type StoredEntry } from './outbox-store';

export type ChangeOutcome = { outcome: 'sent'; result: WireValue } | { outcome: 'queued'; entry: OutboxEntry };
export type OutboxListener = (rigId: string, entries: OutboxEntry[]) => void;
/** Where the outbox reports what the user must know of (a damaged file set aside): the app's notice board. */
export type NoticeSink = Pick<NoticeBoard, 'add'>;

export interface OutboxOptions {
  configDir: string;
  clientFor: (rigId: string) => Promise<RigEndpoints>;
  /** The rig's current name; undefined for a rig that is not configured. */
  rigName: (rigId: string) => string | undefined;
  /** What the status monitor last saw; 'offline' means queue (or refuse) without trying. */
  rigState?: (rigId: string) => RigConnectionState | undefined;
  /** Applied entries kept per rig, for the user to see what happened. */
  appliedKept?: number;
  /** Where a failure to read or write the outbox file goes (the app's log). */
  onError?: (e: unknown) => void;
  /** Where a damaged outbox file is reported; also `reportTo`. Without one it is a process warning. */
  notices?: NoticeSink;
}

// Failures that mean the command never reached the rig: the entry waits, unchanged.
const NOT_DELIVERED = new Set(['rig-unreachable', 'key-rejected', 'tls-untrusted', 'tls-fingerprint-changed']);

export class Outbox {
  readonly store: OutboxStore;
  readonly #listeners = new Set<OutboxListener>();
  readonly #draining = new Map<string, Promise<void>>();
  readonly #drainAgain = new Set<string>();
  #notices: NoticeSink | undefined;

  constructor(private readonly options: OutboxOptions) {
    this.#notices = options.notices;
    this.store = new OutboxStore(options.configDir, { onDamage: (d) => this.#reportDamage(d) });
  }

  /** Report what the user must know of (a damaged outbox file) on this notice board from now on. */
  reportTo(notices: NoticeSink): void {
    this.#notices = notices;
  }

  /**
   * Send a change now, or keep it for later when the rig is offline and the change is safe to
   * apply later. Time-critical commands are never kept: they fail at once.
   */
  async submitChange(rigId: string, path: string, args: Record<string, WireValue> = {}): Promise<Result<ChangeOutcome>> {
    const endpoint = normalizeEndpoint(path);
    const kind = changeKind(endpoint);
    if (kind === 'read') return fail('invalid-args', `${endpoint} only reads; it is not a change to send.`);
    const rigName = this.options.rigName(rigId);
    if (rigName === undefined) return fail('not-found', `There is no rig with id ${rigId}.`);
    const known = this.options.rigState?.(rigId);
    if (kind === 'queueable' && (known === 'offline' || (await this.#hasQueue(rigId)))) {
      return this.#enqueue(rigId, rigName, endpoint, args);
    }
    if (kind === 'time-critical' && known === 'offline') return notQueued(rigName, endpoint);
    let client: RigEndpoints;
    try {
      client = await this.options.clientFor(rigId);
    } catch (e) {
      const err = toMotifError(e);
      return fail(err.code, err.message, err.details);
    }
    try {
      return ok({ outcome: 'sent', result: await client.call(endpoint, args) });
    } catch (e) {
      const err = toMotifError(e);
      if (err.code === 'rig-unreachable') {
        return kind === 'queueable' ? this.#enqueue(rigId, rigName, endpoint, args) : notQueued(rigName, endpoint);
      }
      return fail(err.code, err.message, err.details);
    }
  }

  /** Every rig's entries in order (or one rig's), arguments with secrets masked. */
  async list(rigId?: string): Promise<OutboxEntry[]> {
    const entries = await this.store.read();
    return entries.filter((e) => rigId === undefined || e.rigId === rigId).map(view);
  }

  async cancel(id: string): Promise<Result<{ cancelled: OutboxEntry }>> {
    const { result, entries } = await this.store.update((all) => {
      const i = all.findIndex((e) => e.id === id);
      const entry = all[i];
      if (!entry) return fail('not-found', `There is no outbox entry ${id}.`);
      if (entry.state === 'sending') return fail('invalid-args', 'This change is being sent right now; it can no longer be cancelled.');
      if (entry.state === 'applied') return fail('invalid-args', 'This change was already applied to the rig.');
      all.splice(i, 1);
      return ok({ cancelled: view(entry) });
    });
    if (result.ok) {
      this.#emit(result.value.cancelled.rigId, entries);
      void this.drain(result.value.cancelled.rigId);
    }
    return result;
  }

  /** Put a failed entry back at the head of its rig's queue and try the queue now. */
  async retry(id: string): Promise<Result<{ entry: OutboxEntry }>> {
    const { result, entries } = await this.store.update((all) => {
      const entry = all.find((e) => e.id === id);
      if (!entry) return fail('not-found', `There is no outbox entry ${id}.`);
      if (entry.state !== 'failed' && entry.state !== 'pending') return fail('invalid-args', `This change is ${entry.state}; only a failed or pending change can be retried.`);
      entry.state = 'pending';
      return ok({ entry: view(entry) });
    });
    if (result.ok) {
      this.#emit(result.value.entry.rigId, entries);
      void this.drain(result.value.entry.rigId);
    }
    return result;
  }

  /** Apply a rig's pending entries in order; one drain per rig at a time. */
  drain(rigId: string): Promise<void> {
    const running = this.#draining.get(rigId);
    if (running) {
      this.#drainAgain.add(rigId);
      return running;
    }
    const run = (async () => {
      do {
        this.#drainAgain.delete(rigId);
        while (await this.#applyNext(rigId));
      } while (this.#drainAgain.has(rigId));
    })()
      .catch((e: unknown) => this.options.onError?.(e))
      .finally(() => this.#draining.delete(rigId));
    this.#draining.set(rigId, run);
    return run;
  }

  /** Drain every rig with pending entries (at start, after a restart). */
  async drainAll(): Promise<void> {
    const rigs = new Set((await this.store.read()).filter((e) => e.state === 'pending').map((e) => e.rigId));
    await Promise.all([...rigs].map((r) => this.drain(r)));
  }

  /** Wait for the queues being applied now. */
  async close(): Promise<void> {
    await Promise.all([...this.#draining.values()]);
  }

  onChange(listener: OutboxListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** Entries left 'sending' by a run that stopped mid-send may or may not have reached the rig: the user decides. */
  async recoverInterrupted(): Promise<void> {
    const { result: rigs, entries } = await this.store.update((all) => {
      const touched = new Set<string>();
      for (const e of all)
        if (e.state === 'sending') {
          e.state = 'failed';
          e.error = { code: 'internal', message: 'The app stopped while sending this change; check the rig, then retry or cancel it.' };
          touched.add(e.rigId);
        }
      return touched;
    });
    for (const rigId of rigs) this.#emit(rigId, entries);
  }

  async #hasQueue(rigId: string): Promise<boolean> {
    return (await this.store.read()).some((e) => e.rigId === rigId && e.state !== 'applied');
  }

  async #enqueue(rigId: string, rigName: string, endpoint: string, args: Record<string, WireValue>): Promise<Result<ChangeOutcome>> {
    const secrets = secretFieldNames(args);
    if (secrets.length > 0) {
      return fail(
        'rig-unreachable',
        `${rigName} is unreachable, and ${endpoint} was not queued: it carries a secret (${secrets.join(', ')}), which is never stored on disk. Send it when the rig is back.`,
        { rigId, endpoint, queued: false },
      );
    }
    const entry: StoredEntry = {
      id: randomUUID(),
      rigId,
      rigName,
      endpoint,
      method: methodFor(endpoint),
      args,
      state: 'pending',
      createdAtMs: Date.now(),
      attempts: 0,
      lastAttemptAtMs: null,
      appliedAtMs: null,
      error: null,
    };
    const { entries } = await this.store.update((all) => all.push(entry));
    this.#emit(rigId, entries);
    if (this.options.rigState?.(rigId) === 'online') void this.drain(rigId);
    return ok({ outcome: 'queued', entry: view(entry) });
  }

  /** Send the rig's first waiting entry; false when the queue should stop here. */
  async #applyNext(rigId: string): Promise<boolean> {
    let client: RigEndpoints;
    try {
      client = await this.options.clientFor(rigId);
    } catch {
      return false; // no key or trust yet, or the rig was removed: the queue waits untouched
    }
    const { result: head, entries } = await this.store.update((all) => {
      const first = all.find((e) => e.rigId === rigId && e.state !== 'applied');
      if (!first || first.state !== 'pending') return undefined;
      first.state = 'sending';
      first.attempts += 1;
      first.lastAttemptAtMs = Date.now();
      first.rigName = this.options.rigName(rigId) ?? first.rigName;
      return { ...first };
    });
    if (!head) return false;
    this.#emit(rigId, entries);
    let outcome: { error: { code: string; message: string } | null; delivered: boolean };
    try {
      await client.call(head.endpoint, head.args);
      outcome = { error: null, delivered: true };
    } catch (e) {
      const { code, message } = toMotifError(e);
      outcome = { error: { code, message }, delivered: !NOT_DELIVERED.has(code) };
    }
    const after = await this.store.update((all) => {
      const entry = all.find((e) => e.id === head.id);
      if (!entry) return;
      entry.error = outcome.error;
      if (!outcome.error) {
        entry.state = 'applied';
        entry.appliedAtMs = Date.now();
      } else {
        // Never reached the rig: wait for it. Reached it and refused (or no answer): the user decides.
        entry.state = outcome.delivered ? 'failed' : 'pending';
      }
      pruneApplied(all, rigId, this.options.appliedKept ?? 20);
    });
    this.#emit(rigId, after.entries);
    return outcome.error === null;
  }

  #reportDamage(d: OutboxDamage): void {
    const kept = d.kept > 0
      ? `${plural(d.kept, 'queued change')} could be read from it and ${d.kept === 1 ? 'is' : 'are'} kept (${d.keptChanges.join('; ')}).`
      : 'No queued change could be read from it.';
    const lost = d.lostCount > 0
      ? ` ${plural(d.lostCount, 'change')} could not be read${d.lost.length > 0 ? ` (${d.lost.join('; ')})` : ''}: check ${d.lost.length > 0 ? 'those rigs' : 'your rigs'} and send again what they miss.`
      : '';
    const message = `The outbox in ${d.path} could not be used as it was: ${d.reason}. It was moved to ${d.movedTo}. ${kept}${lost}`;
    const details = { path: d.path, movedTo: d.movedTo, reason: d.reason, kept: d.kept, lost: d.lostCount };
    if (this.#notices) this.#notices.add('error', message, details);
    else process.emitWarning(message, { code: 'MOTIF_OUTBOX_DAMAGED' });
  }

  #emit(rigId: string, all: StoredEntry[]): void {
    const entries = all.filter((e) => e.rigId === rigId).map(view);
    for (const listener of this.#listeners) {
      try {
        listener(rigId, entries);
      } catch {
        // A failing listener must not stop the queue.
      }
    }
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function notQueued(rigName: string, endpoint: string) {
  return fail(
    'rig-unreachable',
    `${rigName} is unreachable. ${endpoint} was not queued because it is time-critical: it only makes sense now. Try again when the rig is back.`,
    { endpoint, queued: false },
  );
}

function view(e: StoredEntry): OutboxEntry {
  const args = redactSecrets(e.args) as Record<string, unknown>;
  return { ...e, args, words: redactedWords((a) => callInWords(e.endpoint, a), e.args) };
}

function pruneApplied(all: StoredEntry[], rigId: string, keep: number): void {
  const applied = all.filter((e) => e.rigId === rigId && e.state === 'applied');
  const drop = new Set(applied.slice(0, Math.max(0, applied.length - keep)).map((e) => e.id));
  if (drop.size === 0) return;
  const kept = all.filter((e) => !drop.has(e.id));
  all.splice(0, all.length, ...kept);
}

/** Apply a rig's queue each time the status monitor sees it come back online. */
export function drainWhenOnline(
  outbox: Outbox,
  monitor: { onStatus(listener: (status: { rigId: string; state: RigConnectionState }, previous: { state: RigConnectionState }) => void): () => void },
): () => void {
  return monitor.onStatus((status, previous) => {
    if (status.state === 'online' && previous.state !== 'online') void outbox.drain(status.rigId);
  });
}

/**
 * A send can fail in an outage too short for the monitor to see (it polls once a second):
 * the rig is then never seen coming back, and its queue would wait for the next outage.
 * So while a rig has queued changes, ask the monitor to look again now and then, and drain
 * once it answers online. Offline rigs are left to `drainWhenOnline`.
 */
export function drainAfterBriefOutage(
  outbox: Outbox,
  monitor: { refresh(rigId: string): Promise<{ state: RigConnectionState }[]> },
  delayMs = 2000,
): () => void {
  const timers = new Map<string, NodeJS.Timeout>();
  const unsubscribe = outbox.onChange((rigId, entries) => {
    if (timers.has(rigId) || !entries.some((e) => e.rigId === rigId && e.state === 'pending')) return;
    const timer = setTimeout(() => {
      // Cleared first: a drain that fails again queues the next look.
      timers.delete(rigId);
      void monitor
        .refresh(rigId)
        .then(([status]) => (status?.state === 'online' ? outbox.drain(rigId) : undefined))
        .catch(() => undefined);
    }, delayMs);
    timer.unref();
    timers.set(rigId, timer);
  });
  return () => {
    unsubscribe();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  };
}

