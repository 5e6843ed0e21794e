import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserModeEntries } from '../../../scripts/node-bundle.mjs';
import { RECEIVER_WORKER_BUNDLE } from '../../../src-main/core/live/worker-receivers';

describe("browser mode's bundles", () => {
  it('build the stream worker beside the core, under the name the core looks for', () => {
    const [core, worker] = browserModeEntries;
    expect(core!.in).toBe('src-main/core/browser-mode/cli.ts');
    expect(worker!.in).toBe('src-main/core/live/receiver-worker.ts');
    expect(dirname(worker!.out)).toBe(dirname(core!.out));
    expect(basename(worker!.out)).toBe(RECEIVER_WORKER_BUNDLE);
    for (const entry of browserModeEntries) expect(existsSync(entry.in)).toBe(true);
  });
});
