import { describe, expect, it } from 'vitest';
import { defaultView, parseView } from '../../../../../src-renderer/features/dashboard/dashboard-view';

describe('remembered dashboard view', () => {
  it('reads back what was saved', () => {
    const saved = { layout: 'dense', search: 'arena', sort: 'state', group: 'recording', tags: ['lab-1'] } as const;
    expect(parseView(JSON.stringify(saved))).toEqual(saved);
  });
  it('falls back field by field on what it cannot read, and wholly on broken text', () => {
    expect(parseView(JSON.stringify({ layout: 'tiles', search: 'x', sort: 7 }))).toEqual({ ...defaultView, search: 'x' });
    expect(parseView('{not json')).toEqual(defaultView);
    expect(parseView(null)).toEqual(defaultView);
  });
});
