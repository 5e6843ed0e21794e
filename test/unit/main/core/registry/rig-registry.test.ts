import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoticeBoard } from '../../../../../src-main/core/notice-board';
import { ConfigFile } from '../../../../../src-main/core/registry/config-file';
import { confStoreFactory } from '../../../../../src-main/core/registry/conf-store-factory';
import { RigRegistry } from '../../../../../src-main/core/registry/rig-registry';

const FP = 'ab'.repeat(32);
const FP_COLONS = 'AB:'.repeat(31) + 'AB';

function open(dir = mkdtempSync(path.join(tmpdir(), 'motif-config-'))) {
  const notices = new NoticeBoard();
  const file = new ConfigFile({ configDir: dir, factory: confStoreFactory, notices, now: () => new Date('2026-11-25T12:00:00.123Z') });
  return { dir, notices, file, registry: new RigRegistry(file) };
}

describe('RigRegistry on a conf file', () => {
  it('keeps rigs across reopening, normalised, in the shared config.json', () => {
    const { dir, registry } = open();
    const added = registry.add({
      name: '  Arena A ',
      host: 'Rig-1.Lab.local',
      port: 6083,
      trust: { kind: 'fingerprint', sha256: FP },
      tags: ['fly', ' fly ', 'room 2', ''],
      notes: 'left bench',
      preset: { codec: 'h264', durationSeconds: 600, filenamePattern: 'arena', metadataTemplate: { lab: 'B' }, recordToStore: true },
    });
    expect(added).toMatchObject({ name: 'Arena A', host: 'rig-1.lab.local', tags: ['fly', 'room 2'], trust: { kind: 'fingerprint', sha256: FP_COLONS } });
    const again = open(dir).registry;
    expect(again.list()).toEqual([added]);
    expect(again.findByName('arena a')?.id).toBe(added.id);
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    expect(onDisk).toMatchObject({ schemaVersion: 1, rigs: [{ id: added.id, name: 'Arena A' }] });
  });

  it('updates, removes and tells listeners about every change', () => {
    const { registry } = open();
    const seen: string[][] = [];
    const off = registry.onChange((rigs) => seen.push(rigs.map((r) => r.name)));
    const a = registry.add({ name: 'A', host: '10.0.0.1' });
    registry.add({ name: 'B', host: '10.0.0.2', port: 7000 });
    const a2 = registry.update(a.id, { name: 'A2', port: 6084, notes: 'moved' });
    expect(a2).toMatchObject({ id: a.id, name: 'A2', host: '10.0.0.1', port: 6084, notes: 'moved', createdAt: a.createdAt });
    registry.remove(a.id);
    off();
    registry.add({ name: 'C', host: '10.0.0.3' });
    expect(seen).toEqual([['A'], ['A', 'B'], ['A2', 'B'], ['B']]);
    expect(registry.list().map((r) => r.name)).toEqual(['B', 'C']);
  });

  it.each([
    [{ name: ' ', host: 'a' }, /needs a name/],
    [{ name: 'x', host: 'https://rig:6083' }, /not a host name or IP address/],
    [{ name: 'x', host: '' }, /needs a host/],
    [{ name: 'x', host: 'a', port: 0 }, /from 1 to 65535/],
    [{ name: 'x', host: 'a', port: 65536 }, /from 1 to 65535/],
    [{ name: 'x', host: 'a', port: 80.5 }, /from 1 to 65535/],
    [{ name: 'x', host: 'a', trust: { kind: 'fingerprint' as const, sha256: 'abc' } }, /64 hexadecimal digits/],
    [{ name: 'x', host: 'a', preset: { durationSeconds: -1 } }, /recording preset is not valid/],
    [{ name: 'x', host: 'a', preset: { filenamePattern: 'arena_{date}' } }, /Motif adds the date and time to every file name itself/],
  ])('refuses %j with a clear message', (input, message) => {
    const { registry } = open();
    expect(() => registry.add(input)).toThrow(message);
    expect(registry.list()).toEqual([]);
  });

  it('accepts IPv4, IPv6 (bracketed or not) and fingerprints with colons', () => {
    const { registry } = open();
    expect(registry.add({ name: 'v4', host: '192.168.1.20' }).host).toBe('192.168.1.20');
    expect(registry.add({ name: 'v6', host: '[fe80::1]' }).host).toBe('fe80::1');
    expect(registry.add({ name: 'fp', host: 'a', trust: { kind: 'fingerprint', sha256: FP_COLONS.toLowerCase() } }).trust).toEqual({
      kind: 'fingerprint',
      sha256: FP_COLONS,
    });
  });

  it('keeps names unique regardless of case, also on rename', () => {
    const { registry } = open();
    registry.add({ name: 'Arena', host: 'a' });
    const b = registry.add({ name: 'Box', host: 'b' });
    expect(() => registry.add({ name: 'ARENA', host: 'c' })).toThrow(/already a rig named "Arena"/);
    expect(() => registry.update(b.id, { name: 'arena' })).toThrow(/unique/);
    expect(() => registry.update('nope', { name: 'x' })).toThrow(/no rig with id nope/);
  });

  it('refuses a second entry for the same host and port, however the host is written, also on edit', () => {
    const { registry } = open();
    registry.add({ name: 'Arena', host: 'Rig-3.lab.local', port: 6083 });
    const v6 = registry.add({ name: 'Six', host: '[::1]', port: 4443 });
    expect(() => registry.add({ name: 'Other', host: 'rig-3.lab.local.' })).toThrow('rig-3.lab.local:6083 is already configured as rig "Arena"; each rig is added once.');
    expect(() => registry.add({ name: 'Other', host: '::1', port: 4443 })).toThrow('[::1]:4443 is already configured as rig "Six"');
    expect(registry.add({ name: 'Other', host: 'rig-3.lab.local', port: 6084 }).port).toBe(6084);
    expect(() => registry.update(v6.id, { host: 'rig-3.lab.local', port: 6084 })).toThrow(/already configured as rig "Other"/);
    expect(registry.update(v6.id, { notes: 'kept' }).notes).toBe('kept');
  });

  it('sees a rig added through another handle on the same folder (CLI and app)', () => {
    const one = open();
    const other = open(one.dir);
    other.registry.add({ name: 'From CLI', host: 'rig-9' });
    expect(one.registry.list().map((r) => r.name)).toEqual(['From CLI']);
  });
});

