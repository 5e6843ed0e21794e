import { methodFor, normalizeEndpoint } from '../motif-api/endpoint-methods';

/**
 * Which commands may wait for a rig that is offline: those whose effect does not depend on
 * when they arrive (scheduled tasks and their clears, camera configuration). Everything
 * else acts now (recording, outputs, copy/export, messages, camera processes) and is never queued.
 */
export type ChangeKind = 'read' | 'queueable' | 'time-critical';

const QUEUEABLE = [/^schedule\//, /^cameras\/configure$/, /^camera\/[^/]+\/configure$/];

export function changeKind(path: string): ChangeKind {
  const endpoint = normalizeEndpoint(path);
  if (methodFor(endpoint) === 'GET') return 'read';
  return QUEUEABLE.some((r) => r.test(endpoint)) ? 'queueable' : 'time-critical';
}
