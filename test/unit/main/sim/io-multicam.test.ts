import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SimFleet, startSimulatedRigs } from '../../../../src-main/sim';
import { call, ok, testDataDir } from './sim-test-client';

let fleet: SimFleet;
const rig = () => fleet.rigs[0]!;
const info = () => rig().info;

beforeAll(async () => {
  fleet = await startSimulatedRigs({ port: 0, dataDir: testDataDir(), streams: false, outputs: ['led', 'ledgreen', 'buzzer'] });
});
afterAll(() => fleet.stop());
beforeEach(() => rig().reset());

describe('outputs', () => {
  it('sets named outputs per camera and on the first camera for rig-wide calls', async () => {
    expect((await ok(info(), 'POST', 'io/led/set', { value: 0.3 })).value).toBe(0.3);
    await ok(info(), 'POST', 'camera/FAKE1/io/buzzer/set', { value: 1 });
    expect(rig().state.cameras.FAKE0!.outputs).toEqual({ led: 0.3, ledgreen: 0, buzzer: 0 });
    expect(rig().state.cameras.FAKE1!.outputs.buzzer).toBe(1);
  });

  it('toggles with +Infinity starting at max, and with -Infinity starting at min', async () => {
    const seq: number[] = [];
    for (const v of [Infinity, Infinity, -Infinity, Infinity]) seq.push((await ok(info(), 'POST', 'io/led/set', { value: v })).value as number);
    expect(seq).toEqual([1, 0, 1, 0]);
    await ok(info(), 'POST', 'io/led/set', { value: 0.5 });
    const fromMin: number[] = [];
    for (const v of [-Infinity, Infinity, Infinity]) fromMin.push((await ok(info(), 'POST', 'io/led/set', { value: v })).value as number);
    expect(fromMin).toEqual([0, 1, 0]);
  });

  it('rejects unknown outputs and a missing value', async () => {
    const unknown = await call(info(), 'POST', 'io/laser/set', { value: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatch(/laser/);
    const missing = await call(info(), 'POST', 'camera/FAKE0/io/led/set');
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatch(/value/);
    expect((await call(info(), 'POST', 'camera/NOPE/io/led/set', { value: 1 })).status).toBe(404);
  });

  it('accepts the deprecated io/<io_serial>/<io_port>/set with value or state', async () => {
    expect(await ok(info(), 'POST', 'io/-1/3/set', { state: 1 })).toEqual({ io_serial: 'FAKEIO0', io_port: 3, value: 1 });
    expect((await ok(info(), 'POST', 'io/DEV7/0/set', { value: 0.25 })).value).toBe(0.25);
    expect((await call(info(), 'POST', 'io/-1/3/set', { state: 2 })).status).toBe(400);
    expect((await call(info(), 'POST', 'io/-1/3/set')).status).toBe(400);
  });
});

describe('inputs, io/log and experiment messages', () => {
  it('reads inputs set through the control handle', async () => {
    rig().setInput('FAKE0', 'in1', 1);
    expect((await ok(info(), 'GET', 'io/read')).inputs).toEqual({ in0: 0, in1: 1 });
    expect((await ok(info(), 'GET', 'camera/FAKE1/io/read')).inputs).toEqual({ in0: 0, in1: 0 });
  });

  it('stores io/log entries against frame number and time, with the recording', async () => {
    await ok(info(), 'POST', 'camera/FAKE0/recording/start');
    const before = Date.now() / 1000;
    const r = await ok(info(), 'POST', 'camera/FAKE0/io/log', { trial: 3, stim: 'on' });
    expect(r.frame_time as number).toBeGreaterThanOrEqual(before);
    expect(typeof r.frame_number).toBe('number');
    const [entry] = rig().state.cameras.FAKE0!.ioLog;
    expect(entry).toMatchObject({ values: { trial: 3, stim: 'on' }, frame_number: r.frame_number });
    expect(String(entry!.recording)).toMatch(/FAKE0/);
    const all = await ok(info(), 'POST', 'io/log', { marker: 1 });
    expect(all.logged).toHaveLength(2);
  });

  it('shows and clears experiment messages', async () => {
    await ok(info(), 'POST', 'experiment/message', { message: 'habituation' });
    const s = await ok(info(), 'GET', 'camera/FAKE1');
    expect(s.experiment_info).toEqual({ message: 'habituation' });
    await ok(info(), 'POST', 'camera/FAKE1/experiment/message', { message: 'trial 2' });
    expect((await ok(info(), 'GET', 'camera/FAKE1')).experiment_info).toEqual({ message: 'trial 2' });
    await ok(info(), 'POST', 'experiment/message', { message: '' });
    expect(rig().state.experimentMessage).toBe('');
    expect((await call(info(), 'POST', 'experiment/message')).status).toBe(400);
  });
});

describe('multicam', () => {
  it('disconnects and connects cameras one by one and all via __all', async () => {
    expect(await ok(info(), 'POST', 'multicam/disconnect_camera/FAKE1')).toEqual({ disconnected: ['FAKE1'] });
    const refused = await call(info(), 'POST', 'camera/FAKE1/recording/start');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/connect/);
    expect((await ok(info(), 'POST', 'multicam/synchronize')).synchronized).toEqual(['FAKE0']);
    expect(await ok(info(), 'POST', 'multicam/connect_camera/__all')).toEqual({ connected: ['FAKE0', 'FAKE1'] });
    expect(await ok(info(), 'POST', 'multicam/disconnect_all')).toEqual({ disconnected: ['FAKE0', 'FAKE1'] });
    expect(rig().state.cameras.FAKE0!.connected).toBe(false);
    expect(await ok(info(), 'POST', 'multicam/connect_all')).toEqual({ connected: ['FAKE0', 'FAKE1'] });
    expect((await call(info(), 'POST', 'multicam/connect_camera/NOPE')).status).toBe(404);
  });

  it('ends a recording when its camera is disconnected', async () => {
    await ok(info(), 'POST', 'camera/FAKE0/recording/start');
    await ok(info(), 'POST', 'multicam/disconnect_camera/FAKE0');
    expect(rig().state.cameras.FAKE0!.status).toBe('idle');
    expect(rig().state.recordings).toHaveLength(1);
  });
});
