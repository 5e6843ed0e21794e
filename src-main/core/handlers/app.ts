import { ok } from '../../contract/errors';
import type { AppInfo } from '../../contract/requests';
import { appMeta } from '../app-meta';
import type { Handlers } from '../dispatch';

export function appHandlers(transport: AppInfo['transport']): Pick<Handlers, 'app.info'> {
  return {
    'app.info': async () =>
      ok({ name: appMeta.name, version: appMeta.version, transport, platform: process.platform }),
  };
}
