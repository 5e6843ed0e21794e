/**
 * The wall's floor on this machine: what ZeroMQ alone costs to take each camera's previews
 * as the app does (a PULL socket connected, one frame received, closed), with nothing else:
 * no binning, no state stream, no page. Run as a child process so its CPU is its own; it
 * sends back its share of one core. What the app spends beyond this is the app's.
 */
import * as zmq from 'zeromq';

export interface FloorOrder {
  images: string[];
  intervalMs: number;
  seconds: number;
}

async function takePreviews({ images, intervalMs, seconds }: FloorOrder): Promise<{ cpuShare: number; previewsPerSecond: number }> {
  let stopped = false;
  let previews = 0;
  const cameras = images.map(async (endpoint) => {
    while (!stopped) {
      const started = Date.now();
      const pull = new zmq.Pull({ receiveHighWaterMark: 2, linger: 0, receiveTimeout: intervalMs });
      pull.connect(endpoint);
      try {
        await pull.receive();
        previews += 1;
      } catch {
        // no frame in time: the next round tries again
      } finally {
        pull.close();
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + intervalMs - Date.now())));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 2000)); // warm up
  const before = process.cpuUsage();
  const previewsBefore = previews;
  const startedAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(before);
  const elapsed = (Date.now() - startedAt) / 1000;
  const result = { cpuShare: (used.user + used.system) / 1e6 / elapsed, previewsPerSecond: (previews - previewsBefore) / elapsed };
  stopped = true;
  await Promise.all(cameras);
  return result;
}

process.once('message', (order: FloorOrder) => {
  void takePreviews(order).then((result) => {
    process.send!(result, () => process.exit(0));
  });
});