describe('RigRegistry reads the file once per version of it', () => {
  it('answers repeated lookups from one parse while the file is unchanged, and sees another handle\'s change at once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-config-'));
    let storeReads = 0;
    const notices = new NoticeBoard();
    const counting = new ConfigFile({
      configDir: dir,
      notices,
      factory: (options) => {
        const store = confStoreFactory(options);
        return {
          path: store.path,
          get store() {
            storeReads++;
            return store.store;
          },
          set store(value) {
            store.store = value;
          },
        };
      },
    });
    const app = new RigRegistry(counting);
    const a = app.add({ name: 'A', host: '10.0.0.1' });
    storeReads = 0;
    for (let i = 0; i < 100; i++) expect(app.get(a.id)?.name).toBe('A');
    expect(storeReads).toBeLessThanOrEqual(1);
    // What a caller does with its copy does not reach the shared parse.
    app.get(a.id)!.name = 'changed by a caller';
    expect(app.get(a.id)?.name).toBe('A');

    const cli = open(dir).registry; // another process's handle on the same folder
    cli.update(a.id, { name: 'Arena A' });
    const b = cli.add({ name: 'B', host: '10.0.0.2' });
    expect(app.get(a.id)?.name).toBe('Arena A');
    expect(app.get(b.id)?.host).toBe('10.0.0.2');
    expect(app.findByName('b')?.id).toBe(b.id);
  });
});

describe('config migrations', () => {
  it('brings a version 0 file to version 1 and keeps the original beside it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-config-'));
    const v0 = {
      rigs: [
        { name: 'Old A', host: '10.1.1.1', port: 6083, fingerprint: FP, tags: ['fly'], group: 'room 1' },
        { name: 'Old B', host: '10.1.1.2', ca: '/etc/motif/server.crt' },
      ],
    };
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify(v0));
    const { registry, notices } = open(dir);
    const rigs = registry.list();
    expect(rigs).toHaveLength(2);
    expect(rigs[0]).toMatchObject({ name: 'Old A', port: 6083, trust: { kind: 'fingerprint', sha256: FP_COLONS }, tags: ['fly', 'room 1'], notes: '', preset: {} });
    expect(rigs[1]).toMatchObject({ name: 'Old B', port: 6083, trust: { kind: 'ca', caPath: '/etc/motif/server.crt' }, tags: [] });
    expect(rigs[0]!.id).not.toBe(rigs[1]!.id);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')).schemaVersion).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json.v0-2026-11-25T12-00-00Z'), 'utf8'))).toEqual(v0);
    expect(notices.list()[0]).toMatchObject({ level: 'info', message: expect.stringMatching(/version 0 to 1/) });
    // Ids are stable from then on: no second migration on reopening.
    expect(open(dir).registry.list().map((r) => r.id)).toEqual(rigs.map((r) => r.id));
  });

  it('leaves a file from a newer version untouched and works in memory, saying so', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-config-'));
    const newer = JSON.stringify({ schemaVersion: 7, rigs: [{ future: true }] });
    writeFileSync(path.join(dir, 'config.json'), newer);
    const { registry, notices } = open(dir);
    registry.add({ name: 'Temp', host: 'a' });
    expect(registry.list().map((r) => r.name)).toEqual(['Temp']);
    expect(readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(newer);
    expect(notices.list()[0]?.message).toMatch(/newer Motif Control .* kept only until the app closes/);
  });
});

