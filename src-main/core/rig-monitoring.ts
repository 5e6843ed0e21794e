/** The monitor, the outbox and the audit log wired for the app core: handlers, events, one close. */
import type { EventBus } from './event-bus';
import type { Handlers } from './dispatch';
import { auditHandlers } from './audit/audit-handlers';
import { outboxHandlers } from './outbox/outbox-handlers';
import { statusHandlers } from './status/status-handlers';
import type { Logger } from './logger';
import type { RigEndpoints } from './motif-api/rig-endpoints';
import { AuditLog } from './audit/audit-log';
import type { LastSeen } from './outbox/last-seen';
import { Outbox, drainAfterBriefOutage, drainWhenOnline } from './outbox/outbox';
import { StatusMonitor, type MonitoredRigs, type StatusMonitorOptions } from './status/status-monitor';
import type { NoticeBoard } from './notice-board';
import { AlertRaiser } from './alerts/alert-raiser';
import { alertAuditEntry } from './alerts/audit-alerts';

/** Built before the connector, so every client the connector makes can write to it. */
export function openAuditLog(configDir: string, log: Logger): AuditLog {
  return new AuditLog({ configDir, onError: (e) => log.error('writing the audit log failed', e) });
}

export interface RigMonitoringOptions {
  configDir: string;
  /** The registry: its list to poll, and one rig's name for the outbox's words. */
  rigs: MonitoredRigs & { get(id: string): { name: string } | undefined };
  clientFor: (rigId: string) => Promise<RigEndpoints>;
  audit: AuditLog;
  events: EventBus;
  log: Logger;
  /** Where the alerts raised from status changes and the outbox go. */
  notices: NoticeBoard;
  /** What was seen on the rigs, shared with their clients: the basis of changes queued while a rig is away. */
  lastSeen?: LastSeen;
  monitor?: Partial<Pick<StatusMonitorOptions, 'intervalMs' | 'idleIntervalMs' | 'slowIntervalMs' | 'requestTimeoutMs' | 'backoff' | 'alsoQuick'>>;
}

export interface RigMonitoring {
  monitor: StatusMonitor;
  outbox: Outbox;
  audit: AuditLog;
  alerts: AlertRaiser;
  handlers: Pick<Handlers, 'status.list' | 'status.refresh' | 'status.watch' | 'outbox.list' | 'outbox.cancel' | 'outbox.retry' | 'outbox.applyAnyway' | 'audit.query' | 'audit.export'>;
  close(): Promise<void>;
}

/**
 * Start polling every configured rig; push `rig.status` and `outbox.changed` on the event bus;
 * raise alerts from what changed, each also written to the audit log.
 */
export function startRigMonitoring(options: RigMonitoringOptions): RigMonitoring {
  const { rigs, clientFor, events, log, notices } = options;
  const alerts = new AlertRaiser(notices);
  const monitor = new StatusMonitor({ rigs, clientFor, cacheDir: options.configDir, ...options.monitor });
  const outbox = new Outbox({
    configDir: options.configDir,
    clientFor,
    rigName: (id) => rigs.get(id)?.name,
    rigState: (id) => monitor.get(id)?.state,
    onError: (e) => log.error('the outbox could not be applied', e),
    lastSeen: options.lastSeen,
  });
  const unsubscribe = [
    monitor.onStatus((status) => events.emit('rig.status', status)),
    monitor.onStatus((status, previous) => alerts.status(status, previous)),
    outbox.onChange((rigId, entries) => events.emit('outbox.changed', { rigId, entries })),
    outbox.onChange((rigId, entries) => alerts.outbox(rigId, entries)),
    options.audit.onEntry((entry) => alerts.commandSent(entry)),
    notices.onNotice((n) => {
      if (n.rigId !== undefined) void options.audit.append(alertAuditEntry({ ...n, rigId: n.rigId }));
    }),
    drainWhenOnline(outbox, monitor),
    drainAfterBriefOutage(outbox, monitor),
  ];
  // Called first, so its file update is queued before any drain's (the store runs updates in order).
  const recovered = outbox.recoverInterrupted().catch((e: unknown) => log.error('reading the outbox failed', e));
  // Alerts still shown from an earlier run are not told again.
  const loaded = notices
    .load()
    .catch((e: unknown) => log.error('reading the kept notices failed', e))
    .finally(() => alerts.rememberShown());
  const started = monitor.start().catch((e: unknown) => log.error('starting the status monitor failed', e));
  return {
    monitor,
    outbox,
    audit: options.audit,
    alerts,
    handlers: { ...statusHandlers(monitor), ...outboxHandlers(outbox), ...auditHandlers(options.audit) },
    close: async () => {
      await Promise.all([started, recovered, loaded]);
      for (const u of unsubscribe) u();
      await monitor.stop();
      await outbox.close();
      await notices.flush();
      await options.audit.flush();
    },
  };
}
