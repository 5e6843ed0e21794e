import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_NOTICES, NOTICES_FILE_NAME, NoticeBoard } from '../../../../src-main/core/notice-board';

describe('NoticeBoard kept in a file shared by several processes', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const file = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-notices-'));
    dirs.push(dir);
    return path.join(dir, NOTICES_FILE_NAME);
  };

  it('merges what each board raised, and never brings back what another dismissed', async () => {
    const f = file();
    const a = new NoticeBoard({ file: f });
    const b = new NoticeBoard({ file: f });
    const fromA = a.raise('warning', 'from a', { rigId: 'rig-1', rigName: 'Arena 1', episode: 'disk-nearly-full:rig-1' });
    b.raise('error', 'from b');
    await Promise.all([a.flush(), b.flush()]);
    await a.load();
    await b.load();
    expect(a.list().map((n) => n.message).sort()).toEqual(['from a', 'from b']);
    expect(b.list().map((n) => n.message).sort()).toEqual(['from a', 'from b']);

    expect(await b.dismiss(fromA.id)).toBe(true);
    // a still holds it in memory; its next write must not revive it.
    a.raise('info', 'later from a');
    await a.flush();
    expect(a.list().map((n) => n.message).sort()).toEqual(['from b', 'later from a']);

    const restarted = new NoticeBoard({ file: f });
    await restarted.load();
    expect(restarted.list().map((n) => n.message).sort()).toEqual(['from b', 'later from a']);
    expect(restarted.list().find((n) => n.message === 'from b')).not.toHaveProperty('rigId');
  });

  it('sets a damaged file aside, says so, and goes on with a new file', async () => {
    const f = file();
    writeFileSync(f, '{ not json');
    const told: string[] = [];
    const board = new NoticeBoard({ file: f, onDamage: (m) => told.push(m), now: () => new Date('2026-11-25T12:00:00.123Z') });
    await board.load();
    board.raise('error', 'still told');
    await board.flush();
    const aside = `${f}.corrupt-2026-11-25T12-00-00Z`;
    expect(readFileSync(aside, 'utf8')).toBe('{ not json');
    expect(told).toEqual([expect.stringContaining(aside)]);
    expect(JSON.parse(readFileSync(f, 'utf8')).notices.map((n: { message: string }) => n.message)).toEqual([told[0], 'still told']);
  });

  it('keeps at most 1,000 in memory too (motifctl), the oldest dismissed first and said once', () => {
    const board = new NoticeBoard();
    for (let i = 0; i < 1500; i++) board.raise('warning', `notice ${i}`);
    const list = board.list();
    expect(list).toHaveLength(MAX_NOTICES);
    expect(list[0]!.message).toBe('notice 501');
    expect(list.filter((n) => n.level === 'info').map((n) => n.message)).toEqual(['501 older notices were dismissed: only the newest 1,000 are kept.']);
    expect(list.at(-2)!.message).toBe('notice 1499');
  });

  it('does not repeat a notice that says the same while it is shown, also when said again by a restarted app', async () => {
    const f = file();
    const first = new NoticeBoard({ file: f });
    const once = first.add('warning', 'The keychain could not be reached.');
    expect(first.add('warning', 'The keychain could not be reached.').id).toBe(once.id);
    await first.flush();
    const restarted = new NoticeBoard({ file: f });
    restarted.add('warning', 'The keychain could not be reached.'); // at start, before the kept ones are read
    await restarted.load();
    expect(restarted.list().map((n) => n.id)).toEqual([once.id]);
  });
});
