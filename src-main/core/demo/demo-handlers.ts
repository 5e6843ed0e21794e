import { ok } from '../../contract/errors';
import type { Handlers } from '../dispatch';
import type { SimulatedRigHost } from './simulated-rigs';
import { summarizeRigs } from '../registry/rig-summaries';
import type { SecretStore } from '../secrets/secret-store';
import { toMotifError } from '../errors';

export function demoHandlers(host: SimulatedRigHost, secrets: SecretStore): Pick<Handlers, 'demo.start'> {
  return {
    'demo.start': async ({ count }) => {
      try {
        return ok({ rigs: await summarizeRigs(await host.startDemo(count), secrets) });
      } catch (e) {
        return { ok: false, error: toMotifError(e) };
      }
    },
  };
}
