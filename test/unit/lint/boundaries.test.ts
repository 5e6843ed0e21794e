import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** Messages of the boundary rules for `code` as if it were the file at `filePath`. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

describe('architecture boundaries in lint', () => {
  it('fails a renderer file that imports code from src-main', async () => {
    const errors = await boundaryErrors(
      "import { makeDispatch } from '../../../src-main/core/dispatch';\nexport const d = makeDispatch;\n",
      'src-renderer/features/rigs/bad-import.ts',
    );
    expect(errors).toEqual([expect.stringContaining('only over the bridge')]);
  });

  it('lets a renderer file import types from the contract', async () => {
    const errors = await boundaryErrors(
      "import type { RigSummary } from '../../../src-main/contract/requests';\nexport type R = RigSummary;\n",
      'src-renderer/features/rigs/good-import.ts',
    );
    expect(errors).toEqual([]);
  });

  it('lets a renderer file import code from src-shared', async () => {
    const errors = await boundaryErrors(
      "import { encodeFrame } from '../../src-shared/frame-codec';\nexport const e = encodeFrame;\n",
      'src-renderer/transport/good-import.ts',
    );
    expect(errors).toEqual([]);
  });

  it('fails a src-shared file that imports from src-main or src-renderer, even types', async () => {
    for (const code of [
      "import { makeDispatch } from '../src-main/core/dispatch';\nexport const d = makeDispatch;\n",
      "import type { RigStatus } from '../src-main/contract/requests/status';\nexport type S = RigStatus;\n",
      "import { connectBridge } from '../src-renderer/transport/bridge';\nexport const c = connectBridge;\n",
    ]) {
      const errors = await boundaryErrors(code, 'src-shared/bad-import.ts');
      expect(errors, code).toEqual([expect.stringContaining('src-shared runs in main and in the renderer alike')]);
    }
  });

  it('fails a src-shared file that imports electron, a Node builtin or React', async () => {
    for (const from of ['electron', 'node:fs', 'fs', 'path', 'node:crypto', 'react', 'react/jsx-runtime', 'react-dom']) {
      const errors = await boundaryErrors(`import x from '${from}';\nexport const y = x;\n`, 'src-shared/bad-import.ts');
      expect(errors, from).toEqual([expect.stringContaining('src-shared runs in main and in the renderer alike')]);
    }
  });

  it('lets a src-shared file import its neighbours and plain packages', async () => {
    const code = "import { encodeFrame } from './frame-codec';\nimport { DateTime } from 'luxon';\nexport const y = [encodeFrame, DateTime];\n";
    expect(await boundaryErrors(code, 'src-shared/good-import.ts')).toEqual([]);
  });

  it('fails core, CLI and renderer files that import electron', async () => {
    for (const filePath of ['src-main/core/registry/bad.ts', 'src-main/cli/bad.ts', 'src-renderer/bad.ts']) {
      const errors = await boundaryErrors("import { app } from 'electron';\nexport const a = app;\n", filePath);
      expect(errors, filePath).toEqual([expect.stringContaining('Only src-main/shell and src-preload')]);
    }
  });

  it('lets the shell and the preload import electron', async () => {
    for (const filePath of ['src-main/shell/tray.ts', 'src-preload/preload.ts']) {
      const errors = await boundaryErrors("import { app } from 'electron';\nexport const a = app;\n", filePath);
      expect(errors, filePath).toEqual([]);
    }
  });

  it('fails a simulator file that imports the client core (motif-api or anything but the codec and cron)', async () => {
    for (const from of [
      '../core/motif-api/operation-paths',
      '../core/motif-api',
      '../../src-main/core/motif-api/motif-client',
      '../core/dispatch',
    ]) {
      const errors = await boundaryErrors(`import { x } from '${from}';\nexport const y = x;\n`, 'src-main/sim/bad-import.ts');
      expect(errors, from).toEqual([expect.stringContaining('The simulator stands apart from the client')]);
    }
  });

  it('lets a simulator file import the Python-JSON codec, cron and its own modules', async () => {
    const code = [
      "import { type WireValue, parseWire } from '../core/python-json';",
      "import { parse } from '../core/cron';",
      "import { route } from './router';",
      'export const y: [WireValue, unknown, unknown] = [parseWire("1"), parse, route];',
      '',
    ].join('\n');
    expect(await boundaryErrors(code, 'src-main/sim/good-import.ts')).toEqual([]);
  });

  it('keeps electron out of the simulator', async () => {
    const errors = await boundaryErrors("import { app } from 'electron';\nexport const a = app;\n", 'src-main/sim/bad.ts');
    expect(errors).toEqual([expect.stringContaining('Only src-main/shell and src-preload')]);
  });
});
