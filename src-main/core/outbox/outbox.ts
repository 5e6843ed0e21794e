/**
 * Changes for rigs that are offline: kept per rig in order, applied when the rig returns,
 * each outcome recorded; a refused entry holds back the later changes to the same target
 * (camera parameter or task) until retried or cancelled, and the rest of the queue goes on.
 * Each change remembers what it was based on, and is compared with the rig again before it is
 * sent (outbox-basis): one changed there meanwhile is held as a conflict, never overwritten.
 * Every process on the config folder may queue; only the holder of the outbox's lease (one
 * app core at a time) applies, so a change is never sent by two processes.
 */
import { randomUUID } from 'node:crypto';
import { watch } from 'node:fs';
import { fail, ok, type Result } from '../../contract/errors';
import type { OutboxEntry } from '../../contract/requests/outbox';
import type { RigConnectionState } from '../../contract/requests/status';
import { methodFor, normalizeEndpoint } from '../motif-api/operation-paths';
import { toMotifError } from '../errors';
import type { RigEndpoints } from '../motif-api/rig-endpoints';
import type { WireValue } from '../python-json';
import { callInWords, requestInWords } from '../motif-api/call-words';
import { redactedWords, redactSecrets, secretFieldNames } from '../audit/audit-redact';
import type { NoticeBoard } from '../notice-board';
import { OutboxLease } from './outbox-lease';
import { changeKind } from './outbox-policy';
import { OUTBOX_FILE_NAME, OutboxStore, type OutboxDamage, type StoredEntry } from './outbox-store';
import { heldEntries } from './outbox-targets';
import { basisFacts, judge, seenValue, type Basis, type BasisFact } from './outbox-basis';
import { LastSeen } from './last-seen';

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
  /** What this computer last saw on its rigs (shared with the clients that read them); its own otherwise. */
  lastSeen?: LastSeen;
}

// Failures that mean the command never reached the rig: the entry waits, unchanged.
const NOT_DELIVERED = new Set(['rig-unreachable', 'key-rejected', 'tls-untrusted', 'tls-fingerprint-changed']);
/** Failures of a read that the rig itself answered: it cannot show the value, so the change goes without a comparison. */
const ANSWERED = new Set(['rig-error', 'rig-bad-response']);
/** How often a process standing by looks whether the outbox's owner is gone. */
const STANDBY_LOOK_MS = 2000;

export class Outbox {
  readonly store: OutboxStore;
  readonly lastSeen: LastSeen;
  readonly #listeners = new Set<OutboxListener>();
  readonly #draining = new Map<string, Promise<void>>();
  readonly #drainAgain = new Set<string>();
  /** Background reads after a send, by "rig\nread"; `again`: another send came meanwhile. */
  readonly #looking = new Map<string, { again: boolean; done?: Promise<void> }>();
  readonly #lease: OutboxLease;
  /** What listeners were last told per rig, so a change another process made is told once. */
  readonly #told = new Map<string, string>();
  #notices: NoticeSink | undefined;
  #standby: { timer: NodeJS.Timeout; stopWatching: () => void } | undefined;
  #closed = false;

