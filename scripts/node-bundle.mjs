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
