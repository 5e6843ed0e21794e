import { describe, expect, it } from 'vitest';
import type { RigStatus } from '../../../../../src-main/contract/requests/status';
import { AlertRaiser } from '../../../../../src-main/core/alerts/alert-raiser';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';
import { emptyStatus } from '../../../../../src-main/core/status/rig-poller';

const status = (rigId: string, state: RigStatus['state'], checkedAtMs: number): RigStatus => ({
  ...emptyStatus(rigId, `Arena ${rigId}`),
  state,
  stale: state !== 'online',
  checkedAtMs,
});

describe('AlertRaiser episodes across rigs', () => {
  it('tells a locked keychain once while other rigs answer, and again only after a key was read', () => {
    const board = new NoticeBoard();
    const alerts = new AlertRaiser(board);
    alerts.rememberShown();
    alerts.status(status('a', 'keychain-unavailable', 1), status('a', 'unknown', 0));
    alerts.status(status('b', 'online', 2), status('b', 'unknown', 0));
    alerts.status(status('b', 'online', 3), status('b', 'offline', 2));
    alerts.status(status('c', 'keychain-unavailable', 4), status('c', 'unknown', 0));
    expect(board.list().filter((n) => n.episode === 'keychain-unavailable')).toHaveLength(1);
    alerts.status(status('a', 'online', 5), status('a', 'keychain-unavailable', 1));
    alerts.status(status('c', 'keychain-unavailable', 6), status('c', 'unknown', 0));
    expect(board.list().filter((n) => n.episode === 'keychain-unavailable').map((n) => n.rigName)).toEqual(['Arena a', 'Arena c']);
  });

  it('holds status changes seen before the kept notices are read, then considers them', () => {
    const board = new NoticeBoard();
    const alerts = new AlertRaiser(board);
    alerts.status(status('a', 'keychain-unavailable', 1), status('a', 'unknown', 0));
    expect(board.list()).toEqual([]);
    alerts.rememberShown();
    expect(board.list().map((n) => n.episode)).toEqual(['keychain-unavailable']);
  });
});
