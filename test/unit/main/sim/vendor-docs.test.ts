/**
 * The calls of the vendor documentation (seed docs and the wire doc), made the way the
 * vendor client makes them, succeed with the described responses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodFor } from '../../../../src-main/core/motif-api/operation-paths';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { call, ok, testDataDir, waitFor } from './sim-test-client';

let fleet: SimFleet;
const info = () => fleet.rigs[0]!.info;
/** `api.call(path, **kwargs)`: the method comes from the endpoint table. */
const api = (endpoint: string, kwargs?: Record<string, unknown>) => ok(info(), methodFor(endpoint), endpoint, kwargs);
const cameraInfo = async (serial: string) => (await api(`camera/${serial}`)).camera_info as Record<string, unknown>;
const playbackStatus = async (serial: string) => String(((await api(`camera/${serial}`)).playback_info as { status: string }).status);
// The vendor client's helpers, as it defines them.
const isRecording = async (serial: string) => {
  const c = await cameraInfo(serial);
  return Boolean(c.filename) || c.status === 'pending';
};
const isCopying = async (serial: string) => (await playbackStatus(serial)) === 'copying';
const isExporting = async (serial: string) => {
  const s = await playbackStatus(serial);
  return s.startsWith('export') && !s.includes('finished');
};
/** motifapi.datetime_to_cron: a one-shot "S M H D MON ?" (the rig runs on UTC here). */
const datetimeToCron = (d: Date) => `${d.getUTCSeconds()} ${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} ?`;

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false, timeZone: 'UTC', copySeconds: 0.3 });
});
afterAll(() => fleet.stop());

