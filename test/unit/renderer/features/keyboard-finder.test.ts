import { describe, expect, it } from 'vitest';
import type { RigSummary } from '../../../../src-main/contract/requests';
import { findItems, finderItems } from '../../../../src-renderer/features/keyboard/finder-items';

const rig = (id: string, name: string, host: string, tags: string[]): RigSummary => ({
  id,
  name,
  host,
  port: 6083,
  tags,
  simulated: false,
  notes: '',
  trust: null,
  preset: {},
  keyState: 'keychain',
  createdAt: '2024-01-01T00:00:00.000Z',
});
const items = finderItems([rig('1', 'rig-3', '10.0.0.3', ['flies']), rig('2', 'rig-30', '10.0.0.30', ['fish'])]);
const labels = (query: string) => findItems(items, query).map((i) => i.label);

describe('finder', () => {
  it('finds a rig by name, tag or host, the exact name first', () => {
    expect(labels('rig-3')[0]).toBe('rig-3');
    expect(labels('rig-3')[1]).toBe('rig-30');
    expect(labels('fish')).toEqual(['rig-30']);
    expect(labels('10.0.0.3')).toEqual(['rig-3', 'rig-30']);
  });

  it('finds commands by any of their words, and says what they do', () => {
    expect(labels('start recording rig-3')).toEqual(['Start recording on rig-3', 'Start recording on rig-30']);
    expect(findItems(items, 'start recording on rig-3')[0]?.action).toEqual({ kind: 'dialog', dialog: { kind: 'record', targets: [{ rigId: '1' }] } });
    expect(findItems(items, 'open schedule of rig-30')[0]?.action).toEqual({ kind: 'view', view: { kind: 'rig', rigId: '2', tab: 'schedule' } });
    expect(labels('add rig')).toEqual(['Add rig']);
  });

  it('puts a label holding the whole query before entries that only hold its words here and there', () => {
    const named = finderItems([rig('a', 'Simulated rig 1', '127.0.0.1', []), rig('b', 'Simulated rig 2', '127.0.0.1', [])]);
    expect(findItems(named, 'rig 2')[0]?.label).toBe('Simulated rig 2');
  });

  it('finds nothing for words no entry has', () => {
    expect(labels('zebrafish')).toEqual([]);
  });
});
