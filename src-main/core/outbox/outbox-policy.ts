import { matchPath } from '../motif-api/operation-paths';
import type { Delivery } from '../motif-api/operation-table';

/**
 * Which commands may wait for a rig that is offline: the operation table says so per
 * endpoint (scheduled tasks and their clears, camera configuration). An endpoint the table
 * does not know acts now and is never queued.
 */
export type ChangeKind = Delivery;

export function changeKind(path: string): ChangeKind {
  return matchPath(path)?.spec.delivery ?? 'time-critical';
}
