/** motif-sim as a library: start N simulated rigs in-process. */
import { randomBytes } from 'node:crypto';
import { DEFAULT_FRAME_FORMAT } from './test-pattern';
import { loadTlsPair } from './cert-store';
import { parseFault } from './faults';
import { SimRigImpl } from './sim-rig';
import type { SimFleet, SimOptions } from './types';

export type {
  FaultSpec,
  SimCameraView,
  SimEvent,
  SimFleet,
  SimOptions,
  SimRig,
  SimRigInfo,
  SimStateView,
  SimTaskView,
} from './types';
export { parseFault } from './faults';
export { defaultDataDir } from './cert-store';

export const DEFAULT_PORT = 6083;
export const DEFAULT_OUTPUTS = ['led', 'ledgreen'];
export const DEFAULT_CODECS = ['high', 'low', 'h264'];

export const randomApiKey = () => randomBytes(16).toString('hex');

export async function startSimulatedRigs(opts: SimOptions = {}): Promise<SimFleet> {
  const rigCount = opts.rigs ?? 1;
  const cameraCount = opts.cameras ?? 2;
  const basePort = opts.port ?? DEFAULT_PORT;
  if (!Number.isInteger(rigCount) || rigCount < 1) throw new Error(`rigs must be a positive integer, got ${rigCount}`);
  if (!Number.isInteger(cameraCount) || cameraCount < 1) throw new Error(`cameras must be a positive integer, got ${cameraCount}`);
  if (!Number.isInteger(basePort) || basePort < 0 || basePort + rigCount - 1 > 65535)
    throw new Error(`port must be 0 or a port with room for ${rigCount} rigs, got ${basePort}`);
  const fault = opts.fault ? parseFault(opts.fault) : undefined;
  const timeZone = opts.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isTimeZone(timeZone)) throw new Error(`unknown time zone '${timeZone}': use an IANA name such as Europe/Vienna`);
  const tls = await loadTlsPair(opts);
  const sharedKey = opts.apiKey ?? randomApiKey();
  const rigs: SimRigImpl[] = [];
  const stopAll = async () => {
    await Promise.all(rigs.map((r) => r.stop()));
  };
  try {
    for (let i = 0; i < rigCount; i++) {
      const rig = await SimRigImpl.start({
        host: opts.host ?? '127.0.0.1',
        port: basePort === 0 ? 0 : basePort + i,
        apiKey: opts.perRigKeys && !opts.apiKey ? randomApiKey() : sharedKey,
        tls,
        // Serials stay unique across a fleet: rig i has FAKE(i*cameras) onwards.
        serials: Array.from({ length: cameraCount }, (_, j) => `FAKE${i * cameraCount + j}`),
        fps: opts.fps ?? 30,
        outputs: opts.outputs ?? DEFAULT_OUTPUTS,
        codecs: opts.codecs ?? DEFAULT_CODECS,
        copySeconds: opts.copySeconds ?? 3,
        timeZone,
        control: opts.control ?? false,
        streams: opts.streams ?? true,
        frame: opts.frame ?? DEFAULT_FRAME_FORMAT,
      });
      rigs.push(rig);
      if (fault) rig.setFault(fault);
    }
  } catch (e) {
    await stopAll();
    throw e;
  }
  return { rigs, stop: stopAll };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
