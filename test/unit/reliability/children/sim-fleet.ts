/**
 * Simulated rigs in a process of their own (a rig is its own machine): the options as JSON in
 * the first argument; prints one JSON line with the rigs' details, and runs until stdin closes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulatedRigs, type SimOptions } from '../../../../src-main/sim';

const options = JSON.parse(process.argv[2] ?? '{}') as SimOptions;
const dataDir = mkdtempSync(join(tmpdir(), 'motif-reliability-sim-'));
const fleet = await startSimulatedRigs({ ...options, port: 0, dataDir });
process.stdout.write(`${JSON.stringify({ rigs: fleet.rigs.map((r) => r.info) })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void fleet.stop().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
