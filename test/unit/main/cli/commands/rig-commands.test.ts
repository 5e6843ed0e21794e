import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseWire } from '../../../../../src-main/core/python-json';
import type { SimFleet, SimRig } from '../../../../../src-main/sim';
import { startFleet } from '../../core/motif-api/sim-fixture';
import { runRigCommand } from './run-commands';

let fleet: SimFleet;
let rig: SimRig;
let env: Record<string, string>;
const configDir = mkdtempSync(join(tmpdir(), 'motifctl-config-'));

beforeAll(async () => {
  fleet = await startFleet(1);
  rig = fleet.rigs[0]!;
  // As a script run as a Motif experiment gets it, plus our pin.
  env = {
    MOTIF_HOST: rig.info.host,
    MOTIF_PORT: String(rig.info.port),
    MOTIF_API_KEY: rig.info.apiKey,
    MOTIF_FINGERPRINT: rig.info.fingerprint256,
    MOTIF_CONTROL_CONFIG_DIR: configDir,
  };
});
afterAll(async () => {
  await fleet.stop();
});
afterEach(async () => {
  rig.reset();
  await rig.comeBack();
});

const lastRequest = (endpoint: string) => rig.events().filter((e) => e.kind === 'request' && e.endpoint === endpoint).at(-1);
const json = (text: string) => parseWire(text) as Record<string, unknown>;

describe('motifctl rig commands in-process', () => {
  it('records commands, not reads, in the shared audit log, without the key', async () => {
    expect((await runRigCommand(['message', 'trial 7 running'], env)).code).toBe(0);
    expect((await runRigCommand(['status'], env)).code).toBe(0);
    const exported = await runRigCommand(['audit', 'export', '--format', 'json'], env);
    expect(exported.code).toBe(0);
    const entries = JSON.parse(exported.stdout) as { rigName: string; endpoint: string; outcome: string }[];
    const mine = entries.filter((e) => e.endpoint === 'experiment/message');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rigName: `${rig.info.host}:${rig.info.port}`, outcome: 'ok' });
    expect(entries.some((e) => e.endpoint.startsWith('camera/') || e.endpoint === 'version')).toBe(false);
    expect(exported.stdout).not.toContain(rig.info.apiKey);
  });

  it('status prints version and each camera as JSON', async () => {
    const r = await runRigCommand(['status'], env);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const out = json(r.stdout) as { version: { version: string }; cameras: { serial: string; recording: boolean }[] };
    expect(out.version.version).toEqual(expect.any(String));
    expect(out.cameras.map((c) => [c.serial, c.recording])).toEqual([
      ['FAKE0', false],
      ['FAKE1', false],
    ]);
  });

  it('call sends key=value arguments parsed as JSON, inf included', async () => {
    const r = await runRigCommand(['call', 'io/led/set', 'value=inf'], env);
    expect(r.code).toBe(0);
    expect(lastRequest('io/led/set')).toMatchObject({ method: 'POST', args: { value: Infinity } });
    const started = await runRigCommand(['call', '/api/1/camera/FAKE0/recording/start', 'codec=high', 'duration=12', 'metadata={"fly": 7}'], env);
    expect(started.code).toBe(0);
    expect(lastRequest('camera/FAKE0/recording/start')?.args).toEqual({ codec: 'high', duration: 12, metadata: { fly: 7 } });
  });

  it('record start and stop, with metadata from the experiment file', async () => {
    const meta = join(mkdtempSync(join(tmpdir(), 'motifctl-meta-')), 'meta.json');
    writeFileSync(meta, '{"animal": "fly-7", "dose": 0.5}');
    const r = await runRigCommand(
      ['record', 'start', '--serial', 'FAKE1', '--codec', 'low', '--duration', '30', '--experiment-metadata', '--metadata', '{"dose": 1}', '--no-record-to-store'],
      { ...env, MOTIF_METADATA_JSON_PATH: meta },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(lastRequest('camera/FAKE1/recording/start')?.args).toEqual({
      codec: 'low',
      duration: 30,
      record_to_store: false,
      metadata: { animal: 'fly-7', dose: 1 },
    });
    expect(rig.state.cameras.FAKE1?.status).not.toBe('idle');
    expect((await runRigCommand(['record', 'stop', '--serial', 'FAKE1'], env)).code).toBe(0);
    expect(rig.state.cameras.FAKE1?.status).toBe('idle');
  });

  it('configure, io, recordings, schedule, multicam and message reach their endpoints', async () => {
    const runs: [string[], string, string][] = [
      [['configure', 'AcquisitionFrameRate=25', '--serial', 'FAKE0'], 'camera/FAKE0/configure', 'PATCH'],
      [['configure', '--read', 'AcquisitionFrameRate'], 'cameras/read/AcquisitionFrameRate', 'GET'],
      [['io', 'set', 'led', '-inf', '--serial', 'FAKE0'], 'camera/FAKE0/io/led/set', 'POST'],
      [['io', 'read'], 'io/read', 'GET'],
      [['recordings', 'list'], 'recordings', 'GET'],
      [['recordings', 'copy', '--serial', 'FAKE0', '--delete-after'], 'camera/FAKE0/recordings/copy_all', 'POST'],
      [['schedule', 'add', 'io', 'led', 'inf', '--task', 'blink', '--cron', '%2 * * ? * * *', '--camera-relative', '--serial', 'FAKE0'], 'schedule/camera/FAKE0/io/led/set', 'POST'],
      [['schedule', 'list'], 'schedule', 'GET'],
      [['schedule', 'clear', 'blink'], 'schedule/blink/clear', 'DELETE'],
      [['multicam', 'connect', 'all'], 'multicam/connect_camera/__all', 'POST'],
      [['message', 'trial 3 running'], 'experiment/message', 'POST'],
    ];
    for (const [argv, endpoint, method] of runs) {
      const r = await runRigCommand(argv, env);
      expect({ argv, code: r.code, stderr: r.stderr }).toEqual({ argv, code: 0, stderr: '' });
      expect(lastRequest(endpoint)).toMatchObject({ method });
    }
    expect(lastRequest('camera/FAKE0/io/led/set')?.args).toEqual({ value: -Infinity });
    expect(lastRequest('schedule/camera/FAKE0/io/led/set')?.args).toEqual({
      task_name: 'blink',
      cron_expression: '%2 * * ? * * *',
      camera_relative: true,
      value: Infinity,
    });
    expect(rig.state.experimentMessage).toBe('trial 3 running');
  });

  it('trust prints the fingerprint to pin, and exits 4 when it differs from the expected one', async () => {
    const pin = await runRigCommand(['trust', '--pin', '--host', rig.info.host, '--port', String(rig.info.port)]);
    expect(pin).toEqual({ code: 0, stdout: `${rig.info.fingerprint256}\n`, stderr: '' });
    const other = 'ab'.repeat(32);
    const r = await runRigCommand(['trust', '--fingerprint', other], env);
    expect(r.code).toBe(4);
    expect(json(r.stdout)).toMatchObject({ fingerprint256: rig.info.fingerprint256, matchesExpected: false });
    expect(r.stderr).toMatch(/posing as the rig/);
  });
});

