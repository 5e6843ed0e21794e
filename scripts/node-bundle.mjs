// How every Node entry point is bundled, for `npm run build` and `npm run dev` alike.
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies load from node_modules at run time (native modules among them).
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

// Native modules (and ws's optional native helpers) cannot be bundled: they load from node_modules.
const NATIVE = ['keytar', 'zeromq', 'bufferutil', 'utf-8-validate', 'electron'];

/** Bundled CommonJS dependencies call require(): the ES module gets one. */
const REQUIRE_SHIM = "import { createRequire as __motifCreateRequire } from 'node:module'; const require = __motifCreateRequire(import.meta.url);";

/**
 * For the processes a user waits on to start (browser mode, motifctl, the simulator): their
 * dependencies bundled too, so starting reads one file instead of resolving and compiling a few
 * hundred in node_modules (browser mode served in about two thirds of the time).
 * `shebang`: for files run as commands.
 */
export function selfContainedBundleOptions({ shebang = false } = {}) {
  return {
    ...nodeBundleOptions,
    packages: 'bundle',
    external: NATIVE,
    banner: { js: shebang ? `#!/usr/bin/env node\n${REQUIRE_SHIM}` : REQUIRE_SHIM },
  };
}

// Browser mode: the core, and the worker thread it receives camera streams in, found beside
// it by name (src-main/core/live/worker-receivers.ts).
export const browserModeEntries = [
  { in: 'src-main/core/browser-mode/cli.ts', out: 'dist/browser/browser-mode.js', selfContained: true },
  { in: 'src-main/core/live/receiver-worker.ts', out: 'dist/browser/live-receiver-worker.js', selfContained: true },
];
