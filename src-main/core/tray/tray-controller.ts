import type { Result } from '../../contract/errors';
import type { RigSummary } from '../../contract/requests/rigs';
import type { RigStatus } from '../../contract/requests/status';
import type { TargetOutcome } from '../../contract/requests/targets';
import type { Caller } from '../dispatch';
import type { EventBus } from '../event-bus';
import { buildTrayModel, presetOptions, type TrayAction, type TrayModel, type TrayProgress } from './tray-menu';

export interface TrayView {
  render(model: TrayModel): void;
  /** A short message after an action (a native notification or the tooltip). */
  notify(title: string, body: string): void;
}

/**
 * Keeps the tray menu in step with rigs and statuses, and runs its actions through the
 * dispatch, so tray commands are validated and audited like the window's.
 */
export class TrayController {
  private rigs: RigSummary[] = [];
  private statuses = new Map<string, RigStatus>();
  private readonly unsubscribe: (() => void)[];
  private renderTimer: NodeJS.Timeout | null = null;
  /** The action under way, shown in the menu as its rigs answer. */
  private progress: TrayProgress | null = null;
  private runs = 0;
  private readonly clock: NodeJS.Timeout;

  constructor(
    private readonly call: Caller,
    private readonly events: EventBus,
    private readonly view: TrayView,
    private readonly onWindowAction: (action: 'show-window' | 'quit') => void,
  ) {
    this.unsubscribe = [
      events.on('rigs.changed', ({ rigs }) => {
        this.rigs = rigs;
        this.scheduleRender();
      }),
      events.on('rig.status', (status) => {
        this.statuses.set(status.rigId, status);
        this.scheduleRender();
      }),
    ];
    // Elapsed recording times in the menu move even when no status changes.
    this.clock = setInterval(() => this.scheduleRender(), 15_000);
    this.clock.unref();
  }

  async load(): Promise<void> {
    const [rigs, statuses] = await Promise.all([this.call('rigs.list', {}), this.call('status.list', {})]);
    if (rigs.ok) this.rigs = rigs.value;
    if (statuses.ok) for (const s of statuses.value) this.statuses.set(s.rigId, s);
    this.render();
  }

  render(): void {
    this.view.render(buildTrayModel(this.rigs, [...this.statuses.values()], Date.now(), this.progress));
  }

  async run(action: TrayAction): Promise<void> {
    if (action.kind === 'show-window' || action.kind === 'quit') return this.onWindowAction(action.kind);
    if (action.rigIds.length === 0) return;
    const rigs = this.rigs.filter((r) => action.rigIds.includes(r.id));
    const results = await this.withProgress(action.kind, rigs.length, (progress) =>
      action.kind === 'stop'
        ? Promise.all([this.call('recording.stop', { targets: rigs.map((r) => ({ rigId: r.id })), progress })])
        : // Each rig starts with its own preset (codec names are per-rig configuration).
          Promise.all(rigs.map((r) => this.call('recording.start', { targets: [{ rigId: r.id }], options: presetOptions(r), progress }))),
    );
    const outcomes = results.flatMap((r) => (r.ok ? r.value : []));
    const failed = outcomes.filter((o) => !o.ok);
    const verb = action.kind === 'start' ? 'Recording started' : 'Recording stopped';
    const refused = results.find((r) => !r.ok);
    if (refused && !refused.ok) this.view.notify('Motif Control', refused.error.message);
    else if (failed.length === 0) this.view.notify(verb, outcomes.map((o) => o.rigName).join(', '));
    else
      this.view.notify(
        `${failed.length} of ${outcomes.length} rigs failed`,
        failed.map((o) => `${o.rigName}: ${o.ok ? '' : o.error.message}`).join('\n'),
      );
  }

  /** Runs an action, the menu saying how many of its rigs answered so far as their outcomes come. */
  private async withProgress(
    kind: 'start' | 'stop',
    rigCount: number,
    send: (progress: string) => Promise<Result<TargetOutcome[]>[]>,
  ): Promise<Result<TargetOutcome[]>[]> {
    const id = `tray-${++this.runs}`;
    const answered = new Set<string>();
    const failed = new Set<string>();
    const progress: TrayProgress = { verb: kind === 'start' ? 'Starting recording' : 'Stopping recording', answered: 0, of: rigCount, failed: 0 };
    this.progress = progress;
    this.render();
    const stop = this.events.on('targets.outcome', ({ progress: named, outcome }) => {
      if (named !== id) return;
      answered.add(outcome.rigId);
      if (!outcome.ok && outcome.error.code !== 'already-recording') failed.add(outcome.rigId);
      progress.answered = answered.size;
      progress.failed = failed.size;
      this.scheduleRender();
    });
    try {
      return await send(id);
    } finally {
      stop();
      if (this.progress === progress) this.progress = null;
      this.scheduleRender();
    }
  }

  private scheduleRender(): void {
    if (this.renderTimer) return;
    // Status events arrive in bursts (one per rig); rebuild the native menu once per burst.
    this.renderTimer = setTimeout(() => {
      this.renderTimer = null;
      this.render();
    }, 250);
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    clearInterval(this.clock);
    if (this.renderTimer) clearTimeout(this.renderTimer);
  }
}