describe('motifctl exit codes and messages', () => {
  it('2 for usage errors, before anything reaches the rig', async () => {
    const before = rig.events().length;
    for (const argv of [['record', 'start', '--duration', 'ten'], ['io', 'set', 'led'], ['schedule', 'add', 'dance', '--task', 't', '--cron', '* * * * * *'], ['call', 'io/led/set', 'value'], ['io', 'set', 'led', '1', '--seral', 'FAKE0'], ['nonsense']]) {
      const r = await runRigCommand(argv, env);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderr).not.toBe('');
    }
    expect((await runRigCommand(['status'], { ...env, MOTIF_API_KEY: '' })).stderr).toMatch(/No API key/);
    expect(rig.events().length).toBe(before);
  });

  it('2 for a camera-relative recording task, which Motif never runs, as the window refuses it', async () => {
    for (const action of [['record', 'duration=60'], ['copy'], ['export']]) {
      const r = await runRigCommand(['schedule', 'add', ...action, '--task', 'rel', '--cron', '0 * * ? * * *', '--camera-relative'], env);
      expect({ action, code: r.code }).toEqual({ action, code: 2 });
      expect(r.stderr).toMatch(/relative to the recording start/);
    }
    expect(rig.events().filter((e) => e.kind === 'request' && e.endpoint.startsWith('schedule/')).length).toBe(0);
  });

  it('2 for a task name the rig already has, which --replace replaces, as the window asks', async () => {
    const add = (value: string, ...extra: string[]) =>
      runRigCommand(['schedule', 'add', 'io', 'led', value, '--task', 'pulse', '--cron', '0 * * ? * * *', ...extra], env);
    expect((await add('1')).code).toBe(0);
    const again = await add('0');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has a task named "pulse".*\[already-exists\]/);
    expect(rig.state.tasks.find((t) => t.name === 'pulse')?.args).toMatchObject({ value: 1 });
    expect((await add('0', '--replace')).code).toBe(0);
    expect(rig.state.tasks.find((t) => t.name === 'pulse')?.args).toMatchObject({ value: 0 });
  });

  it('1 for a rig error, with its message on stderr and nothing on stdout', async () => {
    rig.setFault('http500=camera not connected');
    const r = await runRigCommand(['record', 'start'], env);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/camera not connected.*\[rig-error\]/);
  });

  it('1 for garbage, 3 for a timeout and for an offline rig', async () => {
    rig.setFault('garbage');
    expect((await runRigCommand(['status'], env)).code).toBe(1);
    rig.clearFaults();
    rig.setFault('hang');
    const slow = await runRigCommand(['status', '--timeout', '0.2'], env);
    expect(slow.code).toBe(3);
    expect(slow.stderr).toMatch(/\[rig-timeout\]/);
    rig.clearFaults();
    await rig.goOffline();
    const off = await runRigCommand(['status'], env);
    expect(off.code).toBe(3);
    expect(off.stderr).toMatch(/connection refused/);
  });

  it('4 for an untrusted or changed certificate, 5 for a rejected key, never printing the key', async () => {
    const untrusted = await runRigCommand(['status'], { ...env, MOTIF_FINGERPRINT: '' });
    expect(untrusted.code).toBe(4);
    const changed = await runRigCommand(['status', '--fingerprint', 'cd'.repeat(32)], env);
    expect(changed.code).toBe(4);
    expect(changed.stderr).toContain(rig.info.fingerprint256);
    const rejected = await runRigCommand(['status', '--api-key', 'wrong-key-123'], env);
    expect(rejected.code).toBe(5);
    expect(rejected.stderr).not.toContain('wrong-key-123');
    const trustedByCa = await runRigCommand(['call', 'version', '--ca', rig.info.certPath], { ...env, MOTIF_FINGERPRINT: '' });
    expect(trustedByCa.code).toBe(0);
  });
});