  constructor(private readonly options: OutboxOptions) {
    this.#notices = options.notices;
    this.store = new OutboxStore(options.configDir, { onDamage: (d) => this.#reportDamage(d) });
    this.#lease = new OutboxLease(options.configDir);
    this.lastSeen = options.lastSeen ?? new LastSeen(options.configDir, options.onError);
  }

  /** This process applies the outbox now (it holds the lease). */
  get owner(): boolean {
    return this.#lease.held;
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
    if (kind === 'read') return fail('invalid-args', `"${callInWords(endpoint)}" only reads; it is not a change to send.`);
    const rigName = this.options.rigName(rigId);
    if (rigName === undefined) return fail('not-found', `There is no rig with id ${rigId}.`);
    const known = this.options.rigState?.(rigId);
    if (kind === 'queueable' && (known === 'offline' || (await this.#hasQueue(rigId)))) {
      return this.#enqueue(rigId, rigName, endpoint, args, known !== 'offline');
    }
    if (kind === 'time-critical' && known === 'offline') return notQueued(endpoint);
    let client: RigEndpoints;
    try {
      client = await this.options.clientFor(rigId);
    } catch (e) {
      const err = toMotifError(e);
      return fail(err.code, err.message, err.details);
    }
    try {
      const result = await client.call(endpoint, args);
      // What it changed is now known here: a later change queued offline is based on it.
      if (kind === 'queueable') this.#lookSoon(rigId, client, basisFacts(endpoint, args) ?? []);
      return ok({ outcome: 'sent', result });
    } catch (e) {
      const err = toMotifError(e);
      if (err.code === 'rig-unreachable') {
        return kind === 'queueable' ? this.#enqueue(rigId, rigName, endpoint, args, false) : notQueued(endpoint);
      }
      return fail(err.code, err.message, err.details);
    }
  }

  /** Every rig's entries in order (or one rig's), arguments with secrets masked. */
  async list(rigId?: string): Promise<OutboxEntry[]> {
    const entries = await this.store.read();
    return viewAll(entries.filter((e) => rigId === undefined || e.rigId === rigId));
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

  /**
   * Send a change held as a conflict anyway: it is based from now on what the rig showed at the
   * conflict, so it is held again only if the rig changes once more before it is sent.
   */
  async applyAnyway(id: string): Promise<Result<{ entry: OutboxEntry }>> {
    const { result, entries } = await this.store.update((all) => {
      const entry = all.find((e) => e.id === id);
      if (!entry) return fail('not-found', `There is no outbox entry ${id}.`);
      if (entry.state !== 'conflict') return fail('invalid-args', `This change is ${entry.state}; only a change held as a conflict can be applied anyway.`);
      const seenAtMs = entry.conflict?.checkedAtMs ?? Date.now();
      entry.basis = Object.fromEntries(Object.entries(entry.found ?? {}).map(([read, value]) => [read, { value, seenAtMs }]));
      entry.state = 'pending';
      delete entry.conflict;
      delete entry.found;
      return ok({ entry: view(entry) });
    });
    if (result.ok) {
      this.#emit(result.value.entry.rigId, entries);
      void this.drain(result.value.entry.rigId);
    }
    return result;
  }

  /**
   * Apply a rig's pending entries in order; one drain per rig at a time. Only the outbox's
   * owner applies: when another live process holds the lease, this does nothing (that
   * process sees the file change and applies the entries).
   */
  drain(rigId: string): Promise<void> {
    const running = this.#draining.get(rigId);
    if (running) {
      this.#drainAgain.add(rigId);
      return running;
    }
    const run = (async () => {
      if (this.#closed || !(await this.#lease.acquire())) return;
      do {
        this.#drainAgain.delete(rigId);
        while (this.#lease.held && (await this.#applyNext(rigId)));
      } while (this.#drainAgain.has(rigId) && this.#lease.held);
    })()
      .catch((e: unknown) => this.options.onError?.(e))
      .finally(async () => {
        this.#draining.delete(rigId);
        // Only an app core standing by keeps the outbox; motifctl hands it back once done.
        if (!this.#standby && this.#draining.size === 0) await this.#lease.letGo().catch(() => {});
      });
    this.#draining.set(rigId, run);
    return run;
  }

  /** Drain every rig with pending entries (at start, after a restart). */
  async drainAll(): Promise<void> {
    const rigs = new Set((await this.store.read()).filter((e) => e.state === 'pending').map((e) => e.rigId));
    await Promise.all([...rigs].map((r) => this.drain(r)));
  }

  /** Stop standing by, wait for the queues being applied now, and hand the outbox on. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#standby) {
      clearInterval(this.#standby.timer);
      this.#standby.stopWatching();
      this.#standby = undefined;
    }
    await Promise.all([...this.#draining.values()]);
    await this.#lease.release();
    // A motifctl command ends here: what its sends changed is kept before its client goes.
    await Promise.all([...this.#looking.values()].map((l) => l.done));
    await this.lastSeen.flush();
  }

  onChange(listener: OutboxListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * For an app core, once at start: take the outbox's lease if no live process holds it, and
   * stand by to take it over when its owner stops (its lease goes stale). On taking it, entries
   * a stopped owner left 'sending' are recovered (they may or may not have reached the rig: the
   * user decides), and the queues of rigs online now are applied. Changes other processes
   * queue (motifctl, a second window) are seen as the file changes: told to listeners, and
   * applied by the owner.
   */
  async recoverInterrupted(): Promise<void> {
    if (this.#closed) return;
    if (!this.#standby) {
      const timer = setInterval(() => void this.#lookForOwner(), STANDBY_LOOK_MS);
      timer.unref();
      this.#standby = { timer, stopWatching: this.#watchFile() };
    }
    await this.#lookForOwner(false);
  }

  /** Take the lease if it is free; having just taken it, recover and apply what waits. */
  async #lookForOwner(drainOnline = true): Promise<void> {
    if (this.#closed || this.#lease.held) return;
    try {
      if (!(await this.#lease.acquire())) return;
      await this.#recover();
      if (!drainOnline) return;
      const waiting = new Set((await this.store.read()).filter((e) => e.state === 'pending').map((e) => e.rigId));
      for (const rigId of waiting) if (this.options.rigState?.(rigId) === 'online') void this.drain(rigId);
    } catch (e) {
      this.options.onError?.(e);
    }
  }

  /**
   * Entries left 'sending' by an owner that stopped mid-send have most likely reached the rig
   * (the request was on the wire): not sent again, but left for the user to check and decide.
   */
  async #recover(): Promise<void> {
    const { result: rigs, entries } = await this.store.update((all) => {
      const touched = new Set<string>();
      for (const e of all)
        if (e.state === 'sending') {
          e.state = 'failed';
          e.error = {
            code: 'interrupted',
            message:
              'The app stopped while sending this change, so it may have been applied: check the rig before retrying ' +
              '(retry only if the change is not there; cancel it if it is).',
          };
          touched.add(e.rigId);
        }
      return touched;
    });
    for (const rigId of rigs) this.#emit(rigId, entries);
  }

  /** Follow changes other processes make to the outbox file; returns how to stop. */
  #watchFile(): () => void {
    let timer: NodeJS.Timeout | undefined;
    let watcher: ReturnType<typeof watch>;
    try {
      // The folder, not the file: atomic writes replace the file, which would end a watch on it.
      watcher = watch(this.options.configDir, { persistent: false }, (_event, file) => {
        if (file !== null && file !== OUTBOX_FILE_NAME) return;
        clearTimeout(timer);
        timer = setTimeout(() => void this.#fileChanged(), 100);
        timer.unref();
      });
    } catch {
      return () => {}; // no file watching here (a network drive): the next look at the file shows them
    }
    watcher.on('error', () => watcher.close());
    return () => {
      clearTimeout(timer);
      watcher.close();
    };
  }

  async #fileChanged(): Promise<void> {
    if (this.#closed) return;
    try {
      const all = await this.store.read();
      const rigs = new Set([...all.map((e) => e.rigId), ...this.#told.keys()]);
      for (const rigId of rigs) this.#emit(rigId, all, true);
      if (!this.#lease.held) return;
      const waiting = new Set(all.filter((e) => e.state === 'pending').map((e) => e.rigId));
      for (const rigId of waiting) if (this.options.rigState?.(rigId) === 'online') void this.drain(rigId);
    } catch (e) {
      this.options.onError?.(e);
    }
  }

  async #hasQueue(rigId: string): Promise<boolean> {
    return (await this.store.read()).some((e) => e.rigId === rigId && e.state !== 'applied');
  }

  /**
   * What a change is based on: read now when the rig may answer (`canRead`: it is online, the
   * change waits only behind others), else what was last seen here, with when.
   */
  async #basisOf(rigId: string, facts: BasisFact[], canRead: boolean): Promise<Basis> {
    if (canRead) {
      try {
        const now = await this.#look(rigId, await this.options.clientFor(rigId), facts);
        return Object.fromEntries(facts.map((f) => [f.read, { value: f.pick(now[f.read] ?? null), seenAtMs: Date.now() }]));
      } catch {
        // Not answering after all: what was seen before is the basis.
      }
    }
    const basis: Basis = {};
    for (const f of facts) {
      const seen = await this.lastSeen.get(rigId, f.read);
      basis[f.read] = seen === undefined ? null : { value: f.pick(seen.value), seenAtMs: seen.seenAtMs };
    }
    return basis;
  }

  /**
   * Read again, in the background, what changes just sent wrote. One read at a time per rig and
   * read, and one more after it for all sent meanwhile: a protocol's hundreds of tasks cost a
   * few reads of the schedule, not one each.
   */
  #lookSoon(rigId: string, client: RigEndpoints, facts: BasisFact[]): void {
    for (const read of new Set(facts.map((f) => f.read))) {
      const key = `${rigId}\n${read}`;
      const state = this.#looking.get(key);
      if (state) {
        state.again = true;
        continue;
      }
      const running: { again: boolean; done?: Promise<void> } = { again: false };
      this.#looking.set(key, running);
      running.done = (async () => {
        do {
          running.again = false;
          this.lastSeen.set(rigId, read, seenValue(read, await client.call(read)) ?? null);
        } while (running.again);
      })()
        .catch(() => undefined)
        .finally(() => this.#looking.delete(key));
    }
  }

  /** Read what the facts' reads show now (each read once), keeping it as seen. */
  async #look(rigId: string, client: RigEndpoints, facts: BasisFact[]): Promise<Record<string, WireValue>> {
    const now: Record<string, WireValue> = {};
    for (const read of new Set(facts.map((f) => f.read))) {
      const seen = seenValue(read, await client.call(read)) ?? null;
      this.lastSeen.set(rigId, read, seen);
      now[read] = seen;
    }
    return now;
  }

  async #enqueue(rigId: string, rigName: string, endpoint: string, args: Record<string, WireValue>, canRead: boolean): Promise<Result<ChangeOutcome>> {
    const secrets = secretFieldNames(args);
    if (secrets.length > 0) {
      return fail(
        'rig-unreachable',
        `The rig is unreachable, and ${requestInWords(endpoint)} was not queued: it carries a secret (${secrets.join(', ')}), which is never stored on disk. Send it when the rig is back.`,
        { rigId, endpoint, queued: false },
      );
    }
    const basis = await this.#basisOf(rigId, basisFacts(endpoint, args) ?? [], canRead);
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
      basis,
    };
    const { entries } = await this.store.update((all) => all.push(entry));
    this.#emit(rigId, entries);
    if (this.options.rigState?.(rigId) === 'online') void this.drain(rigId);
    return ok({ outcome: 'queued', entry: view(entry) });
  }

  /**
   * Send the rig's first waiting entry not held back, once what it changes is found as it was
   * when the change was made; false when the queue should stop here.
   */
  async #applyNext(rigId: string): Promise<boolean> {
    let client: RigEndpoints;
    try {
      client = await this.options.clientFor(rigId);
    } catch {
      return false; // no key or trust yet, or the rig was removed: the queue waits untouched
    }
    const { result: next } = await this.store.update((all) => {
      if (all.some((e) => e.rigId === rigId && e.state === 'sending')) return undefined;
      const first = this.#firstWaiting(all, rigId);
      return first && { ...first };
    });
    if (!next) return false;
    const check = await this.#check(rigId, client, next);
    if (check.kind === 'away') return false;
    if (check.kind === 'settled') return true;
    const { result: head, entries } = await this.store.update((all) => {
      // Still the one to send: not cancelled, applied anyway or overtaken while the rig was read.
      const first = this.#firstWaiting(all, rigId);
      if (first?.id !== next.id || all.some((e) => e.rigId === rigId && e.state === 'sending')) return undefined;
      first.state = 'sending';
      first.attempts += 1;
      first.lastAttemptAtMs = Date.now();
      first.rigName = this.options.rigName(rigId) ?? first.rigName;
      if (check.note !== undefined) first.note = check.note;
      return { ...first };
    });
    if (!head) return true;
    this.#emit(rigId, entries);
    let outcome: { error: { code: string; message: string } | null; delivered: boolean };
    try {
      await client.call(head.endpoint, head.args);
      outcome = { error: null, delivered: true };
      for (const f of check.facts) this.lastSeen.set(rigId, f.read, f.after(check.now[f.read] ?? null));
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
    // Refused: the changes not held behind it go on. Not delivered: the rig is away, so all wait.
    return outcome.error === null || outcome.delivered;
  }

  /** The rig's first waiting change not held back behind a refused, conflicting or in-flight one. */
  #firstWaiting(all: StoredEntry[], rigId: string): StoredEntry | undefined {
    const held = heldEntries(all);
    return all.find((e) => e.rigId === rigId && e.state === 'pending' && !held.has(e.id));
  }

  /**
   * Look at the rig before sending `entry`: 'send' (with what was read, and a note when part of
   * it could not be compared), 'settled' when it was marked done (already so on the rig) or
   * held as a conflict, 'away' when the rig does not answer the look.
   */
  async #check(
    rigId: string,
    client: RigEndpoints,
    entry: StoredEntry,
  ): Promise<{ kind: 'send'; facts: BasisFact[]; now: Record<string, WireValue>; note?: string } | { kind: 'settled' } | { kind: 'away' }> {
    const facts = basisFacts(entry.endpoint, entry.args) ?? [];
    // Kept by an earlier version, which did not record a basis: sent as it would have been.
    if (entry.basis === undefined) return { kind: 'send', facts: [], now: {}, note: 'Queued by an earlier version of the app, which kept no basis: sent without comparing.' };
    if (facts.length === 0) return { kind: 'send', facts, now: {} };
    let now: Record<string, WireValue>;
    try {
      now = await this.#look(rigId, client, facts);
    } catch (e) {
      const { code, message } = toMotifError(e);
      if (!ANSWERED.has(code)) {
        // Not reached, or no answer in time: never sent blind. The entry says so and waits.
        const { entries } = await this.store.update((all) => {
          const x = all.find((y) => y.id === entry.id);
          if (x?.state !== 'pending') return;
          x.attempts += 1;
          x.lastAttemptAtMs = Date.now();
          x.error = { code, message };
        });
        this.#emit(rigId, entries);
        return { kind: 'away' };
      }
      // The rig answers but not this read: the change itself is sent, and the rig says what it makes of it.
      return { kind: 'send', facts: [], now: {}, note: `Sent without comparing: the rig could not be read first (${message}).` };
    }
    const verdict = judge(facts, entry.basis, now, this.options.rigName(rigId) ?? entry.rigName);
    if (verdict.kind === 'apply') {
      const note = verdict.unchecked.length > 0
        ? `Sent without comparing ${verdict.unchecked.join(', ')}: never seen on this computer before the change was made.`
        : undefined;
      return { kind: 'send', facts, now, ...(note === undefined ? {} : { note }) };
    }
    const { entries } = await this.store.update((all) => {
      const e = all.find((x) => x.id === entry.id);
      if (e?.state !== 'pending') return;
      e.error = null; // a failed look before this one no longer says anything
      if (verdict.kind === 'already') {
        e.state = 'applied';
        e.appliedAtMs = Date.now();
        e.alreadySo = true;
      } else {
        e.state = 'conflict';
        e.conflict = { message: verdict.message, checkedAtMs: Date.now() };
        e.found = verdict.found;
      }
      pruneApplied(all, rigId, this.options.appliedKept ?? 20);
    });
    this.#emit(rigId, entries);
    return { kind: 'settled' };
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

  /** Tell listeners a rig's entries; `onlyIfChanged`: not when they were told these already. */
  #emit(rigId: string, all: StoredEntry[], onlyIfChanged = false): void {
    const entries = viewAll(all.filter((e) => e.rigId === rigId));
    const told = JSON.stringify(entries);
    if (onlyIfChanged && this.#told.get(rigId) === told) return;
    this.#told.set(rigId, told);
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

function notQueued(endpoint: string) {
  return fail(
    'rig-unreachable',
    `The rig is unreachable, and ${requestInWords(endpoint)} was not queued: it only makes sense now. Try again when the rig is back.`,
    { endpoint, queued: false },
  );
}

function view(stored: StoredEntry, heldBy?: string): OutboxEntry {
  // The basis and the values found stay in the file: the conflict's message says them in words.
  const { basis: _basis, found: _found, ...e } = stored;
  const args = redactSecrets(e.args) as Record<string, unknown>;
  return { ...e, args, words: redactedWords((a) => callInWords(e.endpoint, a), e.args), ...(heldBy === undefined ? {} : { heldBy }) };
}

/** Each entry as shown, a held one naming the change it waits behind. */
function viewAll(entries: StoredEntry[]): OutboxEntry[] {
  const held = heldEntries(entries);
  return entries.map((e) => view(e, held.get(e.id)));
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

