import { ok } from '../../contract/errors';
import type { Handlers } from '../dispatch';
import type { RigDirectory } from '../rigs/rig-directory';

export function rigHandlers(rigs: RigDirectory): Pick<Handlers, 'rigs.list'> {
  return {
    'rigs.list': async () => ok(rigs.list()),
  };
}
