/** Public types of the simulator: what tests, the demo and the CLI code against. */
import type { FrameFormat } from './test-pattern';

export interface SimOptions {
  host?: string;
  /** First rig's port, default 6083; 0 = an ephemeral port per rig. */
  port?: number;
  rigs?: number;
  /** Default: a random 32-hex key, shared by every rig of one call unless perRigKeys. */
  apiKey?: string;
  perRigKeys?: boolean;
  cameras?: number;
  certFile?: string;
  keyFile?: string;
  /** Where the generated certificate is kept across runs. */
  dataDir?: string;
  fps?: number;
  /** Initial fault, same syntax as --fault (see faults.ts). */
  fault?: string;
  /** Enables the /_sim/ control surface (still behind the API key). */
  control?: boolean;
  /** ZeroMQ image and state streams per camera. */
  streams?: boolean;
  /** Size and pixel format of the image streams (default 640x480 mono8). */
  frame?: FrameFormat;
  outputs?: string[];
  /** Seconds a copy or export job takes. */
  copySeconds?: number;
  /** Codec names the rig accepts, default high, low, h264. */
  codecs?: string[];
  /** IANA zone reported by the rig, default the PC's zone. */
  timeZone?: string;
}

export interface SimRigInfo {
  url: string;
  host: string;
  port: number;
  apiKey: string;
  certPath: string;
  /** Node X509Certificate.fingerprint256 format, "AB:CD:...". */
  fingerprint256: string;
  serials: string[];
}

export type FaultSpec =
  | { kind: 'latency'; ms: number; endpoint?: string }
  | { kind: 'reset'; endpoint?: string }
  | { kind: 'http500'; message?: string; endpoint?: string }
  | { kind: 'garbage'; endpoint?: string }
  | { kind: 'hang'; endpoint?: string }
  | { kind: 'offline' };

export interface SimEvent {
  /** Unix ms. */
  at: number;
  kind: 'request' | 'scheduled';
  method: string;
  endpoint: string;
  args: unknown;
  status: number;
  task?: string;
}

export interface SimCameraView {
  serial: string;
  status: 'idle' | 'pending' | 'recording';
  connected: boolean;
  recording: { filename: string; startedAt: number; codec: string } | null;
  params: Record<string, unknown>;
  outputs: Record<string, number>;
  /** Every output change, oldest first (Unix ms, the value after the change). */
  outputChanges: { at: number; name: string; value: number }[];
  inputs: Record<string, number>;
  playbackStatus: string;
  ioLog: { frame_number: number; frame_time: number; recording: string | null; values: Record<string, unknown> }[];
  /** Readers connected to the camera's image stream now (0 while streams are off). */
  streamReaders: number;
  /** Where its streams are bound, as `tcp://host:port` (null while streams are off). */
  streamEndpoints: { image: string; state: string } | null;
}

export interface SimTaskView {
  name: string;
  cronExpression: string;
  endpoint: string;
  args: Record<string, unknown>;
  cameraRelative: boolean;
  /** Unix ms of the next armed fire, null when not armed (e.g. camera not recording). */
  nextRunAt: number | null;
  runs: number;
}

export interface SimStateView {
  cameras: Record<string, SimCameraView>;
  /** Finished recordings: start and end in Unix ms; `copiedTo` once a copy finished. */
  recordings: { serial: string; filename: string; startedAt: number; endedAt: number; codec: string; copied: boolean; copiedTo?: string; exported: boolean }[];
  tasks: SimTaskView[];
  experimentMessage: string;
  diskUsedPercent: number;
  online: boolean;
}

export interface SimRig {
  info: SimRigInfo;
  setFault(fault: FaultSpec | string): void;
  clearFaults(): void;
  /** Closes the listening socket and open connections: connection refused. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  events(): SimEvent[];
  reset(): void;
  /** Finishes running copy/export jobs now. */
  finishJobs(): void;
  /** Runs a scheduled task now, as its timer would. */
  fireTask(name: string): Promise<boolean>;
  setInput(serial: string, name: string, value: number): void;
  /** Above 94 % a rig stops recording and refuses to start. */
  setDiskUsedPercent(percent: number): void;
  /** Later stream frames come in this size and pixel format. */
  setFrameFormat(format: FrameFormat): void;
  readonly frameFormat: FrameFormat;
  /**
   * Streaming off closes the stream sockets and drops `stream` from camera_info (as a rig with
   * streaming disabled); on binds them again, on the same ports when free.
   */
  setStreaming(on: boolean): Promise<void>;
  readonly state: SimStateView;
}

export interface SimFleet {
  rigs: SimRig[];
  stop(): Promise<void>;
}