describe('seed documentation examples', () => {
  it('checks the connection and lists cameras', async () => {
    expect(await api('version')).toBeTypeOf('object');
    const cams = (await api('cameras')).cameras as { serial: string; name: string }[];
    expect(cams.map((c) => c.serial)).toContain('FAKE0');
    for (const c of cams) expect(typeof c.name).toBe('string');
  });

  it('records on all cameras with codec, duration and metadata, then stops all', async () => {
    await api('recording/start', { codec: 'high', duration: 5, metadata: { foo: 1, bar: 'bob' } });
    expect(await isRecording('FAKE0')).toBe(true);
    expect(await isRecording('FAKE1')).toBe(true);
    await api('recording/stop');
    expect(await isRecording('FAKE0')).toBe(false);
  });

  it('configures one camera and records on it alone', async () => {
    await api('camera/FAKE0/configure', { Gain: 0 });
    await api('camera/FAKE0/recording/start', { codec: 'low' });
    expect(await isRecording('FAKE0')).toBe(true);
    expect(await isRecording('FAKE1')).toBe(false);
    expect((await cameraInfo('FAKE0')).filename).toEqual(expect.any(String));
    await api('camera/FAKE0/recording/stop');
  });

  it('records, waits, copies with delete_after until copying ends (examples/record_and_copy.py)', async () => {
    await api('recording/start', { codec: 'h264', filename: 'test_store', duration: 0.4, record_to_store: true, metadata: { title: 'test store' } });
    await waitFor(async () => ((await isRecording('FAKE0')) || (await isRecording('FAKE1')) ? undefined : true));
    expect(((await api('recordings')).recordings as unknown[]).length).toBeGreaterThanOrEqual(2);
    await api('recordings/copy_all', { delete_after: true });
    expect(await isCopying('FAKE0')).toBe(true);
    await waitFor(async () => ((await isCopying('FAKE0')) || (await isCopying('FAKE1')) ? undefined : true));
    expect((await api('recordings')).recordings).toEqual([]);
  });

  it('exports until the export status says finished', async () => {
    await api('camera/FAKE1/recording/start', { record_to_store: true });
    await api('camera/FAKE1/recording/stop');
    await api('camera/FAKE1/recordings/export_all', { delete_after: false });
    expect(await isExporting('FAKE1')).toBe(true);
    await waitFor(async () => ((await isExporting('FAKE1')) ? undefined : true));
    expect(await playbackStatus('FAKE1')).toContain('finished');
  });

  it('accepts every scheduling example of the docs', async () => {
    const serial = 'FAKE0';
    await api('schedule/recording/start', { task_name: 'record_video', cron_expression: '0 6-16 * * * *', duration: 30 * 60 });
    await api(`schedule/camera/${serial}/io/led/set`, { task_name: 'led_on_after_17s', cron_expression: datetimeToCron(new Date(17_000)), camera_relative: true, value: 1.0 });
    await api(`schedule/camera/${serial}/io/led/set`, { task_name: 'toggle_led_2s', cron_expression: '%2 * * ? * * *', camera_relative: true, value: Infinity });
    await api(`schedule/camera/${serial}/io/led/set`, { task_name: 'turn_on_led', cron_expression: '0 15,45 * ? * * *', camera_relative: true, value: 1.0 });
    await api(`schedule/camera/${serial}/io/led/set`, { task_name: 'turn_off_led', cron_expression: '0 0,30 * ? * * *', camera_relative: true, value: 0.0 });
    await api(`schedule/camera/${serial}/io/led/set`, { task_name: 'monotonic', cron_expression: '0 15%15 * ? * * *', camera_relative: true, value: Infinity });
    await api('schedule/camera/FAKE0/recordings/copy_all', { task_name: 'copy_days_videos', cron_expression: '0 11 17 * * *' });
    await api('schedule/cameras/configure/ExposureTime', { task_name: 'exposure', cron_expression: '0 0 8 * * *', value: 5000 });
    const now = (await api('schedule')).now as number;
    const future = new Date(now * 1000 + 30_000);
    await api('schedule/recording/start', { task_name: 'record_video_in_30s_time', cron_expression: datetimeToCron(future), duration: 30 * 60 });
    const tasks = (await api('schedule')).tasks as { task_name: string; next_run: number | null }[];
    expect(tasks.map((t) => t.task_name)).toEqual([
      'record_video', 'led_on_after_17s', 'toggle_led_2s', 'turn_on_led', 'turn_off_led', 'monotonic', 'copy_days_videos', 'exposure', 'record_video_in_30s_time',
    ]);
    expect(tasks.at(-1)!.next_run).toBe(Math.floor(future.getTime() / 1000));
    await api('schedule/record_video/clear');
    await api('schedule/clear');
    expect((await api('schedule')).tasks).toEqual([]);
  });

  it('runs the MATLAB examples (an output to 0.3, start with h264, stop with a stray codec)', async () => {
    expect((await api('io/led/set', { value: 0.3 })).value).toBe(0.3);
    await api('recording/start', { codec: 'h264' });
    await api('recording/stop', { codec: 'h264' });
    expect(await isRecording('FAKE0')).toBe(false);
  });
});

describe('wire doc calls', () => {
  it('reads inputs, logs, messages, deprecated IO and multicam', async () => {
    expect((await api('io/read')).inputs).toBeTypeOf('object');
    expect((await api('camera/FAKE0/io/read')).inputs).toBeTypeOf('object');
    expect(await api('io/log', { trial: 1 })).toHaveProperty('logged');
    await api('experiment/message', { message: 'stimulus block 2' });
    await api('experiment/message', { message: '' });
    await api('io/-1/0/set', { state: 1 });
    await api('multicam/connect_camera/__all');
    await api('multicam/synchronize');
    await api('multicam/disconnect_camera/FAKE1');
    await api('multicam/connect_all');
    await api('multicam/disconnect_all');
    await api('multicam/connect_all');
    expect((await api('cameras/read/ExposureTime')).values).toBeTypeOf('object');
  });

  it('reports a vendor error the client turns into MotifApiError(message, code)', async () => {
    const r = await call(info(), 'GET', 'camera/123456');
    expect(r).toEqual({ status: 404, body: { error: expect.stringContaining('123456'), status_code: 404 } });
  });
});
