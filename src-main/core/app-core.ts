import type { AppInfo } from '../contract/requests';
import type { Target } from '../contract/requests/targets';
import { makeCaller, makeDispatch, type Caller, type Dispatch, type Handlers } from './dispatch';
import { EventBus } from './event-bus';
import { SimulatedRigHost } from './demo/simulated-rigs';
import { appHandlers } from './app-handlers';
import { cronHandlers } from './cron/cron-handlers';
import { demoHandlers } from './demo/demo-handlers';
import { operationHandlers } from './operations/operation-handlers';
import { rigHandlers } from './registry/rig-handlers';
import { consoleLogger, type Logger } from './logger';
import { join } from 'node:path';
import { NOTICES_FILE_NAME, NoticeBoard } from './notice-board';
import { openRigs, type RigsOptions } from './registry/open-rigs';
import type { RigConnector } from './registry/rig-connector';
import type { RigRegistry } from './registry/rig-registry';
import { watchRigSummaries } from './registry/rig-summaries';
import type { SecretStore } from './secrets/secret-store';
import { outboxDelivery } from './outbox/outbox-delivery';
import { appConfigDir } from './config-dir';
import { auditedClientFactory } from './audit/audited-client';
import { LastSeen } from './outbox/last-seen';
import { openAuditLog, startRigMonitoring, type RigMonitoring, type RigMonitoringOptions } from './rig-monitoring';
import { LiveHub } from './live/live-hub';
import { liveHandlers } from './live/live-handlers';
import type { OpenReceiver } from './live/receiver';
import { endpointResolver } from './live/resolve-endpoints';
import { workerReceivers } from './live/worker-receivers';
import { protocolHandlers } from './protocols/protocol-handlers';
import { ProtocolStore } from './protocols/protocol-store';
import { RecordingWatcher } from './protocols/run-watcher';
import { WatchFile } from './protocols/watch-file';

export interface AppCoreOptions extends Pick<RigsOptions, 'configDir' | 'store' | 'secrets'> {
  transport: AppInfo['transport'];
  log?: Logger;
  /** Poll timing (tests poll faster). */
  monitor?: RigMonitoringOptions['monitor'];
  /**
   * Where camera streams are received: a worker thread unless given (Electron: a utility
   * process), never the thread that answers requests, whose answers large frames would hold up.
   */
  openReceiver?: OpenReceiver;
}

