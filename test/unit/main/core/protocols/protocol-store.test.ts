import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../../../src-main/contract/errors';
import type { Res } from '../../../../../src-main/contract/requests';
import { createAppCore, type AppCore } from '../../../../../src-main/core/app-core';
import { silentLogger } from '../../../../../src-main/core/logger';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../secrets/memory-keychain';

let core: AppCore;
let dir: string;
const EXAMPLE = readFileSync(path.join(__dirname, '../../../../../examples/protocols/hourly-stimulus.json'), 'utf8');

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'motif-protocols-'));
  core = createAppCore({ transport: 'browser', log: silentLogger, configDir: dir, secrets: new SecretStore(new MemoryKeychain(), { cacheMs: 0 }) });
});
afterAll(async () => {
  await core.close();
});

const call = async <N extends `protocols.${string}` & Parameters<AppCore['call']>[0]>(name: N, args: unknown): Promise<Result<Res<N>>> =>
  (await core.dispatch(name, args)) as Result<Res<N>>;

describe('saved protocols in the config folder, through the app core', () => {
  it('imports a file, lists it, and never replaces a different protocol of that name without being asked', async () => {
    const imported = await call('protocols.import', { text: EXAMPLE });
    expect(imported).toMatchObject({ ok: true, value: { name: 'hourly-stimulus', file: path.join(dir, 'protocols', 'hourly-stimulus.json') } });
    // The same content again is no replacement.
    expect((await call('protocols.import', { text: EXAMPLE })).ok).toBe(true);

    const changed = { ...JSON.parse(EXAMPLE), description: 'every hour, 25 min' };
    const refused = await call('protocols.save', { protocol: changed });
    expect(refused).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect(readFileSync(path.join(dir, 'protocols', 'hourly-stimulus.json'), 'utf8')).not.toContain('25 min');
    expect(await call('protocols.save', { protocol: changed, replace: true })).toMatchObject({ ok: true, value: { description: 'every hour, 25 min' } });

    const listed = await call('protocols.list', {});
    expect(listed.ok && listed.value.protocols.map((p) => p.name)).toEqual(['hourly-stimulus']);
  });

  it('reports a damaged file in the folder instead of dropping it, and refuses a bad import in words', async () => {
    writeFileSync(path.join(dir, 'protocols', 'broken.json'), '{"version": 1, "name": "broken", "recordings": [{"when": {}}]}');
    const listed = await call('protocols.list', {});
    expect(listed.ok && listed.value.problems).toEqual([
      expect.stringMatching(/broken\.json is not a valid protocol: "recordings\.0\.when" needs either "times"/),
    ]);
    const bad = await call('protocols.import', { text: 'not json' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/^The file is not JSON/) } });
  });

  it('records a seed when it saves a protocol with jitter, so it compiles the same every time', async () => {
    const jittered = {
      version: 1, name: 'jitter', recordings: [{ when: { times: ['09:00'] }, durationSeconds: 600,
        actions: [{ after: { every: 120, from: 60, jitter: 20 }, do: { kind: 'output', output: 'led', value: 1 } }] }],
    };
    const saved = await call('protocols.save', { protocol: jittered });
    const seed = saved.ok ? saved.value.protocol.seed : undefined;
    expect(typeof seed).toBe('number');
    const a = await call('protocols.compile', { ref: { name: 'jitter' } });
    const b = await call('protocols.compile', { ref: { name: 'jitter' } });
    expect(a.ok && a.value.seed).toBe(seed);
    expect(a).toEqual(b);
    expect(await call('protocols.delete', { name: 'jitter' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await call('protocols.compile', { ref: { name: 'jitter' } })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'There is no saved protocol named "jitter".' } });
  });
});
