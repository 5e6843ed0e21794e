import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RigStatus } from '../../../../../src-main/contract/requests/status';
import { STATUS_FILE_NAME } from '../../../../../src-main/core/status/status-cache';
import { StatusMonitor, type StatusMonitorOptions } from '../../../../../src-main/core/status/status-monitor';
import { DEFAULT_CODECS } from '../../../../../src-main/sim';
import { SimRigsHarness, waitFor } from '../registry/rig-fixture';

const FAST = { intervalMs: 100, idleIntervalMs: 100, slowIntervalMs: 1000, requestTimeoutMs: 1000, backoff: { baseMs: 50, maxMs: 400, jitter: 0 } };

describe('StatusMonitor against simulated rigs', () => {
  let h: SimRigsHarness;
  const monitors: StatusMonitor[] = [];
  beforeEach(async () => {
    h = await SimRigsHarness.start(2, 2);
  });
  afterEach(async () => {
    await Promise.all(monitors.splice(0).map((m) => m.stop()));
    await h.stop();
  });

  function monitor(extra: Partial<StatusMonitorOptions> = {}): StatusMonitor {
    const m = new StatusMonitor({ rigs: h.rigList, clientFor: h.clientFor, ...FAST, ...extra });
    monitors.push(m);
    return m;
  }
  const stateOf = (m: StatusMonitor, id: string) => m.get(id)?.state;

  it('reports every rig online with version, clock offset and cameras', async () => {
    const m = monitor();
    await m.start();
    await waitFor(() => m.list().every((s) => s.state === 'online'));
    const s = m.get('rig-1')!;
    expect(s.stale).toBe(false);
    expect(s.version).toBe('5.2.0');
    expect(Math.abs(s.clockOffsetMs!)).toBeLessThan(1000);
    expect(s.lastSeenAtMs).toBeGreaterThan(Date.now() - 5000);
    expect(s.cameras.map((c) => c.serial)).toEqual(h.sim('rig-1').info.serials);
    expect(s.cameras[0]).toMatchObject({ state: 'idle', recording: null, copying: false, connected: true, diskUsedPercent: 42, outputs: { led: 0, ledgreen: 0 } });
    expect(s.cameras[0]!.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(s.cameras[0]!.codecs).toEqual(DEFAULT_CODECS);
  });

  it('goes offline when the rig does, backs off with growing delays, and comes back online', async () => {
    const m = monitor();
    const seen: RigStatus[] = [];
    m.onStatus((s) => seen.push(s));
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    await h.sim('rig-0').goOffline();
    await waitFor(() => stateOf(m, 'rig-0') === 'offline');
    const delays: number[] = [];
    await waitFor(() => {
      const d = m.get('rig-0')!.retryDelayMs!;
      if (delays.at(-1) !== d) delays.push(d);
      return d >= 400;
    }, 5000);
    expect(delays.slice(0, 4)).toEqual([50, 100, 200, 400]);
    const offline = m.get('rig-0')!;
    expect(offline.stale).toBe(true);
    expect(offline.problem?.code).toBe('rig-unreachable');
    expect(offline.cameras).toHaveLength(2); // what it last knew stays
    expect(stateOf(m, 'rig-1')).toBe('online');
    await h.sim('rig-0').comeBack();
    await waitFor(() => stateOf(m, 'rig-0') === 'online', 3000);
    expect(m.get('rig-0')!.retryDelayMs).toBeNull();
    expect(seen.filter((s) => s.rigId === 'rig-0').map((s) => s.state)).toEqual(['online', 'offline', 'online']);
  });

  it('retries quickly during the first moments of an outage, so a rig that came back shows online at once', async () => {
    const m = monitor({ backoff: { baseMs: 50, maxMs: 5000, jitter: 0, quickWindowMs: 1500, quickMaxMs: 150 } });
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    await h.sim('rig-0').goOffline();
    await waitFor(() => stateOf(m, 'rig-0') === 'offline');
    const quick: number[] = [];
    const outageStart = Date.now();
    await waitFor(() => {
      quick.push(m.get('rig-0')!.retryDelayMs ?? 0);
      return Date.now() - outageStart > 1000;
    }, 3000);
    expect(Math.max(...quick)).toBe(150);
    // Past the brief window the delays grow again.
    await waitFor(() => (m.get('rig-0')!.retryDelayMs ?? 0) > 150, 5000);
    await h.sim('rig-0').comeBack();
    // A retry now starts over at once rather than waiting for the grown delay.
    const [back] = await m.refresh('rig-0');
    expect(back?.state).toBe('online');
  });

  it('shows a slow but answering rig online with a note, never offline', async () => {
    const m = monitor();
    const seen: RigStatus[] = [];
    m.onStatus((s) => seen.push(s));
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    // Slower than the poll's 1 s timeout: the monitor waits longer rather than calling it offline.
    h.sim('rig-0').setFault('latency=1300');
    const slow = await waitFor(() => {
      const s = m.get('rig-0')!;
      return s.state === 'online' && !s.stale && s.problem?.code === 'rig-slow' && s;
    }, 12_000);
    expect(slow.problem?.message).toMatch(/slow/);
    expect(seen.filter((s) => s.rigId === 'rig-0').map((s) => s.state)).not.toContain('offline');
    h.sim('rig-0').clearFaults();
    await waitFor(() => m.get('rig-0')!.problem === null, 8_000);
    expect(seen.filter((s) => s.rigId === 'rig-0').map((s) => s.state)).not.toContain('offline');
  });

  it('calls a rig that accepts connections but never answers offline once the longest wait passed', async () => {
    const m = monitor({ maxRequestTimeoutMs: 1_500 });
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    h.sim('rig-0').setFault('hang');
    const offline = await waitFor(() => stateOf(m, 'rig-0') === 'offline' && m.get('rig-0')!, 10_000);
    expect(offline.problem?.code).toBe('rig-timeout');
    expect(offline.problem?.message).toMatch(/did not answer/);
  });

  it('tells a rejected key, an untrusted certificate and connector refusals apart', async () => {
    h.override('rig-0', { apiKey: 'not-the-key' });
    h.override('rig-1', { trust: { kind: 'fingerprint', fingerprint256: Array(32).fill('AB').join(':') } });
    const m = monitor();
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'key-rejected' && stateOf(m, 'rig-1') === 'untrusted');
    expect(m.get('rig-0')!.problem?.code).toBe('key-rejected');
    expect(m.get('rig-1')!.problem?.code).toBe('tls-fingerprint-changed');
    h.refuse('rig-0', 'key-rejected');
    h.refuse('rig-1', 'tls-untrusted');
    await m.refresh();
    expect(stateOf(m, 'rig-0')).toBe('no-key');
    expect(stateOf(m, 'rig-1')).toBe('not-trusted');
    h.refuse('rig-0', null);
    h.override('rig-0', {});
    const [back] = await m.refresh('rig-0');
    expect(back!.state).toBe('online');
  });

  it('shows recording (filename, start, elapsed, remaining) and copy progress', async () => {
    const m = monitor();
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    const serial = h.sim('rig-0').info.serials[0]!;
    const client = h.client('rig-0');
    await client.invoke('recording.start', { serial }, { duration: 60, filename: 'mouse7' });
    const recording = await waitFor(async () => {
      const [s] = await m.refresh('rig-0');
      const cam = s!.cameras.find((c) => c.serial === serial)!;
      return cam.state === 'recording' && cam;
    });
    expect(recording.recording!.filename).toContain('mouse7');
    expect(recording.recording!.durationSeconds).toBe(60);
    expect(recording.recording!.startedAtMs).toBeGreaterThan(Date.now() - 10_000);
    expect(recording.recording!.remainingSeconds).toBeLessThanOrEqual(60);
    expect(recording.recording!.elapsedSeconds! + recording.recording!.remainingSeconds!).toBeCloseTo(60, 0);
    await client.invoke('recording.stop', { serial });
    await client.invoke('recordings.copy', { serial }, {});
    const [s] = await m.refresh('rig-0');
    const copying = s!.cameras.find((c) => c.serial === serial)!;
    expect(copying.copying).toBe(true);
    expect(copying.playbackStatus).toBe('copying');
    expect(copying.playbackProgress).toBeGreaterThanOrEqual(0);
    h.sim('rig-0').finishJobs();
    const [done] = await m.refresh('rig-0');
    expect(done!.cameras.find((c) => c.serial === serial)!.copying).toBe(false);
  });

  it('pushes a rig status only when it changed', async () => {
    const m = monitor();
    const seen: RigStatus[] = [];
    m.onStatus((s) => seen.push(s));
    await m.start();
    await waitFor(() => m.list().every((s) => s.state === 'online'));
    await new Promise((r) => setTimeout(r, 800)); // about 8 polls of each rig with nothing changing
    expect(seen.map((s) => s.rigId).sort()).toEqual(['rig-0', 'rig-1']);
    await h.client('rig-1').invoke('recording.start', { serial: h.sim('rig-1').info.serials[1] }, {});
    await waitFor(() => seen.length >= 3);
    await new Promise((r) => setTimeout(r, 400));
    const later = seen.slice(2);
    expect(later.every((s) => s.rigId === 'rig-1')).toBe(true);
    // pending, then recording: each a change, and no event for the elapsed time ticking on.
    expect(later.length).toBeLessThanOrEqual(2);
  });

  it('polls the camera list and the clock less often than camera status', async () => {
    const m = monitor({ slowIntervalMs: 10_000 });
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    h.sim('rig-0').reset();
    await new Promise((r) => setTimeout(r, 600));
    const endpoints = h.sim('rig-0').events().map((e) => e.endpoint);
    const statusReads = endpoints.filter((e) => e.startsWith('camera/')).length;
    expect(statusReads).toBeGreaterThanOrEqual(6);
    expect(endpoints.filter((e) => e === 'cameras' || e === 'schedule')).toEqual([]);
  });

  it('persists the last known status and shows it stale after a restart', async () => {
    const dir = h.tempDir();
    const first = monitor({ cacheDir: dir, statusWriteIntervalMs: 50 });
    await first.start();
    await waitFor(() => first.list().every((s) => s.state === 'online'));
    await first.stop();
    const file = JSON.parse(readFileSync(`${dir}/${STATUS_FILE_NAME}`, 'utf8')) as { rigs: RigStatus[] };
    expect(file.rigs.map((r) => r.rigId).sort()).toEqual(['rig-0', 'rig-1']);
    await h.sim('rig-0').goOffline();
    const second = monitor({ cacheDir: dir });
    await second.start();
    const shown = second.list(); // at once, before any answer
    expect(shown.map((s) => [s.state, s.stale, s.cameras.length])).toEqual([
      ['unknown', true, 2],
      ['unknown', true, 2],
    ]);
    expect(shown[0]!.lastSeenAtMs).not.toBeNull();
    await waitFor(() => stateOf(second, 'rig-0') === 'offline' && stateOf(second, 'rig-1') === 'online');
    expect(second.get('rig-0')!.cameras).toHaveLength(2);
    expect(second.get('rig-0')!.stale).toBe(true);
  });

  it('shows a status kept by an earlier version, without disk use and outputs, after a restart', async () => {
    const dir = h.tempDir();
    const first = monitor({ cacheDir: dir, statusWriteIntervalMs: 50 });
    await first.start();
    await waitFor(() => first.list().every((s) => s.state === 'online'));
    await first.stop();
    const path = `${dir}/${STATUS_FILE_NAME}`;
    const file = JSON.parse(readFileSync(path, 'utf8')) as { rigs: { cameras: Record<string, unknown>[] }[] };
    for (const rig of file.rigs) for (const c of rig.cameras) {
      delete c.diskUsedPercent;
      delete c.outputs;
    }
    writeFileSync(path, JSON.stringify(file));
    await h.sim('rig-0').goOffline();
    const second = monitor({ cacheDir: dir });
    await second.start();
    expect(second.list().map((s) => s.cameras.map((c) => [c.diskUsedPercent, c.outputs]))).toEqual([
      [[null, {}], [null, {}]],
      [[null, {}], [null, {}]],
    ]);
  });

  it('follows the rig list: new rigs polled, removed ones dropped, renames pushed', async () => {
    h.rigList.set([h.rigList.rigs[0]!]);
    const m = monitor();
    const seen: RigStatus[] = [];
    m.onStatus((s) => seen.push(s));
    await m.start();
    await waitFor(() => stateOf(m, 'rig-0') === 'online');
    h.rigList.set([{ id: 'rig-0', name: 'Arena A' }, { id: 'rig-1', name: 'Rig 1' }]);
    await waitFor(() => stateOf(m, 'rig-1') === 'online');
    expect(seen.some((s) => s.rigId === 'rig-0' && s.rigName === 'Arena A')).toBe(true);
    h.rigList.set([{ id: 'rig-1', name: 'Rig 1' }]);
    expect(m.list().map((s) => s.rigId)).toEqual(['rig-1']);
    expect(m.get('rig-0')).toBeUndefined();
  });
});

