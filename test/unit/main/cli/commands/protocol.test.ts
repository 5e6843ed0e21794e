import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWire } from '../../../../../src-main/core/python-json';
import type { SimFleet, SimRig } from '../../../../../src-main/sim';
import { startFleet } from '../../core/motif-api/sim-fixture';
import { runRigCommand } from './run-commands';

const EXAMPLES = join(__dirname, '../../../../../examples/protocols');
let fleet: SimFleet;
let rig: SimRig;
let env: Record<string, string>;
const configDir = mkdtempSync(join(tmpdir(), 'motifctl-config-'));

beforeAll(async () => {
  fleet = await startFleet(1);
  rig = fleet.rigs[0]!;
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

describe('motifctl protocol', () => {
  it('plan --json prints events {at, rig, action, args}, camera-relative ones at their absolute times', async () => {
    const r = await runRigCommand(['protocol', 'plan', join(EXAMPLES, 'hourly-stimulus.json'), '--from', '2026-06-01T08:00:00+02:00', '--until', '2026-06-01T08:12:00+02:00', '--tz', 'Europe/Vienna', '--json'], { MOTIF_CONTROL_CONFIG_DIR: configDir });
    expect(r.code).toBe(0);
    expect(parseWire(r.stdout)).toEqual([
      { at: '2026-06-01T08:00:00+02:00', rig: '(no rig)', action: 'recording/start', args: { codec: 'high', duration: 1800 } },
      { at: '2026-06-01T08:05:00+02:00', rig: '(no rig)', action: 'io/led/set', args: { value: Infinity } },
      { at: '2026-06-01T08:10:00+02:00', rig: '(no rig)', action: 'io/led/set', args: { value: Infinity } },
    ]);
    // The toggle value is written as the wire writes it.
    expect(r.stdout).toContain('"value": Infinity');
  });

  it('plan on a rig names it in each event, --param picks the rig\'s outputs, and warns of outputs the rig lacks', async () => {
    const r = await runRigCommand(['protocol', 'plan', join(EXAMPLES, 'minute-one-pulses.json'), '--from', '2026-06-01T10:00:00Z', '--until', '2026-06-01T10:01:30Z', '--tz', 'UTC', '--param', 'light=led', '--param', 'buzzer=ledgreen', '--json'], env);
    expect(r.code).toBe(0);
    const events = parseWire(r.stdout) as { at: string; rig: string; action: string }[];
    expect(events.map((e) => [e.at, e.rig, e.action])).toEqual([
      ['2026-06-01T10:00:00Z', `${rig.info.host}:${rig.info.port}`, 'recording/start'],
      ['2026-06-01T10:01:00Z', `${rig.info.host}:${rig.info.port}`, 'io/led/set'],
      ['2026-06-01T10:01:30Z', `${rig.info.host}:${rig.info.port}`, 'io/ledgreen/set'],
    ]);
    expect(r.stderr).toBe('');
    const defaults = await runRigCommand(['protocol', 'plan', join(EXAMPLES, 'minute-one-pulses.json'), '--from', '2026-06-01T10:00:00Z', '--until', '2026-06-01T10:01:30Z', '--tz', 'UTC'], env);
    expect(defaults.code).toBe(0);
    expect(defaults.stderr).toContain(`motifctl: warning: ${rig.info.host}:${rig.info.port} does not report an output named "light" on camera FAKE0 (it reports led, ledgreen): task "mc-minute-one-pulses-2" would fail, first at 2026-06-01T10:01:00Z.`);
    expect(defaults.stdout.split('\n')[1]).toBe('2026-06-01T10:01:00Z  io/light/set  { "value": 1 }');
  });

  it('apply puts the tasks on the rig, a second apply replaces its own, remove takes only them off', async () => {
    const own = await runRigCommand(['schedule', 'add', 'copy', '--task', 'lab-copy', '--cron', '0 0 4 * * *'], env);
    expect(own.code).toBe(0);
    const file = join(EXAMPLES, 'twice-daily-copy.json');
    const applied = await runRigCommand(['protocol', 'apply', file], env);
    expect(applied.code).toBe(0);
    expect(parseWire(applied.stdout)).toMatchObject({ ok: true, delivery: 'sent', created: ['mc-twice-daily-copy-1', 'mc-twice-daily-copy-2'] });
    expect(rig.state.tasks.map((t) => [t.name, t.cronExpression]).sort()).toEqual([
      ['lab-copy', '0 0 4 * * *'], ['mc-twice-daily-copy-1', '0 0 9,15 * * *'], ['mc-twice-daily-copy-2', '0 0 17 * * *'],
    ]);
    expect((await runRigCommand(['protocol', 'apply', file], env)).code).toBe(0);
    const removed = await runRigCommand(['protocol', 'remove', file], env);
    expect(removed.code).toBe(0);
    expect(parseWire(removed.stdout)).toMatchObject({ ok: true, removed: ['mc-twice-daily-copy-1', 'mc-twice-daily-copy-2'] });
    expect(rig.state.tasks.map((t) => t.name)).toEqual(['lab-copy']);
    // Never the rig's whole schedule.
    expect(rig.events().some((e) => e.endpoint === 'schedule/clear')).toBe(false);
  });

  it('export writes the Python, curl and MATLAB forms of the same calls', async () => {
    const file = join(EXAMPLES, 'minute-one-pulses.json');
    const py = await runRigCommand(['protocol', 'export', file, '--format', 'python'], { MOTIF_CONTROL_CONFIG_DIR: configDir });
    expect(py.code).toBe(0);
    expect(py.stdout).toContain("api.call('schedule/io/buzzer/set',\n         task_name='mc-minute-one-pulses-3',\n         cron_expression='90%30 * * * * *',\n         camera_relative=True,\n         value=float('+inf'))");
    const sh = await runRigCommand(['protocol', 'export', file, '--format', 'curl'], { MOTIF_CONTROL_CONFIG_DIR: configDir });
    expect(sh.stdout).toContain(
      `call 'task mc-minute-one-pulses-2 (2 of 3): schedule/io/light/set, at "0 1 0 1 1 ? 1970" after each recording start' 'schedule/io/light/set' \\\n` +
        `  '{"task_name": "mc-minute-one-pulses-2", "cron_expression": "0 1 0 1 1 ? 1970", "camera_relative": true, "value": 1}'`,
    );
    const m = await runRigCommand(['protocol', 'export', file, '--format', 'matlab'], { MOTIF_CONTROL_CONFIG_DIR: configDir });
    expect(m.stdout).toContain("arguments = struct('task_name', 'mc-minute-one-pulses-1', 'cron_expression', '0 0 10 * * *', 'duration', 600);\nwebwrite([BASE 'schedule/recording/start'], arguments, o);");
    const bad = await runRigCommand(['protocol', 'export', file, '--format', 'perl'], { MOTIF_CONTROL_CONFIG_DIR: configDir });
    expect(bad).toMatchObject({ code: 2, stderr: 'motifctl: --format must be one of python, curl, matlab, not "perl".\n' });
  });

  it('says what is wrong with a bad protocol file, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protocol-file-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'bad', recordings: [{ when: { times: ['25:00'] }, durationSeconds: 5 }] }));
    const r = await runRigCommand(['protocol', 'show', file], env);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `motifctl: ${file} is not a valid protocol: "recordings.0.when.times.0" must be a time of day written HH:MM or HH:MM:SS (24-hour clock), e.g. 09:00.\n` });
  });
});
