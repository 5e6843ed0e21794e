import { fail, ok } from '../contract/errors';
import type { AppInfo } from '../contract/requests';
import { appMeta } from './app-meta';
import type { Handlers } from './dispatch';
import type { NoticeBoard } from './notice-board';

export function appHandlers(transport: AppInfo['transport'], notices: NoticeBoard): Pick<Handlers, 'app.info' | 'app.notices' | 'app.notices.dismiss'> {
  return {
    'app.info': async () =>
      ok({ name: appMeta.name, version: appMeta.version, transport, platform: process.platform }),
    'app.notices': async () => ok(notices.list()),
    'app.notices.dismiss': async ({ id }) =>
      (await notices.dismiss(id)) ? ok(notices.list()) : fail('not-found', `There is no notice ${id} to dismiss (dismissed already?).`),
  };
}
