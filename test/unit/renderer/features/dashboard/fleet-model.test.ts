import { describe, expect, it } from 'vitest';
import type { RigSummary } from '../../../../../src-main/contract/requests/rigs';
import type { CameraStatusView, RigStatus } from '../../../../../src-main/contract/requests/status';
import { describeSelection, everyWholeRigSelected, fleetCounts, matchesSearch, shownRigs, sortRigs } from '../../../../../src-renderer/features/dashboard/fleet-model';
import { keepUnchanged } from '../../../../../src-renderer/features/rigs/rigs-slice';
import { cameraView } from '../../../fixtures/camera-view';

const rig = (id: string, tags: string[] = []): RigSummary => ({
  id,
  name: id,
  host: '127.0.0.1',
  port: 6083,
  tags,
  simulated: false,
  notes: '',
  trust: null,
  preset: {},
  keyState: 'keychain',
  createdAt: '2026-11-25T00:00:00Z',
});

const camera = (serial: string, state: CameraStatusView['state'] = 'idle'): CameraStatusView => cameraView({ serial, state });


const status = (rigId: string, state: RigStatus['state'], cameras: CameraStatusView[] = []): RigStatus => ({
  rigId,
  rigName: rigId,
  state,
  stale: state === 'offline',
  problem: null,
  lastSeenAtMs: 0,
  checkedAtMs: 0,
  retryDelayMs: null,
  version: '5.2',
  clockOffsetMs: 0,
  cameras,
});

const rigs = [rig('rig-10', ['arena']), rig('rig-2', ['arena', 'flies']), rig('rig-3'), rig('rig-1', ['flies']), rig('rig-4'), rig('rig-5')];
const statuses: Record<string, RigStatus> = {
  'rig-10': status('rig-10', 'online', [camera('A'), camera('B')]),
  'rig-2': status('rig-2', 'online', [camera('C', 'recording'), camera('D')]),
  'rig-3': status('rig-3', 'offline'),
  'rig-1': status('rig-1', 'key-rejected'),
  'rig-4': status('rig-4', 'unknown'),
  // rig-5: no status yet
};

describe('fleet summary', () => {
  it('counts online (recording included), recording, offline and the states src-shared marks as problems', () => {
    expect(fleetCounts(rigs, statuses)).toEqual({ total: 6, online: 2, recording: 1, offline: 1, problem: 1 });
  });
  it('counts a rig whose disk is full (no recording can start) as a problem too, and sorts it first', () => {
    const full = { ...statuses, 'rig-10': status('rig-10', 'online', [cameraView({ serial: 'A', diskUsedPercent: 95 }), camera('B')]) };
    expect(fleetCounts(rigs, full)).toEqual({ total: 6, online: 2, recording: 1, offline: 1, problem: 2 });
    expect(sortRigs(rigs, full, 'state').map((r) => r.id).slice(0, 2)).toEqual(['rig-1', 'rig-10']);
    const nearlyFull = { ...statuses, 'rig-10': status('rig-10', 'online', [cameraView({ serial: 'A', diskUsedPercent: 90 })]) };
    expect(fleetCounts(rigs, nearlyFull).problem).toBe(1);
  });
});

describe('sorting and search', () => {
  it('by state: problems, recording, online, offline, then unchecked; ties by name with numbers in order', () => {
    expect(sortRigs(rigs, statuses, 'state').map((r) => r.id)).toEqual(['rig-1', 'rig-2', 'rig-10', 'rig-3', 'rig-4', 'rig-5']);
  });
  it('by name, numbers in order', () => {
    expect(sortRigs(rigs, statuses, 'name').map((r) => r.id)).toEqual(['rig-1', 'rig-2', 'rig-3', 'rig-4', 'rig-5', 'rig-10']);
  });
  it('matches names and tags, any case, every word', () => {
    expect(rigs.filter((r) => matchesSearch(r, 'FLIES')).map((r) => r.id)).toEqual(['rig-2', 'rig-1']);
    expect(rigs.filter((r) => matchesSearch(r, 'arena flies')).map((r) => r.id)).toEqual(['rig-2']);
    expect(rigs.filter((r) => matchesSearch(r, ' rig-1 ')).map((r) => r.id)).toEqual(['rig-10', 'rig-1']);
    expect(rigs.filter((r) => matchesSearch(r, '')).length).toBe(6);
  });
  it('a summary group, a tag and a search narrow together', () => {
    const shown = (group: Parameters<typeof shownRigs>[2]['group'], search = '', tags: string[] = []) =>
      shownRigs(rigs, statuses, { search, group, tags, sort: 'name' }).map((r) => r.id);
    expect(shown('online')).toEqual(['rig-2', 'rig-10']);
    expect(shown('problem')).toEqual(['rig-1']);
    expect(shown('online', '', ['flies'])).toEqual(['rig-2']);
    expect(shown(null, '10')).toEqual(['rig-10']);
  });
});

describe('selection summary', () => {
  it('counts rigs, their cameras and what records, without naming them', () => {
    const text = describeSelection([{ rigId: 'rig-10' }, { rigId: 'rig-2' }], statuses);
    expect(text).toBe('2 rigs, 4 cameras selected; 1 recording');
    expect(text).not.toContain('rig-10');
  });
  it('counts single cameras once and says when a rig’s cameras are not known', () => {
    expect(describeSelection([{ rigId: 'rig-2', serial: 'C' }], statuses)).toBe('1 rig, 1 camera selected; 1 recording');
    expect(describeSelection([{ rigId: 'rig-3' }, { rigId: 'rig-10', serial: 'A' }], statuses)).toBe(
      '2 rigs, 1 camera selected (cameras of 1 rig not known yet); 0 recording',
    );
  });
});

describe('selection and rig list helpers', () => {
  it('counts a rig as selected only when selected whole, not camera by camera', () => {
    expect(everyWholeRigSelected(['a', 'b'], [{ rigId: 'a' }, { rigId: 'b' }])).toBe(true);
    expect(everyWholeRigSelected(['a', 'b'], [{ rigId: 'a' }, { rigId: 'b', serial: 'FAKE0' }])).toBe(false);
    expect(everyWholeRigSelected([], [])).toBe(true);
  });

  it('keeps the objects of rigs that did not change, so only a changed rig redraws', () => {
    const before = [rig('a'), rig('b'), rig('c')];
    const after = [rig('a'), { ...rig('b'), name: 'B renamed' }, rig('d')];
    const kept = keepUnchanged(before, after);
    expect(kept[0]).toBe(before[0]);
    expect(kept[1]).toBe(after[1]);
    expect(kept[2]).toBe(after[2]);
    expect(kept.map((r) => r.name)).toEqual(['a', 'B renamed', 'd']);
  });
});
