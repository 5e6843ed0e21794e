import { CoreError } from '../errors';
import type { MotifClient } from '../motif-api/motif-client';
import type { RigRegistry } from '../registry/rig-registry';
import { streamEndpoints, type StreamEndpoints } from './stream-endpoints';

/** A status read is part of opening a view: it must not hang it. */
const STATUS_TIMEOUT_MS = 5000;

/** Reads a camera's announced streams through the rig's API (the address comes from the rig's configuration). */
export function endpointResolver(registry: RigRegistry, clientFor: (rigId: string) => Promise<MotifClient>) {
  return async (rigId: string, serial: string): Promise<StreamEndpoints> => {
    const rig = registry.get(rigId);
    if (!rig) throw new CoreError('not-found', 'This rig is no longer configured.', { rigId });
    const client = await clientFor(rigId);
    const status = await client.invoke('camera.status', { serial }, undefined, { timeoutMs: STATUS_TIMEOUT_MS });
    return streamEndpoints(status, rig.host, serial);
  };
}
