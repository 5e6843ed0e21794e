// `npm run dist`: this OS's installers with electron-builder, into release/ (AppImage and deb
// on Linux, NSIS on Windows, dmg on macOS; see electron-builder.yml). It builds dist/ first;
// electron-builder rebuilds the native modules (keytar, zeromq) for Electron and unpacks them
// from the asar archive. Extra arguments go to electron-builder: `npm run dist -- --linux deb`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `npm run dist needs Node 22.12 or newer (this is ${process.versions.node}): electron-builder and Electron's download ` +
      'and rebuild tooling ask for it. The app itself runs on Node 20 (browser mode, motifctl) and on Electron\'s own Node.',
  );
  process.exit(1);
}

const step = (what, args) => {
  console.log(`== ${what}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

step('build', ['scripts/build.mjs']);
const builderPackage = createRequire(import.meta.url).resolve('electron-builder/package.json');
const cli = path.join(path.dirname(builderPackage), 'cli.js');
step('electron-builder', [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);
