import type { AppNotice } from '../../contract/requests/app';
import { noticeNeedsSomeone } from '../../../src-shared/notice-levels';
import type { Caller } from '../dispatch';
import type { EventBus } from '../event-bus';

/** Shows one desktop notification (Electron's Notification in the shell; a fake in tests). */
export type DesktopNotify = (title: string, body: string) => void;

/**
 * Each alert that needs someone, raised while the app runs, as a desktop notification: which
 * rig and camera, what happened and what to do. Told once; notices kept from an earlier run
 * were told then. Independent of the tray, which a desktop may not show.
 */
export class DesktopAlerts {
  private readonly told = new Set<string>();
  private readonly startedAt = new Date().toISOString();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly call: Caller,
    events: EventBus,
    private readonly notify: DesktopNotify,
  ) {
    this.unsubscribe = events.on('app.notices.changed', (notices) => this.tellNew(notices));
  }

  async load(): Promise<void> {
    const notices = await this.call('app.notices', {});
    if (notices.ok) for (const n of notices.value) this.told.add(n.id);
  }

  private tellNew(notices: AppNotice[]): void {
    for (const n of notices) {
      // Kept from an earlier run (read from the file after start): told back then.
      if (this.told.has(n.id) || n.at < this.startedAt) continue;
      this.told.add(n.id);
      if (!noticeNeedsSomeone(n.level)) continue;
      const title = n.rigName ? `${n.rigName}${n.serial ? ` · camera ${n.serial}` : ''}` : 'Motif Control';
      this.notify(title, n.advice ? `${n.message}\n${n.advice}` : n.message);
    }
  }

  dispose(): void {
    this.unsubscribe();
  }
}
