// Builds everything `npm start`, `npm run browser` and the binaries run: the renderer with
// Vite, and each Node/Electron entry point bundled by esbuild into dist/.
import { browserModeEntries, nodeBundleOptions, selfContainedBundleOptions } from './node-bundle.mjs';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const nodeEntries = [
  { in: 'src-main/shell/main.ts', out: 'dist/main/main.js' },
  { in: 'src-main/shell/live-receiver-process.ts', out: 'dist/main/live-receiver.js' },
  ...browserModeEntries,
  { in: 'src-main/cli/motifctl.ts', out: 'dist/cli/motifctl.js', bin: true, selfContained: true },
  { in: 'src-main/sim/motif-sim.ts', out: 'dist/sim/motif-sim.js', bin: true, selfContained: true },
  // For `npm start`: whether Chromium's sandbox can start, asked before Electron is (not packaged).
  { in: 'src-main/shell/linux-sandbox.ts', out: 'dist/start/linux-sandbox.js' },
];

const started = Date.now();
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

await Promise.all(
  nodeEntries
    .filter((entry) => existsSync(entry.in))
    .map((entry) =>
      esbuild({
        ...(entry.selfContained
          ? selfContainedBundleOptions({ shebang: entry.bin })
          : { ...nodeBundleOptions, banner: entry.bin ? { js: '#!/usr/bin/env node' } : undefined }),
        entryPoints: [entry.in],
        outfile: entry.out,
      }),
    ),
);

// The sandboxed preload cannot load modules: one self-contained CommonJS file.
await esbuild({
  entryPoints: ['src-preload/preload.ts'],
  outfile: 'dist/preload/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome130',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
});

mkdirSync('dist', { recursive: true });
writeFileSync('dist/.build-stamp', new Date().toISOString());
console.log(`built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
