import { describe, expect, it } from 'vitest';
import type { RigSummary } from '../../../../../src-main/contract/requests/rigs';
import type { CameraStatusView, RigStatus } from '../../../../../src-main/contract/requests/status';
import { buildTrayModel, presetOptions, type TrayItem } from '../../../../../src-main/core/tray/tray-menu';
import { cameraView, recordingOf } from '../../../fixtures/camera-view';

const rig = (id: string, name: string, extra: Partial<RigSummary> = {}): RigSummary => ({
  id,
  name,
  host: '127.0.0.1',
  port: 6083,
  tags: [],
  simulated: false,
  notes: '',
  trust: null,
  preset: {},
  keyState: 'keychain',
  createdAt: '2026-11-25T00:00:00Z',
  ...extra,
});

const camera = (state: CameraStatusView['state'], startedAtMs: number | null = null): CameraStatusView =>
  cameraView({ state, recording: state === 'recording' ? recordingOf(startedAtMs) : null });


const status = (rigId: string, state: RigStatus['state'], cameras: CameraStatusView[], stale = false): RigStatus => ({
  rigId,
  rigName: rigId,
  state,
  stale,
  problem: null,
  lastSeenAtMs: 0,
  checkedAtMs: 0,
  retryDelayMs: null,
  version: '5.2',
  clockOffsetMs: 0,
  cameras,
});

const action = (items: TrayItem[], label: RegExp) => {
  const found = items.find((i) => i.kind === 'action' && label.test(i.label));
  if (!found || found.kind !== 'action') throw new Error(`no item ${label}`);
  return found;
};

describe('buildTrayModel', () => {
  const rigs = [rig('a', 'Arena A'), rig('b', 'Arena B', { simulated: true }), rig('c', 'Arena C')];
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  const statuses = [
    status('a', 'online', [camera('recording', now - 3723_000)]),
    status('b', 'online', [camera('idle')]),
    status('c', 'offline', [camera('idle')], true),
  ];

  it('summarises the fleet and shows the recording icon while any rig records', () => {
    const model = buildTrayModel(rigs, statuses, now);
    expect(model.tooltip).toBe('Motif Control: 3 rigs · 1 recording');
    expect(model.recording).toBe(true);
    expect(model.items[0]).toEqual({ kind: 'label', label: '3 rigs · 1 recording' });
  });

  it('marks the tray for attention when a rig needs someone: a full disk as much as a rejected key', () => {
    const online = [status('a', 'online', [camera('idle')]), status('b', 'online', [camera('idle')]), status('c', 'online', [camera('idle')])];
    expect(buildTrayModel(rigs, online, now).attention).toBe('none');
    const full = { ...online[1]!, cameras: [{ ...camera('idle'), diskUsedPercent: 97 }] };
    expect(buildTrayModel(rigs, [online[0]!, full, online[2]!], now).attention).toBe('problem');
    expect(buildTrayModel(rigs, statuses, now).attention).toBe('offline');
  });

  it('offers start on idle reachable rigs only and stop on recording ones', () => {
    const model = buildTrayModel(rigs, statuses, now);
    expect(action(model.items, /^Start recording/)).toMatchObject({ enabled: true, action: { kind: 'start', rigIds: ['b'] } });
    expect(action(model.items, /^Stop all/)).toMatchObject({ enabled: true, action: { kind: 'stop', rigIds: ['a'] } });
  });

  it('lists each rig with its state and elapsed time, disabling what cannot be done', () => {
    const model = buildTrayModel(rigs, statuses, now);
    const sub = model.items.filter((i) => i.kind === 'submenu');
    expect(sub.map((s) => s.label)).toEqual(['Arena A: recording 1:02:03', 'Arena B (simulated): idle', 'Arena C: offline']);
    const arenaC = sub[2]!;
    if (arenaC.kind !== 'submenu') throw new Error('submenu expected');
    expect(arenaC.items.every((i) => i.kind === 'action' && !i.enabled)).toBe(true);
  });

  it('disables both fleet actions when nothing can be done', () => {
    const model = buildTrayModel([rig('c', 'Arena C')], [status('c', 'key-rejected', [])], now);
    expect(action(model.items, /^Start recording/).enabled).toBe(false);
    expect(action(model.items, /^Stop all/).enabled).toBe(false);
    expect(model.recording).toBe(false);
    expect(model.items.some((i) => i.kind === 'submenu' && i.label === 'Arena C: key rejected')).toBe(true);
  });

  it('turns a rig preset into recording options', () => {
    const r = rig('a', 'A', { preset: { codec: 'high', durationSeconds: 1800, filenamePattern: 'arena', recordToStore: false } });
    expect(presetOptions(r)).toEqual({ codec: 'high', durationSeconds: 1800, filename: 'arena', recordToStore: false });
    expect(presetOptions(rig('b', 'B'))).toEqual({});
  });
});
