import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimRigInfo } from '../../../../src-main/sim';
import { buildProgram, toSimOptions } from '../../../../src-main/sim/cli';
import { ok, rawRequest, testDataDir } from './sim-test-client';

const ENTRY = path.resolve(__dirname, '../../../../src-main/sim/motif-sim.ts');
const TSX = path.resolve(__dirname, '../../../../node_modules/.bin/tsx');

describe('motif-sim options', () => {
  it('maps flags to SimOptions', () => {
    const program = buildProgram().exitOverride();
    program.parse(['node', 'motif-sim', '--port', '0', '--rigs', '3', '--api-key', 'k', '--no-streams', '--control', '--outputs', 'a,b', '--fault', 'latency=5@version'], { from: 'node' });
    expect(toSimOptions(program.opts())).toMatchObject({ port: 0, rigs: 3, apiKey: 'k', streams: false, control: true, outputs: ['a', 'b'], fault: 'latency=5@version', cameras: 2, fps: 30 });
  });

  it('refuses bad values', () => {
    for (const argv of [['--port', '-1'], ['--rigs', '0'], ['--fault', 'boom'], ['--fps', 'x']]) {
      const program = buildProgram().exitOverride().configureOutput({ writeErr: () => undefined });
      expect(() => program.parse(['node', 'motif-sim', ...argv], { from: 'node' }), argv.join(' ')).toThrow();
    }
  });
});

describe('motif-sim binary', () => {
  it('prints one JSON line per rig, serves them, and stops cleanly on SIGTERM', async () => {
    const child = spawn(TSX, [ENTRY, '--port', '0', '--rigs', '2', '--no-streams', '--data-dir', testDataDir(), '--api-key', 'abc123'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout! });
    const infos: SimRigInfo[] = [];
    for await (const line of lines) {
      infos.push(JSON.parse(line) as SimRigInfo);
      if (infos.length === 2) break;
    }
    expect(Object.keys(infos[0]!).sort()).toEqual(['apiKey', 'certPath', 'fingerprint256', 'host', 'port', 'serials', 'url']);
    expect(infos.map((i) => i.apiKey)).toEqual(['abc123', 'abc123']);
    for (const info of infos) expect((await ok(info, 'GET', 'version')).version).toBeDefined();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(rawRequest(infos[0]!, 'GET', '/version')).rejects.toThrow(/ECONNREFUSED/);
  }, 20_000);
});
