import type { BuildOptions } from 'esbuild';

/** How every Node entry point is bundled (scripts/node-bundle.mjs). */
export declare const nodeBundleOptions: BuildOptions;
/** Browser mode's bundles: the core first, then the worker it receives camera streams in. */
export declare const browserModeEntries: { in: string; out: string }[];