/** Everything main serves, independent of Electron: one dispatch and one event bus. */
export interface AppCore {
  dispatch: Dispatch;
  /** The same dispatch, typed, for in-process transports (the tray). */
  call: Caller;
  events: EventBus;
  registry: RigRegistry;
  secrets: SecretStore;
  connector: RigConnector;
  notices: NoticeBoard;
  /** Status monitor, offline outbox (`submitChange`) and audit log. */
  monitoring: RigMonitoring;
  /** Simulators of the rigs marked simulated (demo mode). */
  simulated: SimulatedRigHost;
  /** Live views: camera streams open while watched. */
  live: LiveHub;
  close(): Promise<void>;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const log = options.log ?? consoleLogger;
  const events = new EventBus();
  const configDir = options.configDir ?? appConfigDir();
  const audit = openAuditLog(configDir, log);
  // What the app reads of its rigs is kept as the basis of changes queued while they are away.
  const lastSeen = new LastSeen(configDir, (e) => log.error('keeping what was seen on the rigs failed', e));
  const auditedClient = auditedClientFactory(audit, (rigId, endpoint, answer) => lastSeen.record(rigId, endpoint, answer));
  const notices = new NoticeBoard({
    file: join(configDir, NOTICES_FILE_NAME),
    onError: (e) => log.error('keeping the notices failed', e),
    onDamage: (message) => log.error(message),
  });
  const rigs = openRigs({
    notices,
    configDir: options.configDir,
    store: options.store,
    secrets: options.secrets,
    // A rig added with motifctl while the app runs shows up (and is monitored) at once.
    watch: true,
    createClient: (clientOptions, rig) => auditedClient(clientOptions, () => rigs.registry.get(rig.id) ?? rig),
  });
  for (const notice of rigs.notices.list()) log.error(notice.message);
  const rigEvents = watchRigSummaries(
    rigs.registry,
    rigs.secrets,
    (summaries) => events.emit('rigs.changed', { rigs: summaries }),
    (e) => log.error('rig summaries for rigs.changed failed', e),
  );
  // A rig that runs a protocol is read at the quick pace (the watcher, made below, knows which).
  let carriesProtocol: (rigId: string) => boolean = () => false;
  const monitoring = startRigMonitoring({
    configDir, rigs: rigs.registry, clientFor: (id) => rigs.connector.clientFor(id), audit, events, log, notices, lastSeen,
    monitor: { alsoQuick: (id) => carriesProtocol(id), ...options.monitor },
  });
  const stopNoticeEvents = notices.onChange((list) => events.emit('app.notices.changed', list));
  monitoring.outbox.reportTo(rigs.notices); // a damaged outbox file set aside is told in the window
  const simulated = new SimulatedRigHost(rigs.registry, rigs.secrets, configDir, log);
  const stopSimulatorCleanup = rigs.registry.onChange((list) => {
    for (const id of simulated.runningRigIds()) if (!list.some((r) => r.id === id)) void simulated.forget(id);
  });
  const resumed = simulated.resume();
  const live = new LiveHub({
    resolve: endpointResolver(rigs.registry, (id) => rigs.connector.clientFor(id)),
    open:
      options.openReceiver ??
      workerReceivers((line) => {
        log.error(line);
        notices.add('warning', line);
      }),
  });
  const rigOperations = {
    rigName: (id: string) => rigs.registry.get(id)?.name,
    clientFor: (id: string) => rigs.connector.clientFor(id),
    submitChange: outboxDelivery(monitoring.outbox),
    commandSent: (target: Target, recording?: boolean) => monitoring.monitor.commandSent(target.rigId, recording === undefined ? undefined : { serial: target.serial, recording }),
  };
  const protocols = new ProtocolStore(configDir);
  const rigAddress = (rig: { host: string; port: number } | undefined) => rig && { host: rig.host, port: rig.port };
  const watcher = new RecordingWatcher({
    applied: () => protocols.applied(),
    status: (id) => monitoring.monitor.get(id),
    onStatus: (listener) => monitoring.monitor.onStatus(listener),
    rigName: rigOperations.rigName,
    notice: (level, message, about) => rigs.notices.raise(level, message, about),
    audit: (entry) => void audit.append(entry),
    onError: (e) => log.error('checking planned recordings failed', e),
    file: new WatchFile(configDir, { onDamage: (message) => log.error(message) }),
  });
  watcher.start();
  carriesProtocol = (id) => watcher.carriesProtocol(id);
  const handlers: Handlers = {
    ...appHandlers(options.transport, rigs.notices),
    ...rigHandlers({ ...rigs, keyStatesLater: () => rigEvents.refresh() }),
    ...monitoring.handlers,
    ...operationHandlers({
      ...rigOperations,
      // The status the app holds, with what it just started or stopped there: a start waits for no read.
      camerasOf: (id) => monitoring.monitor.recordingCameras(id),
      outcomeOf: (progress, outcome) => events.emit('targets.outcome', { progress, outcome }),
    }),
    ...protocolHandlers({ ...rigOperations, store: protocols, rigAddress: (id) => rigAddress(rigs.registry.get(id)) }, (rigId, fromMs, untilMs) => watcher.past(rigId, fromMs, untilMs)),
    ...cronHandlers(),
    ...demoHandlers(simulated, rigs.secrets),
    ...liveHandlers(live),
  };
  const dispatch = makeDispatch(handlers, log);
  return {
    dispatch,
    call: makeCaller(dispatch),
    events,
    registry: rigs.registry,
    secrets: rigs.secrets,
    connector: rigs.connector,
    notices: rigs.notices,
    monitoring,
    simulated,
    live,
    close: async () => {
      await live.close();
      rigEvents.stop();
      stopNoticeEvents();
      stopSimulatorCleanup();
      await watcher.stop();
      await resumed;
      await simulated.stop();
      await monitoring.close();
      await rigs.close();
    },
  };
}
