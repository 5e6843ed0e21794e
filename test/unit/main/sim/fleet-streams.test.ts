import { describe, expect, it } from 'vitest';
import { startSimulatedRigs } from '../../../../src-main/sim';
import { testDataDir } from './sim-test-client';

// Two ZeroMQ sockets a camera: 130 rigs of 4 cameras make 1,040, past ZeroMQ's default of 1,023.
describe('a fleet of simulated rigs with streams in one process', () => {
  it('starts 130 rigs of 4 cameras, each camera with its own streams', async () => {
    const fleet = await startSimulatedRigs({ port: 0, rigs: 130, cameras: 4, dataDir: testDataDir(), fps: 1 });
    try {
      expect(fleet.rigs).toHaveLength(130);
      const last = fleet.rigs[129]!;
      const endpoints = Object.values(last.state.cameras).flatMap((c) => (c.streamEndpoints ? [c.streamEndpoints.image, c.streamEndpoints.state] : []));
      expect(new Set(endpoints).size).toBe(8);
    } finally {
      await fleet.stop();
    }
  }, 120_000);
});
