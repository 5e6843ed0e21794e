import { describe, expect, it } from 'vitest';
import type { AppNotice } from '../../../../src-main/contract/requests/app';
import { alertsToToast } from '../../../../src-renderer/features/shell/alerts-to-toast';

const notice = (id: string, level: AppNotice['level']): AppNotice => ({ id, level, message: id, at: '2026-12-08T10:00:00.000Z', rigName: 'Arena 1' });

describe('alerts that pop up', () => {
  it('pops up each warning and error raised after the window read the list, once; not info, not what was there', () => {
    const seen = new Set<string>();
    expect(alertsToToast([notice('old', 'error')], seen, true)).toEqual([]);
    const raised = [notice('old', 'error'), notice('disk', 'error'), notice('nearly', 'warning'), notice('back', 'info')];
    expect(alertsToToast(raised, seen, false).map((n) => n.id)).toEqual(['disk', 'nearly']);
    expect(alertsToToast(raised, seen, false)).toEqual([]);
  });
});
