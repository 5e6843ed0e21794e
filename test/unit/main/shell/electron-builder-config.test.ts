import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../../src-main/shell/app-id';

/**
 * Installers cannot be built on a machine without Electron's binary; what can be checked here
 * is that electron-builder.yml is one electron-builder accepts (its own JSON schema) and that
 * everything it names is there. The installers themselves are built by .github/workflows/desktop.yml.
 */

const root = path.resolve(import.meta.dirname, '../../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const config = yaml.load(read('electron-builder.yml')) as Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  directories: { output: string; buildResources: string };
  linux: { target: string[]; icon: string };
  win: { target: string; icon: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string; identity?: string | null; hardenedRuntime?: boolean };
  electronFuses: Record<string, boolean>;
  appImage?: { executableArgs?: string[] };
  publish?: unknown;
};
const pkg = JSON.parse(read('package.json')) as {
  main: string;
  homepage?: string;
  repository?: { type: string; url: string } | string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};

/** Width and height from a PNG's IHDR. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(path.join(root, file));
  expect(buf.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function walk(dir: string): string[] {
  if (!existsSync(path.join(root, dir))) return [];
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')))
    .filter((f) => statSync(path.join(root, f)).isFile());
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema (node_modules/app-builder-lib/scheme.json)", () => {
    const schema = JSON.parse(readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema does catch mistakes: an unknown key is refused.
    expect(validate({ ...config, linux: { ...config.linux, icno: 'x' } })).toBe(false);
  });

  it('builds AppImage and deb, NSIS and dmg, through npm run dist', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toBe('nsis');
    // Intel and Apple Silicon Macs both: one dmg each (or one universal).
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: expect.arrayContaining(['x64', 'arm64']) }]);
    expect(pkg.scripts.dist).toBe('node scripts/dist.mjs');
    expect(read('scripts/dist.mjs')).toMatch(/electron-builder\.yml/);
  });

  it('names icons that exist, large enough for every platform (dmg and ico are made from 512 px and up)', () => {
    for (const icon of new Set([config.linux.icon, config.win.icon, config.mac.icon])) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
      const { width, height } = pngSize(icon);
      expect(width).toBe(height);
      expect(width).toBeGreaterThanOrEqual(512);
    }
  });

  it('ships the built app and the tray icons the shell loads, and nothing of release/ or the build stamp', () => {
    const include = config.files.filter((f) => !f.startsWith('!'));
    expect(include).toEqual(expect.arrayContaining(['dist/**', 'assets/**', 'package.json']));
    for (const pattern of include) {
      const base = pattern.replace(/\/\*\*.*$/, '');
      // dist/ is made by `npm run build` (scripts/build.mjs, which `npm run dist` runs first).
      if (base === 'dist') expect(read('scripts/build.mjs')).toContain("out: 'dist/main/main.js'");
      else expect(existsSync(path.join(root, base)), pattern).toBe(true);
    }
    // Every tray icon the shell can ask for is under assets/.
    const shipped = walk('assets');
    for (const file of ['assets/icon.png', 'assets/tray/idle-dark.png', 'assets/tray/recording-problemTemplate@2x.png']) expect(shipped).toContain(file);
    expect(config.directories.output).toBe('release');
    expect(existsSync(path.join(root, config.directories.buildResources)), 'buildResources must not be a shipped folder').toBe(false);
    expect(read('.gitignore')).toMatch(/^\/?release\/?$/m);
  });

  it('flips the Electron fuses: no run-as-node, NODE_OPTIONS or --inspect; app only from its checked asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      resetAdHocDarwinSignature: true,
    });
  });

  it('leaves the Mac app validly signed without a certificate: ad hoc after the fuses flip, and ad hoc when signing', () => {
    // Flipped fuses void the binary's signature; Apple Silicon does not launch an app whose signature is invalid.
    expect(config.electronFuses.resetAdHocDarwinSignature).toBe(true);
    // No Developer ID here: electron-builder 26 signs nothing unless told "-" (ad hoc).
    expect(config.mac.identity).toBe('-');
    // The hardened runtime with ad-hoc signed native modules needs library validation off:
    // electron-builder's default entitlements say so, as long as none of our own replace them.
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac).not.toHaveProperty('entitlements');
    expect(config.mac).not.toHaveProperty('entitlementsInherit');
    const entitlements = readFileSync(path.join(root, 'node_modules/app-builder-lib/templates/entitlements.mac.plist'), 'utf8');
    expect(entitlements).toContain('com.apple.security.cs.disable-library-validation');
  });

  it('names the project homepage and repository, which the deb needs on any clone (no GitHub remote required)', () => {
    expect(pkg.homepage).toMatch(/^https:\/\/\S+$/);
    const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    expect(repository).toMatch(/^(git\+)?https:\/\/\S+\.git$/);
    // And the installers carry no update feed pointing there.
    expect(config.publish).toBeNull();
  });

  it("gives the app the id the shell sets as Windows' AppUserModelID (notifications need them equal)", () => {
    expect(config.appId).toBe(APP_ID);
    expect(read('src-main/shell/main.ts')).toMatch(/setAppUserModelId\(APP_ID\)/);
  });

  it("keeps Chromium's sandbox on in the AppImage's desktop entry (its launcher drops it only where it cannot start)", () => {
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it("builds npm start's sandbox check beside the app and leaves it out of the installers", () => {
    expect(read('scripts/build.mjs')).toContain("{ in: 'src-main/shell/linux-sandbox.ts', out: 'dist/start/linux-sandbox.js' }");
    expect(read('scripts/start.mjs')).toContain("import('../dist/start/linux-sandbox.js')");
    expect(config.files).toContain('!dist/start/**');
  });

  it("starts the app from package.json's main, which the build writes", () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(read('scripts/build.mjs')).toContain(`out: '${pkg.main}'`);
  });

  it('rebuilds and unpacks the native modules from asar: keytar and zeromq, both dependencies of the app', () => {
    expect(config.npmRebuild).toBe(true);
    const deps = { ...pkg.dependencies, ...pkg.optionalDependencies };
    for (const name of ['keytar', 'zeromq']) {
      expect(config.asarUnpack).toContain(`node_modules/${name}/**`);
      expect(deps[name], `${name} in dependencies or optionalDependencies`).toBeDefined();
    }
  });

  it('has a CI workflow building the installers on Linux, Windows and macOS and self-testing the packed app on each', () => {
    const workflow = yaml.load(read('.github/workflows/desktop.yml')) as {
      jobs: Record<string, { strategy: { matrix: { os: string[] } }; steps: { name?: string; if?: string; run?: string; uses?: string }[] }>;
    };
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.strategy.matrix.os).toEqual(expect.arrayContaining(['ubuntu-latest', 'windows-latest', 'macos-latest']));
    const runs = job.steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/npm run dist/);
    // What users install, started with --self-test: the installed deb and the AppImage on Linux, the unpacked app elsewhere.
    const selfTests = job.steps.filter((s) => /node scripts\/self-test-packed\.mjs/.test(s.run ?? ''));
    expect(selfTests.map((s) => s.if)).toEqual(["runner.os == 'Linux'", "runner.os == 'Linux'", "runner.os != 'Linux'"]);
    expect(runs).toMatch(/apt-get install[^\n]*\.\/release\/\*\.deb\n\s*xvfb-run -a node scripts\/self-test-packed\.mjs "\$\(readlink -f \/usr\/bin\/motif-control\)"/);
    expect(runs).toMatch(/xvfb-run -a node scripts\/self-test-packed\.mjs "\$\(ls release\/\*\.AppImage\)"/);
    expect(runs).toMatch(/codesign --verify --deep --strict/);
    // Never with the sandbox off, and AppArmor's restriction is not switched off to hide it.
    expect(runs).not.toMatch(/--no-sandbox/);
    expect(runs).not.toMatch(/sysctl|apparmor_restrict_unprivileged_userns/);
    expect(runs).toMatch(/xvfb-run[^\n]*npm run test:electron/);
    expect(existsSync(path.join(root, 'test/electron/smoke.spec.ts'))).toBe(true);
    expect(read('src-main/shell/main.ts')).toContain('SELF_TEST_FLAG');
  });
});
