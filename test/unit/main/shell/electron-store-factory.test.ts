import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NoticeBoard } from '../../../../src-main/core/notice-board';
import { ConfigFile } from '../../../../src-main/core/registry/config-file';
import { confStoreFactory, type StoreFactory } from '../../../../src-main/core/registry/conf-store-factory';
import { RigRegistry } from '../../../../src-main/core/registry/rig-registry';
import { makeFakeElectron } from './fake-electron';

const fake = makeFakeElectron();
vi.mock('electron', () => ({
  default: fake.module,
  app: fake.module.app,
  ipcMain: fake.module.ipcMain,
}));

const { electronStoreFactory, shellConfigDir } = await import('../../../../src-main/shell/electron-store-factory');

const registryOn = (dir: string, factory: StoreFactory, notices = new NoticeBoard()) =>
  new RigRegistry(new ConfigFile({ configDir: dir, factory, notices }));

describe('electron-store as the core config store', () => {
  it('shares one file with conf: a rig added in the app is seen by the CLI and back', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-shared-'));
    const app = registryOn(dir, electronStoreFactory);
    const cli = registryOn(dir, confStoreFactory);
    const fromApp = app.add({ name: 'From app', host: '10.0.0.1', trust: { kind: 'fingerprint', sha256: 'ef'.repeat(32) } });
    expect(cli.list()).toEqual([fromApp]);
    const fromCli = cli.add({ name: 'From CLI', host: '10.0.0.2' });
    expect(app.list()).toEqual([fromApp, fromCli]);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toMatchObject({ schemaVersion: 1 });
  });

  it('validates with the same schema: a violating file is moved aside, with a notice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-shared-'));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ schemaVersion: 1, rigs: [{ name: 'no id' }] }));
    const notices = new NoticeBoard();
    const app = registryOn(dir, electronStoreFactory, notices);
    expect(app.list()).toEqual([]);
    expect(notices.list()[0]?.message).toMatch(/does not match the expected format/);
    expect(existsSync(path.join(dir, 'config.json'))).toBe(false);
  });

  it("uses Electron's userData, unless MOTIF_CONTROL_CONFIG_DIR says otherwise", () => {
    expect(shellConfigDir({})).toBe(fake.module.app.getPath('userData'));
    expect(shellConfigDir({ MOTIF_CONTROL_CONFIG_DIR: '/tmp/elsewhere' })).toBe('/tmp/elsewhere');
  });
});
