import type { RigSummary } from '../../../src-main/contract/requests';
import type { RigStatus } from '../../../src-main/contract/requests/status';
import type { Target } from '../../../src-main/contract/requests/targets';
import { rigNeedsSomeone } from '../../../src-shared/rig-state-words';

/**
 * The fleet as the dashboard counts, filters, sorts and searches it: pure functions of the
 * rig list and the statuses, so the summary line and the views always agree.
 */

/** The groups of the summary line; each is also a filter. A recording rig is online too. */
export const FLEET_GROUPS = ['online', 'recording', 'offline', 'problem'] as const;
export type FleetGroup = (typeof FLEET_GROUPS)[number];

const isRecording = (s: RigStatus | undefined) => Boolean(s?.cameras.some((c) => c.state === 'recording' || c.state === 'pending'));

export function inGroup(status: RigStatus | undefined, group: FleetGroup): boolean {
  switch (group) {
    case 'online':
      return status?.state === 'online';
    case 'recording':
      return status?.state === 'online' && isRecording(status);
    case 'offline':
      return status?.state === 'offline';
    case 'problem':
      return status !== undefined && rigNeedsSomeone(status);
  }
}

export type FleetCounts = Record<FleetGroup, number> & { total: number };

export function fleetCounts(rigs: readonly RigSummary[], statuses: Record<string, RigStatus>): FleetCounts {
  const counts: FleetCounts = { total: rigs.length, online: 0, recording: 0, offline: 0, problem: 0 };
  for (const rig of rigs) for (const group of FLEET_GROUPS) if (inGroup(statuses[rig.id], group)) counts[group] += 1;
  return counts;
}

export const SORT_ORDERS = ['state', 'name'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** Problems first (they need someone), then recording, online, offline, and not yet checked. */
export function stateRank(status: RigStatus | undefined): number {
  if (inGroup(status, 'problem')) return 0;
  if (inGroup(status, 'recording')) return 1;
  if (inGroup(status, 'online')) return 2;
  if (inGroup(status, 'offline')) return 3;
  return 4;
}

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A new list in the chosen order; ties by name ("rig-2" before "rig-10"). */
export function sortRigs(rigs: readonly RigSummary[], statuses: Record<string, RigStatus>, order: SortOrder): RigSummary[] {
  return [...rigs].sort(
    (a, b) => (order === 'state' ? stateRank(statuses[a.id]) - stateRank(statuses[b.id]) : 0) || byName.compare(a.name, b.name),
  );
}

/** Every word of the query is in the rig's name or one of its tags (any case). */
export function matchesSearch(rig: RigSummary, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = [rig.name, ...rig.tags].map((s) => s.toLowerCase());
  return words.every((w) => haystack.some((h) => h.includes(w)));
}

export interface ShownRigsOptions {
  search: string;
  group: FleetGroup | null;
  tags: readonly string[];
  sort: SortOrder;
}

/** The rigs a dashboard view shows, in order. */
export function shownRigs(rigs: readonly RigSummary[], statuses: Record<string, RigStatus>, o: ShownRigsOptions): RigSummary[] {
  const kept = rigs.filter(
    (r) =>
      matchesSearch(r, o.search) &&
      (o.group === null || inGroup(statuses[r.id], o.group)) &&
      (o.tags.length === 0 || r.tags.some((t) => o.tags.includes(t))),
  );
  return sortRigs(kept, statuses, o.sort);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The selection in numbers, never as a list of names: "42 rigs, 84 cameras selected; 5 recording".
 * A whole rig counts the cameras its status lists; a rig whose cameras are not known yet is said so.
 */
export function describeSelection(selection: readonly Target[], statuses: Record<string, RigStatus>): string {
  const rigIds = new Set(selection.map((t) => t.rigId));
  let cameras = 0;
  let recording = 0;
  let unknown = 0;
  for (const t of selection) {
    const listed = statuses[t.rigId]?.cameras ?? [];
    const chosen = t.serial === undefined ? listed : listed.filter((c) => c.serial === t.serial);
    if (t.serial === undefined && listed.length === 0) unknown += 1;
    cameras += t.serial === undefined ? listed.length : 1;
    recording += chosen.filter((c) => c.state === 'recording').length;
  }
  const counted = `${plural(rigIds.size, 'rig')}, ${plural(cameras, 'camera')} selected`;
  const known = unknown > 0 ? ` (cameras of ${plural(unknown, 'rig')} not known yet)` : '';
  return `${counted}${known}; ${recording} recording`;
}

/** Whether every rig named is selected whole (not camera by camera); linear in both lists. */
export function everyWholeRigSelected(rigIds: readonly string[], selection: readonly Target[]): boolean {
  const whole = new Set(selection.flatMap((t) => (t.serial === undefined ? [t.rigId] : [])));
  return rigIds.every((id) => whole.has(id));
}
