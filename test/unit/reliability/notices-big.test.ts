/**
 * Reliability: a notices file grown large (a script raising alerts for weeks, or another
 * process gone wrong) neither wedges the start nor grows the list without end. The list holds
 * at most 1,000 (the oldest dismissed first, and said); a file too large to read quickly is set
 * aside whole and reported; de-duplication is linear, so thousands of repeats cost nothing.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/contract/errors';
import type { AppNotice } from '../../../src-main/contract/requests/app';
import { startApp, until, type App } from './app-fixture';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const figures: string[] = [];
const notice = (i: number, message = `Arena ${i}: the disk is nearly full`.padEnd(220, '.')) => ({
  id: `notice-${i}`,
  level: 'warning',
  message,
  at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
  rigId: `rig-${i % 300}`,
});

/** Writes the file, starts the app on it, and times how long until `ready` holds for the notices shown. */
async function startOn(notices: object[], ready: (shown: AppNotice[]) => boolean): Promise<{ ms: number; shown: AppNotice[]; bytes: number }> {
  app = await startApp();
  await app.core.close();
  const file = join(app.dir, 'notices.json');
  writeFileSync(file, JSON.stringify({ version: 1, notices, dismissed: [] }));
  const bytes = statSync(file).size;
  const started = performance.now();
  await app.reopen();
  const shown = await until(async () => {
    const r = (await app!.call('app.notices', {})) as Result<AppNotice[]>;
    return r.ok && ready(r.value) && r.value;
  }, 30_000);
  return { ms: Math.round(performance.now() - started), shown, bytes };
}

describe('reliability: a large notices file', { timeout: 60_000 }, () => {
  it('200,000 notices (over 60 MB): set aside whole and reported within a second; the app answers meanwhile', async () => {
    const { ms, shown, bytes } = await startOn(
      Array.from({ length: 200_000 }, (_, i) => notice(i)),
      (list) => list.some((n) => n.level === 'error'),
    );
    const aside = readdirSync(app!.dir).filter((f) => f.startsWith('notices.json.corrupt-'));
    figures.push(`${Math.round(bytes / 1e6)} MB file of 200,000: shown in ${ms} ms, set aside ${aside.length}, reported ${shown.filter((n) => n.level === 'error').length}`);
    expect(ms).toBeLessThan(1000);
    expect(aside).toHaveLength(1);
    expect(statSync(join(app!.dir, aside[0]!)).size).toBe(bytes);
    expect(shown.find((n) => n.level === 'error')!.message).toContain(aside[0]!);
    expect((await app!.call('app.info', {})).ok).toBe(true);
  });

  it('5,000 notices: the newest 999 kept, the oldest dismissed, and one notice says how many', async () => {
    const { ms, shown } = await startOn(
      Array.from({ length: 5000 }, (_, i) => notice(i)),
      (list) => list.length > 0 && list.length <= 1000,
    );
    const said = shown.filter((n) => n.level === 'info');
    figures.push(`5,000 kept notices: ${shown.length} shown in ${ms} ms; "${said[0]?.message}"`);
    expect(ms).toBeLessThan(1000);
    expect(shown).toHaveLength(1000);
    expect(said.map((n) => n.message)).toEqual(['4,001 older notices were dismissed: only the newest 1,000 are kept.']);
    expect(shown.filter((n) => n.level === 'warning').map((n) => n.id)).toEqual(Array.from({ length: 999 }, (_, i) => `notice-${4001 + i}`));
    // The file holds the bounded list too, so the next start reads 1,000, not 5,000.
    await app!.core.notices.flush();
    const again = await app!.reopen();
    await until(async () => again.notices.list().length === 1000);
  });

  it('15,000 notices that say the same: one shown, at once (de-duplication is linear)', async () => {
    const { ms, shown } = await startOn(
      Array.from({ length: 15_000 }, (_, i) => ({ ...notice(i, 'The keychain could not be reached.'), rigId: undefined })),
      (list) => list.length > 0,
    );
    figures.push(`15,000 repeats of one notice: ${shown.length} shown in ${ms} ms`);
    expect(shown.map((n) => n.id)).toEqual(['notice-0']);
    expect(ms).toBeLessThan(1000);
  });

  it('figures', () => {
    console.log(`large notices files: ${figures.join('; ')}`);
  });
});
