import type { AppInfo } from '../contract/requests';
import { makeDispatch, type Dispatch, type Handlers } from './dispatch';
import { EventBus } from './event-bus';
import { appHandlers } from './handlers/app';
import { rigHandlers } from './handlers/rigs';
import { consoleLogger, type Logger } from './logger';
import { MemoryRigDirectory, type RigDirectory } from './rigs/rig-directory';

export interface AppCoreOptions {
  transport: AppInfo['transport'];
  log?: Logger;
  rigs?: RigDirectory;
}

/** Everything main serves, independent of Electron: one dispatch and one event bus. */
export interface AppCore {
  dispatch: Dispatch;
  events: EventBus;
  close(): Promise<void>;
}

export function createAppCore(options: AppCoreOptions): AppCore {
  const log = options.log ?? consoleLogger;
  const rigs = options.rigs ?? new MemoryRigDirectory();
  const handlers: Handlers = {
    ...appHandlers(options.transport),
    ...rigHandlers(rigs),
  };
  return {
    dispatch: makeDispatch(handlers, log),
    events: new EventBus(),
    close: async () => {},
  };
}
