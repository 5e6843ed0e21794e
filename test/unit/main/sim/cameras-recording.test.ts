import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { call, ok, sleep, testDataDir, waitFor } from './sim-test-client';

let fleet: SimFleet;
const info = () => fleet.rigs[0]!.info;
const status = async (serial: string) => (await ok(info(), 'GET', `camera/${serial}`)) as Record<string, Record<string, unknown>>;

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false, copySeconds: 0.4, cameras: 3 });
});
afterAll(() => fleet.stop());
beforeEach(() => fleet.rigs[0]!.reset());

describe('cameras and parameters', () => {
  it('lists cameras FAKE0.. with serial and name', async () => {
    const r = await ok(info(), 'GET', 'cameras');
    expect(r.cameras).toHaveLength(3);
    expect((r.cameras as { serial: string; name: string }[]).map((c) => c.serial)).toEqual(['FAKE0', 'FAKE1', 'FAKE2']);
    expect(info().serials).toEqual(['FAKE0', 'FAKE1', 'FAKE2']);
  });

  it('reports camera status with a time zone and no stream when streams are off', async () => {
    const s = await status('FAKE1');
    expect(s.camera_info).toMatchObject({ serial: 'FAKE1', status: 'idle', filename: null });
    expect(() => new Intl.DateTimeFormat('en', { timeZone: String(s.camera_info!.timezone) })).not.toThrow();
    expect(s.camera_info!.stream).toBeUndefined();
    expect(s.playback_info).toMatchObject({ status: 'idle' });
  });

  it('configures and reads parameters per camera and for all', async () => {
    await ok(info(), 'PATCH', 'camera/FAKE0/configure', { Gain: 3.5, ExposureTime: 2000 });
    expect((await ok(info(), 'GET', 'camera/FAKE0/read/Gain')).value).toBe(3.5);
    expect((await ok(info(), 'GET', 'camera/FAKE1/read/Gain')).value).toBe(0);
    await ok(info(), 'PATCH', 'cameras/configure', { AcquisitionFrameRate: 60 });
    const all = await ok(info(), 'GET', 'cameras/read/AcquisitionFrameRate');
    expect(all.values).toEqual({ FAKE0: 60, FAKE1: 60, FAKE2: 60 });
  });

  it('rejects unknown cameras, parameters and out-of-range values without changing anything', async () => {
    expect((await call(info(), 'GET', 'camera/NOPE')).status).toBe(404);
    expect((await call(info(), 'GET', 'camera/NOPE')).body.error).toMatch(/NOPE/);
    expect((await call(info(), 'GET', 'camera/FAKE0/read/Bogus')).status).toBe(400);
    const bad = await call(info(), 'PATCH', 'cameras/configure', { Gain: 5, ExposureTime: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/ExposureTime/);
    expect((await ok(info(), 'GET', 'cameras/read/Gain')).values).toEqual({ FAKE0: 0, FAKE1: 0, FAKE2: 0 });
    expect((await call(info(), 'PATCH', 'camera/FAKE0/configure')).status).toBe(400);
  });
});

describe('recording', () => {
  it('is pending for about 200 ms, then records with the filename set', async () => {
    const r = await ok(info(), 'POST', 'camera/FAKE0/recording/start', { codec: 'low', filename: 'trial' });
    expect(r.filename).toMatch(/^trial_FAKE0_\d{8}_\d{6}\.mp4$/);
    expect((await status('FAKE0')).camera_info).toMatchObject({ status: 'pending', filename: r.filename });
    await sleep(260);
    expect((await status('FAKE0')).camera_info).toMatchObject({ status: 'recording', is_recording: true, codec: 'low' });
    expect((await status('FAKE1')).camera_info!.status).toBe('idle');
    await ok(info(), 'POST', 'camera/FAKE0/recording/stop');
    expect((await status('FAKE0')).camera_info).toMatchObject({ status: 'idle', filename: null });
  });

  it('stops by itself after duration and lists the recording with size and times', async () => {
    const before = Date.now() / 1000;
    await ok(info(), 'POST', 'recording/start', { codec: 'high', duration: 0.5, metadata: { foo: 1, bar: 'bob' } });
    expect((await status('FAKE2')).camera_info!.status).toBe('pending');
    await waitFor(async () => ((await status('FAKE0')).camera_info!.status === 'idle' ? true : undefined), 3000);
    const recs = (await ok(info(), 'GET', 'recordings')).recordings as Record<string, unknown>[];
    expect(recs).toHaveLength(3);
    for (const rec of recs) {
      expect(rec.metadata).toEqual({ foo: 1, bar: 'bob' });
      expect(rec.size as number).toBeGreaterThan(0);
      expect(rec.start_time as number).toBeGreaterThan(before);
      expect(rec.duration as number).toBeGreaterThan(0.4);
      expect(rec.duration as number).toBeLessThan(1.5);
    }
    const one = (await ok(info(), 'GET', 'camera/FAKE1/recordings')).recordings as Record<string, unknown>[];
    expect(one.map((r) => r.serial)).toEqual(['FAKE1']);
  });

  it('records to an image store when asked', async () => {
    await ok(info(), 'POST', 'camera/FAKE0/recording/start', { record_to_store: true });
    await ok(info(), 'POST', 'camera/FAKE0/recording/stop');
    const [rec] = (await ok(info(), 'GET', 'camera/FAKE0/recordings')).recordings as Record<string, unknown>[];
    expect(rec).toMatchObject({ is_store: true, codec: 'high' });
    expect(String(rec!.filename)).not.toMatch(/\.mp4$/);
  });

  it('refuses bad arguments, a second start, unknown codecs and a full disk', async () => {
    expect((await call(info(), 'POST', 'recording/start', { codec: 'nope' })).status).toBe(400);
    expect((await call(info(), 'POST', 'recording/start', { duration: -3 })).status).toBe(400);
    expect((await call(info(), 'POST', 'recording/start', { metadata: 'x' })).status).toBe(400);
    expect((await call(info(), 'POST', 'camera/FAKE9/recording/start')).status).toBe(404);
    await ok(info(), 'POST', 'camera/FAKE0/recording/start');
    const again = await call(info(), 'POST', 'camera/FAKE0/recording/start');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already recording/);
    fleet.rigs[0]!.setDiskUsedPercent(95);
    expect((await status('FAKE0')).camera_info!.status).toBe('idle');
    expect((await call(info(), 'POST', 'camera/FAKE1/recording/start')).body.error).toMatch(/full/);
  });
});

