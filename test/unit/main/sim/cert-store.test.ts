import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, loadTlsPair } from '../../../../src-main/sim/cert-store';
import { testDataDir } from './sim-test-client';

describe('certificate store', () => {
  it('generates a pair once and keeps it, so the fingerprint stays valid', async () => {
    const dir = testDataDir();
    const first = await loadTlsPair({ dataDir: dir });
    const second = await loadTlsPair({ dataDir: dir });
    expect(second.fingerprint256).toBe(first.fingerprint256);
    expect(first.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.certPath).toBe(path.join(dir, 'server.crt'));
    expect(new X509Certificate(readFileSync(first.certPath)).fingerprint256).toBe(first.fingerprint256);
    expect((await loadTlsPair({ dataDir: testDataDir() })).fingerprint256).not.toBe(first.fingerprint256);
  });

  it('agrees on one pair when several starts race in a fresh folder', async () => {
    const dir = testDataDir();
    const pairs = await Promise.all(Array.from({ length: 4 }, () => loadTlsPair({ dataDir: dir })));
    expect(new Set(pairs.map((p) => p.fingerprint256)).size).toBe(1);
  });

  it('uses given files', async () => {
    const kept = await loadTlsPair({ dataDir: testDataDir() });
    const dir = testDataDir();
    writeFileSync(path.join(dir, 'c.pem'), kept.cert);
    writeFileSync(path.join(dir, 'k.pem'), kept.key);
    const given = await loadTlsPair({ certFile: path.join(dir, 'c.pem'), keyFile: path.join(dir, 'k.pem') });
    expect(given.fingerprint256).toBe(kept.fingerprint256);
    expect(given.certPath).toBe(path.join(dir, 'c.pem'));
    await expect(loadTlsPair({ certFile: path.join(dir, 'c.pem') })).rejects.toThrow(/together/);
  });

  it('defaults to XDG_DATA_HOME/motif-sim', () => {
    const saved = process.env.XDG_DATA_HOME;
    process.env.XDG_DATA_HOME = '/tmp/xdg-test';
    try {
      expect(defaultDataDir()).toBe('/tmp/xdg-test/motif-sim');
    } finally {
      if (saved === undefined) delete process.env.XDG_DATA_HOME;
      else process.env.XDG_DATA_HOME = saved;
    }
  });
});
