import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../../src-main/contract/errors';
import { makeCaller, makeDispatch, type Handlers } from '../../../../src-main/core/dispatch';
import { CoreError } from '../../../../src-main/core/errors';
import { EventBus } from '../../../../src-main/core/event-bus';
import { silentLogger } from '../../../../src-main/core/logger';

const rig = {
  id: 'r1',
  name: 'Arena A',
  host: '127.0.0.1',
  port: 6083,
  tags: ['fly'],
  simulated: false,
  notes: '',
  trust: null,
  preset: {},
  keyState: 'none' as const,
  createdAt: '2026-11-25T12:00:00.000Z',
};

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const some: Partial<Handlers> = {
    'app.info': async () => ok({ name: 'Motif Control', version: '1.2.3', transport: 'browser', platform: 'linux' }),
    'rigs.list': async () => ok([rig]),
    ...overrides,
  };
  // Only the requests these tests call; dispatch never reaches the others.
  return some as Handlers;
}

describe('makeDispatch', () => {
  it('says what is wrong inside a protocol given whole, field by field, not "Invalid input" at the union', async () => {
    const dispatch = makeDispatch(handlers({ 'protocols.plan': async () => ok({ lanes: [] }) }), silentLogger);
    // An emptied number field arrives as null: a type error, which makes zod give up on every option of the union.
    const protocol = { version: 1, name: 'p', recordings: [{ when: { times: ['09:00'] }, durationSeconds: null }] };
    const r = await dispatch('protocols.plan', { ref: { protocol }, from: '2026-12-01T00:00:00Z', until: '2026-12-02T00:00:00Z' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(!r.ok && r.error.details?.issues).toEqual([
      { path: ['ref', 'protocol', 'recordings', '0', 'durationSeconds'], message: 'needs a length of time, like 30 min or 1h30m' },
    ]);
  });

  it('routes a known request to its handler and returns its result', async () => {
    const dispatch = makeDispatch(handlers(), silentLogger);
    expect(await dispatch('rigs.list', {})).toEqual({ ok: true, value: [rig] });
  });

  it.each([['toString'], ['constructor'], ['rigs.delete'], [42], [undefined]])(
    'refuses an unknown request name %s',
    async (name) => {
      const r = await makeDispatch(handlers(), silentLogger)(name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
    },
  );

  it('refuses arguments the contract does not allow, naming the problem', async () => {
    const spy = vi.fn(async () => ok([]));
    const dispatch = makeDispatch(handlers({ 'rigs.list': spy }), silentLogger);
    const r = await dispatch('rigs.list', { sneaky: true });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-args');
      expect(r.error.message).toMatch(/rigs\.list/);
      expect(r.error.details?.issues).toBeInstanceOf(Array);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an internal error and logs the cause', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const boom = new Error('disk on fire');
    const dispatch = makeDispatch(handlers({ 'app.info': async () => Promise.reject(boom) }), log);
    const r = await dispatch('app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) expect(r.error.message).not.toContain('disk on fire');
    expect(log.error).toHaveBeenCalledWith('request app.info failed', boom);
  });

  it('passes handler failures through unchanged', async () => {
    const dispatch = makeDispatch(handlers({ 'rigs.list': async () => fail('config-error', 'Config unreadable') }), silentLogger);
    expect(await dispatch('rigs.list', {})).toEqual({ ok: false, error: { code: 'config-error', message: 'Config unreadable' } });
  });
});

describe('results, errors and the typed caller', () => {
  it('catches a handler answering outside its contract (checked in tests and development builds)', async () => {
    const log = { info: vi.fn(), error: vi.fn() };
    const drifted = handlers({ 'app.info': async () => ok({ name: 'Motif Control', version: 1 } as never) });
    const r = await makeDispatch(drifted, log, { checkResults: true })('app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/outside its contract/) } });
    expect(log.error).toHaveBeenCalled();
    const unchecked = await makeDispatch(drifted, log, { checkResults: false })('app.info', {});
    expect(unchecked.ok).toBe(true);
  });

  it('maps a thrown coded error to its own code and words, through the one mapper', async () => {
    const refused = handlers({ 'rigs.list': async () => Promise.reject(new CoreError('keychain-unavailable', 'The keychain is locked.')) });
    expect(await makeDispatch(refused, silentLogger)('rigs.list', {})).toEqual({
      ok: false,
      error: { code: 'keychain-unavailable', message: 'The keychain is locked.' },
    });
  });

  it('gives in-process transports a caller typed by the contract', async () => {
    const call = makeCaller(makeDispatch(handlers(), silentLogger));
    const r = await call('rigs.list', {});
    expect(r.ok && r.value.map((x) => x.name)).toEqual(['Arena A']);
    expect(await call('outbox.list', {})).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });
});

describe('EventBus.on', () => {
  it('hears only its event, with the payload typed, until unsubscribed', () => {
    const bus = new EventBus();
    const seen: string[] = [];
    const off = bus.on('outbox.changed', (p) => seen.push(`${p.rigId}:${p.entries.length}`));
    bus.emit('rigs.changed', { rigs: [] });
    bus.emit('outbox.changed', { rigId: 'r1', entries: [] });
    off();
    bus.emit('outbox.changed', { rigId: 'r2', entries: [] });
    expect(seen).toEqual(['r1:0']);
  });
});