describe('corrupt config files', () => {
  it.each([
    ['garbage', '{"rigs": [ this is not json', /not valid JSON/],
    ['a schema violation', JSON.stringify({ schemaVersion: 1, rigs: [{ id: 'x', name: 'A', host: 'h', port: 99999 }] }), /expected format/],
    ['not an object', '[1, 2, 3]', /JSON object/],
    // Wrong shapes are damage, not an old version to "migrate" to an empty list.
    ['a rig list that is not a list', JSON.stringify({ rigs: { a: { name: 'A', host: 'h' } } }), /rig list/],
    ['an object without a rig list', JSON.stringify({ name: 'A', host: 'h' }), /rig list/],
    ['a config version that is not a whole number', JSON.stringify({ schemaVersion: '1', rigs: [] }), /config version/],
  ])('moves %s aside with a timestamp, tells the user, and stays usable', (_label, content, reason) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-config-'));
    writeFileSync(path.join(dir, 'config.json'), content);
    const { registry, notices } = open(dir);
    expect(registry.list()).toEqual([]);
    const aside = path.join(dir, 'config.json.corrupt-2026-11-25T12-00-00Z');
    expect(readFileSync(aside, 'utf8')).toBe(content);
    const [notice] = notices.list();
    expect(notice).toMatchObject({ level: 'error', details: { movedTo: aside } });
    expect(notice?.message).toMatch(reason);
    registry.add({ name: 'Fresh', host: 'a' });
    expect(open(dir).registry.list().map((r) => r.name)).toEqual(['Fresh']);
  });

  it('keeps the rig list readable by its owner only (0600), like the other files of the folder', () => {
    const { dir, registry } = open();
    registry.add({ name: 'A', host: 'a' });
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    chmodSync(path.join(dir, 'config.json'), 0o644); // written by an older version
    registry.add({ name: 'B', host: 'b' });
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  });

  it('moves aside a file corrupted while running, on the next read, without losing the bad copy', () => {
    const { dir, registry, notices } = open();
    registry.add({ name: 'A', host: 'a' });
    writeFileSync(path.join(dir, 'config.json'), 'oops');
    expect(registry.list()).toEqual([]);
    expect(notices.list()).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
    // Two in the same second do not overwrite each other.
    writeFileSync(path.join(dir, 'config.json'), 'oops again');
    registry.list();
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-')).sort()).toEqual([
      'config.json.corrupt-2026-11-25T12-00-00Z',
      'config.json.corrupt-2026-11-25T12-00-00Z-2',
    ]);
  });
});

describe('changes made by another process', () => {
  it('reach listeners once, through the file watch; a half-written file is left alone', async () => {
    const app = open();
    const cli = open(app.dir);
    const seen: string[][] = [];
    app.registry.onChange((rigs) => seen.push(rigs.map((r) => r.name)));
    const stop = app.registry.watchFile();
    const waitFor = async (count: number) => {
      for (let i = 0; i < 100 && seen.length < count; i++) await new Promise((r) => setTimeout(r, 20));
    };
    cli.registry.add({ name: 'From CLI', host: 'a' });
    await waitFor(1);
    expect(seen).toEqual([['From CLI']]);
    app.registry.add({ name: 'From app', host: 'b' });
    await new Promise((r) => setTimeout(r, 400));
    // Told once by the app's own write, not again by the watch that saw it.
    expect(seen).toEqual([['From CLI'], ['From CLI', 'From app']]);
    writeFileSync(path.join(app.dir, 'config.json'), '{"schemaVersion": 1, "rigs": [');
    await new Promise((r) => setTimeout(r, 400));
    expect(app.notices.list()).toEqual([]);
    expect(readdirSync(app.dir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
    stop();
  });
});
