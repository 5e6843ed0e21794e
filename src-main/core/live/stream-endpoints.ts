import { isIP } from 'node:net';
import type { CameraStatus } from '../motif-api/operation-table';
import { CoreError } from '../errors';

/** ZeroMQ addresses of one camera's image (PUSH) and state (PUB) streams. */
export interface StreamEndpoints {
  image: string;
  state: string;
}

const LOOPBACK = /^(127\.|::1$|localhost$)/i;

/**
 * Where to connect for a camera, from `camera_info.stream` of its status. Host `0.0.0.0`
 * (or `::`) means the rig's own address. A stream bound to the rig's loopback is reachable
 * only when the rig is this PC; anything else is a clear refusal, not a silent wait.
 */
export function streamEndpoints(status: CameraStatus, rigHost: string, serial: string): StreamEndpoints {
  const stream = status.camera_info?.stream;
  const image = stream?.image;
  const state = stream?.state;
  if (!image?.host || image.port === undefined || !state?.host || state.port === undefined) {
    throw new CoreError(
      'not-found',
      `Camera ${serial} does not stream its images: the rig announces no realtime stream. ` +
        'Live view needs Motif 5 or later with streaming switched on in the rig’s configuration.',
      { reason: 'no-stream', serial },
    );
  }
  return { image: endpoint(image.host, image.port, rigHost, serial), state: endpoint(state.host, state.port, rigHost, serial) };
}

function endpoint(host: string, port: number, rigHost: string, serial: string): string {
  const bare = rigHost.replace(/^\[|\]$/g, '');
  let target = host;
  if (host === '0.0.0.0' || host === '::' || host === '*') target = bare;
  else if (LOOPBACK.test(host) && !LOOPBACK.test(bare)) {
    throw new CoreError(
      'rig-error',
      `Camera ${serial} streams only to the rig itself (its stream is bound to ${host}), so this PC cannot receive it. ` +
        'Ask for the rig’s streams to be bound to its network address (0.0.0.0) in its Motif configuration.',
      { reason: 'localhost-only', serial, host },
    );
  }
  return `tcp://${isIP(target) === 6 ? `[${target}]` : target}:${port}`;
}
