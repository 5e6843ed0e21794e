import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL } from '../../../../src-main/contract/channels';
import { EventBus } from '../../../../src-main/core/event-bus';
import { forwardEvents } from '../../../../src-main/shell/ipc';
import { FakeWebContents } from './fake-electron';

describe('forwardEvents', () => {
  it('pushes core events to live windows only, until unsubscribed', () => {
    const bus = new EventBus();
    const live = new FakeWebContents();
    const dead = new FakeWebContents();
    dead.destroyed = true;
    // The fakes implement the members forwardEvents uses.
    const stop = forwardEvents(bus, () => [live, dead] as never);
    bus.emit('rigs.changed', { rigs: [] });
    expect(live.sent).toEqual([[EVENT_CHANNEL, 'rigs.changed', { rigs: [] }]]);
    expect(dead.sent).toEqual([]);
    stop();
    bus.emit('rigs.changed', { rigs: [] });
    expect(live.sent).toHaveLength(1);
  });
});
