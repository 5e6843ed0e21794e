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

// Browser mode: the core, and the worker thread it receives camera streams in, found beside
// it by name (src-main/core/live/worker-receivers.ts).
export const browserModeEntries = [
  { in: 'src-main/core/browser-mode/cli.ts', out: 'dist/browser/browser-mode.js' },
  { in: 'src-main/core/live/receiver-worker.ts', out: 'dist/browser/live-receiver-worker.js' },
];
