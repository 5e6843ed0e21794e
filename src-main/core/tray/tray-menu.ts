import type { RecordingOptions } from '../../contract/requests/operations';
import type { RigSummary } from '../../contract/requests/rigs';
import type { RigConnectionState, RigStatus } from '../../contract/requests/status';
import { formatDurationSeconds } from '../../../src-shared/duration';
import { rigNeedsSomeone, rigStateWords, type RigStateWords } from '../../../src-shared/rig-state-words';

/**
 * The tray menu as data: quick record/stop per rig and for every rig, derived from the
 * rig list and the last known statuses. The shell turns it into a native menu; the
 * actions go through the same dispatch as the window's.
 */

export type TrayAction =
  | { kind: 'start'; rigIds: string[] }
  | { kind: 'stop'; rigIds: string[] }
  | { kind: 'show-window' }
  | { kind: 'quit' };

export type TrayItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'action'; label: string; enabled: boolean; action: TrayAction }
  | { kind: 'submenu'; label: string; items: TrayItem[] };

export interface TrayModel {
  tooltip: string;
  recording: boolean;
  /** What the tray icon shows besides recording: a rig needs the user (key, certificate, keychain, error), or one is unreachable. */
  attention: TrayAttention;
  items: TrayItem[];
}

export type TrayAttention = 'none' | 'offline' | 'problem';

function attentionOf(rigs: readonly RigSummary[], byId: ReadonlyMap<string, RigStatus>): TrayAttention {
  const states = rigs.map((r) => byId.get(r.id)).filter((s): s is RigStatus => s !== undefined);
  if (states.some(rigNeedsSomeone)) return 'problem';
  if (states.some((s) => s.state === 'offline' || (s.state === 'online' && s.stale))) return 'offline';
  return 'none';
}

const isRecording = (s: RigStatus | undefined) =>
  s?.cameras.some((c) => c.state === 'recording' || c.state === 'pending') ?? false;

/** Commands reach only rigs that answer; a stale or offline rig cannot be started from the tray. */
const isReachable = (s: RigStatus | undefined) => s?.state === 'online' && !s.stale;

function elapsed(status: RigStatus | undefined, nowMs: number): string {
  const started = status?.cameras
    .map((c) => c.recording?.startedAtMs)
    .filter((t): t is number => typeof t === 'number');
  if (!started || started.length === 0) return 'recording';
  const seconds = Math.round((nowMs - Math.min(...started) - (status?.clockOffsetMs ?? 0)) / 1000);
  return `recording ${formatDurationSeconds(seconds, { alwaysHours: true })}`;
}

/** The words of src-shared's table, pinned to the contract: a state without words fails to compile. */
const stateWords: Record<RigConnectionState, RigStateWords> = rigStateWords;

function rigState(status: RigStatus | undefined, nowMs: number): string {
  if (!status) return 'not checked yet';
  if (isRecording(status) && isReachable(status)) return elapsed(status, nowMs);
  const words = stateWords[status.state].tray;
  return status.state === 'online' && status.stale ? `last known: ${words}` : words;
}

/** A tray action under way: how many of its rigs answered so far, and how many of those failed. */
export interface TrayProgress {
  verb: 'Starting recording' | 'Stopping recording';
  answered: number;
  of: number;
  failed: number;
}

/** "Starting recording: 12 of 40 rigs answered, 1 failed". */
export function progressWords(p: TrayProgress): string {
  return `${p.verb}: ${p.answered} of ${p.of} rig${p.of === 1 ? '' : 's'} answered${p.failed > 0 ? `, ${p.failed} failed` : ''}`;
}

export function buildTrayModel(
  rigs: readonly RigSummary[],
  statuses: readonly RigStatus[],
  nowMs = Date.now(),
  progress: TrayProgress | null = null,
): TrayModel {
  const byId = new Map(statuses.map((s) => [s.rigId, s]));
  const recordingRigs = rigs.filter((r) => isRecording(byId.get(r.id)));
  const idleReachable = rigs.filter((r) => isReachable(byId.get(r.id)) && !isRecording(byId.get(r.id)));
  const recordingReachable = recordingRigs.filter((r) => isReachable(byId.get(r.id)));
  const summary =
    rigs.length === 0
      ? 'No rigs configured'
      : `${rigs.length} rig${rigs.length === 1 ? '' : 's'} · ${recordingRigs.length} recording`;

  const perRig: TrayItem[] = rigs.map((rig) => {
    const status = byId.get(rig.id);
    const recording = isRecording(status);
    const reachable = isReachable(status);
    return {
      kind: 'submenu',
      label: `${rig.name}${rig.simulated ? ' (simulated)' : ''}: ${rigState(status, nowMs)}`,
      items: [
        { kind: 'action', label: 'Start recording', enabled: reachable && !recording, action: { kind: 'start', rigIds: [rig.id] } },
        { kind: 'action', label: 'Stop recording', enabled: reachable && recording, action: { kind: 'stop', rigIds: [rig.id] } },
      ],
    };
  });

  return {
    tooltip: `Motif Control: ${progress ? progressWords(progress) : summary}`,
    recording: recordingRigs.length > 0,
    attention: attentionOf(rigs, byId),
    items: [
      { kind: 'label', label: summary },
      ...(progress ? [{ kind: 'label' as const, label: progressWords(progress) }] : []),
      { kind: 'separator' },
      {
        kind: 'action',
        label: idleReachable.length > 1 ? `Start recording on ${idleReachable.length} idle rigs` : 'Start recording on idle rigs',
        enabled: idleReachable.length > 0,
        action: { kind: 'start', rigIds: idleReachable.map((r) => r.id) },
      },
      {
        kind: 'action',
        label: recordingReachable.length > 1 ? `Stop all ${recordingReachable.length} recording rigs` : 'Stop all recordings',
        enabled: recordingReachable.length > 0,
        action: { kind: 'stop', rigIds: recordingReachable.map((r) => r.id) },
      },
      ...(perRig.length > 0 ? [{ kind: 'separator' } as const, ...perRig] : []),
      { kind: 'separator' },
      { kind: 'action', label: 'Show Motif Control', enabled: true, action: { kind: 'show-window' } },
      { kind: 'action', label: 'Quit', enabled: true, action: { kind: 'quit' } },
    ],
  };
}

/** A rig's preset as the options of `recording.start`. */
export function presetOptions(rig: RigSummary): RecordingOptions {
  const p = rig.preset;
  return {
    ...(p.codec ? { codec: p.codec } : {}),
    ...(p.durationSeconds ? { durationSeconds: p.durationSeconds } : {}),
    ...(p.filenamePattern ? { filename: p.filenamePattern } : {}),
    ...(p.recordToStore !== undefined ? { recordToStore: p.recordToStore } : {}),
    ...(p.metadataTemplate ? { metadata: p.metadataTemplate } : {}),
  };
}