describe('copy and export', () => {
  async function recordOnce(serial: string, store = false) {
    await ok(info(), 'POST', `camera/${serial}/recording/start`, { record_to_store: store });
    await ok(info(), 'POST', `camera/${serial}/recording/stop`);
  }

  it('copies over time, reporting copying then copy finished, and only not-yet-copied recordings', async () => {
    await recordOnce('FAKE0');
    const r = await ok(info(), 'POST', 'camera/FAKE0/recordings/copy_all', { location: '/mnt/nas' });
    expect(r.cameras).toEqual([expect.objectContaining({ serial: 'FAKE0', files: [expect.any(String)] })]);
    expect((await status('FAKE0')).playback_info!.status).toBe('copying');
    expect((await call(info(), 'POST', 'camera/FAKE0/recordings/copy_all')).status).toBe(409);
    await waitFor(async () => ((await status('FAKE0')).playback_info!.status === 'copy finished' ? true : undefined));
    const [rec] = (await ok(info(), 'GET', 'camera/FAKE0/recordings')).recordings as Record<string, unknown>[];
    expect(rec).toMatchObject({ copied: true });
    await recordOnce('FAKE0');
    const second = await ok(info(), 'POST', 'camera/FAKE0/recordings/copy_all');
    expect((second.cameras as { files: string[] }[])[0]!.files).toHaveLength(1);
  });

  it('deletes originals after copy with delete_after', async () => {
    await recordOnce('FAKE1');
    await recordOnce('FAKE2');
    await ok(info(), 'POST', 'recordings/copy_all', { delete_after: true });
    fleet.rigs[0]!.finishJobs();
    expect((await ok(info(), 'GET', 'recordings')).recordings).toEqual([]);
  });

  it('exports image stores, reporting an export status that ends in finished', async () => {
    await recordOnce('FAKE0', true);
    await recordOnce('FAKE0', false);
    const r = await ok(info(), 'POST', 'camera/FAKE0/recordings/export_all');
    expect((r.cameras as { files: string[] }[])[0]!.files).toHaveLength(1);
    const during = String((await status('FAKE0')).playback_info!.status);
    expect(during.startsWith('export') && !during.includes('finished')).toBe(true);
    await waitFor(async () => (String((await status('FAKE0')).playback_info!.status).includes('finished') ? true : undefined));
    expect((await status('FAKE0')).playback_info!.status).toBe('export finished');
  });
});