describe('StatusMonitor paces: idle rigs nobody looks at less often', () => {
  let h: SimRigsHarness;
  let m: StatusMonitor | undefined;
  beforeEach(async () => {
    h = await SimRigsHarness.start(2, 2);
  });
  afterEach(async () => {
    await m?.stop();
    await h.stop();
  });

  const PACED = { ...FAST, intervalMs: 100, idleIntervalMs: 2000 };
  const statusReads = (rigId: string, sinceMs = 0) => h.sim(rigId).events().filter((e) => e.endpoint.startsWith('camera/') && e.at >= sinceMs).length;
  const start = async (extra: Partial<StatusMonitorOptions> = {}) => {
    m = new StatusMonitor({ rigs: h.rigList, clientFor: h.clientFor, ...PACED, ...extra });
    await m.start();
    await waitFor(() => m!.list().every((s) => s.state === 'online'));
    h.sim('rig-0').reset();
    h.sim('rig-1').reset();
    return m;
  };

  it('reads a recording rig at the quick pace and an idle one at the idle pace', async () => {
    const monitor = await start();
    await h.client('rig-1').call('recording/start', {}); // not through the app: seen at the next idle-paced read
    await waitFor(() => monitor.get('rig-1')!.cameras.every((c) => c.state === 'recording'));
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 1000));
    // Two cameras a poll: ten polls of the recording rig, at most one of the idle one.
    expect(statusReads('rig-1', since)).toBeGreaterThanOrEqual(12);
    expect(statusReads('rig-0', since)).toBeLessThanOrEqual(2);
    await h.client('rig-1').call('recording/stop', {});
  });

  it('brings a watched rig to the quick pace at once, and back to the idle pace when the lease ends', async () => {
    const monitor = await start();
    await new Promise((r) => setTimeout(r, 300));
    const before = statusReads('rig-0');
    monitor.watch(['rig-0'], 800);
    await new Promise((r) => setTimeout(r, 700));
    expect(statusReads('rig-0') - before).toBeGreaterThanOrEqual(8);
    expect(statusReads('rig-1')).toBeLessThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 400)); // the lease ends; one more quick poll may be under way
    const after = statusReads('rig-0');
    await new Promise((r) => setTimeout(r, 1000));
    expect(statusReads('rig-0') - after).toBeLessThanOrEqual(2);
  });

  it('reads a rig again at once after a command, and assumes the start or stop until a read confirms it', async () => {
    const monitor = await start();
    expect(monitor.recordingCameras('rig-0')).toEqual(h.sim('rig-0').info.serials.map((serial) => ({ serial, recording: false })));
    await new Promise((r) => setTimeout(r, 300));
    const before = statusReads('rig-0');
    await h.client('rig-0').call('recording/start', {});
    monitor.commandSent('rig-0', { recording: true });
    // Before any read: what was just started counts as recording.
    expect(monitor.recordingCameras('rig-0')!.map((c) => c.recording)).toEqual([true, true]);
    await waitFor(() => monitor.get('rig-0')!.cameras.every((c) => c.state === 'recording'), 1000);
    expect(statusReads('rig-0')).toBeGreaterThan(before);
    // A stop sent to one camera: that camera is assumed idle at once, the other still records.
    const [first] = h.sim('rig-0').info.serials;
    await h.client('rig-0').call(`camera/${first}/recording/stop`, {});
    monitor.commandSent('rig-0', { serial: first, recording: false });
    expect(monitor.recordingCameras('rig-0')!.map((c) => c.recording)).toEqual([false, true]);
    await waitFor(() => monitor.get('rig-0')!.cameras.find((c) => c.serial === first)?.state === 'idle', 1000);
    expect(monitor.recordingCameras('rig-0')!.map((c) => c.recording)).toEqual([false, true]);
    await h.client('rig-0').call('recording/stop', {});
  });

  it('an assumed start is not forgotten by a read that began before the command', async () => {
    const monitor = await start();
    h.sim('rig-0').setFault('latency=400@^camera/');
    const polled = monitor.refresh('rig-0'); // under way, begun before the start
    await new Promise((r) => setTimeout(r, 100));
    await h.client('rig-0').call('recording/start', {});
    monitor.commandSent('rig-0', { recording: true });
    await polled;
    expect(monitor.recordingCameras('rig-0')!.map((c) => c.recording)).toEqual([true, true]);
    h.sim('rig-0').reset();
    await h.client('rig-0').call('recording/stop', {});
  });

  it('reads an idle rig just before its kept connection would close, so its reads never pay a new TLS handshake', async () => {
    // The simulator, like Node's HTTPS server, keeps an idle connection 5 s and says so
    // (Keep-Alive: timeout=5); the client closes it a second sooner. At a 5 s idle pace every
    // poll would open a new connection.
    const monitor = await start({ idleIntervalMs: 5000, slowIntervalMs: 60_000 });
    const port = h.sim('rig-1').info.port;
    let connected = 0;
    const onConnected = (message: unknown) => {
      if ((message as { connectParams?: { port?: string | number } }).connectParams?.port?.toString() === String(port)) connected++;
    };
    subscribe('undici:client:connected', onConnected);
    try {
      const since = Date.now();
      await new Promise((r) => setTimeout(r, 8000));
      // Polls at about 3.5 s: two of them (two cameras each), all on the connection already up.
      expect(statusReads('rig-1', since)).toBeGreaterThanOrEqual(4);
      expect(connected).toBe(0);
      expect(monitor.get('rig-1')!.state).toBe('online');
    } finally {
      unsubscribe('undici:client:connected', onConnected);
    }
  }, 15_000);
});
