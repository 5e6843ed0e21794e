import { describe, expect, it } from 'vitest';
import type { MotifBridge } from '../../../../src-main/contract/bridge';
import { ok } from '../../../../src-main/contract/errors';
import { createAppStore } from '../../../../src-renderer/store/app-store';

describe("the store's call", () => {
  it('sends a request by name to the bridge and hands back its answer unchanged', async () => {
    const sent: unknown[] = [];
    const bridge: MotifBridge = {
      call: async (name, args) => {
        sent.push({ name, args });
        return ok({ ExposureTime: 12.5 }) as never;
      },
      on: () => () => {},
    };
    const { call } = createAppStore(bridge).getState();

    const r = await call('cameras.read', { target: { rigId: 'a', serial: 'CAM1' }, names: ['ExposureTime'] });

    expect(sent).toEqual([{ name: 'cameras.read', args: { target: { rigId: 'a', serial: 'CAM1' }, names: ['ExposureTime'] } }]);
    expect(r).toEqual({ ok: true, value: { ExposureTime: 12.5 } });
    // Arguments are the contract's for the name: a wrong shape does not compile.
    // @ts-expect-error `cameras.read` takes one target, not a list
    void (() => call('cameras.read', { targets: [{ rigId: 'a' }], names: [] }));
  });
});
