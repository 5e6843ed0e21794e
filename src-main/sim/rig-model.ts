/**
 * The state of one simulated rig and the single command path every call takes,
 * whether it arrives over HTTPS or from the scheduler.
 */
import type { WireValue } from '../core/python-json';
import type { Args } from './args';
import { SimCamera } from './camera';
import { CopyExportJobs } from './copy-export';
import { cronEngine } from './cron-binding';
import { OutputBank } from './outputs';
import { Recordings } from './recordings';
import { findRoute, type HttpMethod, normalizeEndpoint, type Route } from './router';
import { cameraRoutes } from './routes-cameras';
import { ioRoutes } from './routes-io';
import { scheduleRoutes } from './routes-schedule';
import { Scheduler, type TaskSpec } from './scheduler';
import type { SimEvent, SimStateView } from './types';
import { SimHttpError, notFound, vendorErrorBody } from './wire-errors';
import type { FrameFormat } from './test-pattern';

export interface RigConfig {
  serials: string[];
  fps: number;
  outputs: string[];
  codecs: string[];
  copySeconds: number;
  timeZone: string;
  /** Size and pixel format of the image stream's frames. */
  frame: FrameFormat;
}

export interface StreamAddress {
  image: { host: string; port: number };
  state: { host: string; port: number };
}

export interface IoLogEntry {
  frame_number: number;
  frame_time: number;
  recording: string | null;
  values: Record<string, WireValue>;
}

export interface CommandResult {
  status: number;
  body: WireValue;
}

export type CommandOrigin = { kind: 'request' } | { kind: 'scheduled'; task: string };

/** Above this share of the disk a rig stops recording (vendor user guide). */
export const DISK_FULL_PERCENT = 94;
const DEFAULT_DISK_USED_PERCENT = 42;
const MAX_EVENTS = 10_000;

export class RigModel {
  readonly cameras = new Map<string, SimCamera>();
  readonly outputs = new Map<string, OutputBank>();
  readonly legacyOutputs = new Map<string, number>();
  readonly recordings: Recordings;
  readonly jobs: CopyExportJobs;
  readonly scheduler: Scheduler;
  readonly cameraMessages = new Map<string, string>();
  readonly ioLog = new Map<string, IoLogEntry[]>();
  experimentMessage = '';
  diskUsedPercent = DEFAULT_DISK_USED_PERCENT;
  /** Set by the stream owner; undefined while streams are off. */
  streamAddress: (serial: string) => StreamAddress | undefined = () => undefined;
  /** Set by the stream owner: image readers connected now. */
  streamReaders: (serial: string) => number = () => 0;
  private eventLog: SimEvent[] = [];
  private readonly routes: Route[];

  constructor(readonly config: RigConfig) {
    config.serials.forEach((serial, i) => {
      this.cameras.set(serial, new SimCamera(serial, `Camera ${i + 1} (${serial})`, config.fps));
      this.outputs.set(serial, new OutputBank(config.outputs, `camera ${serial}`));
    });
    this.recordings = new Recordings({
      started: (serial, startedAtMs) => this.scheduler.recordingStarted(serial, startedAtMs),
      stopped: (serial) => this.scheduler.recordingStopped(serial),
    });
    this.jobs = new CopyExportJobs(this.recordings, config.copySeconds * 1000);
    this.scheduler = new Scheduler({
      cron: cronEngine,
      timeZone: config.timeZone,
      run: (task) => this.runTask(task),
      recordingStartMs: (serial) => this.recordings.session(serial)?.startedAtMs,
    });
    this.routes = [...cameraRoutes(this), ...ioRoutes(this), ...scheduleRoutes(this)];
  }

  get serials(): string[] {
    return [...this.cameras.keys()];
  }

  camera(serial: string): SimCamera {
    const cam = this.cameras.get(serial);
    if (!cam) throw notFound(`no camera with serial '${serial}' (cameras: ${this.serials.join(', ')})`);
    return cam;
  }

  /** The camera of a rig-wide call: the master or index node, i.e. the first camera. */
  get firstSerial(): string {
    const s = this.serials[0];
    if (s === undefined) throw notFound('this rig has no cameras');
    return s;
  }

  outputBank(serial: string): OutputBank {
    this.camera(serial);
    return this.outputs.get(serial)!;
  }

  /** Validates without running: the route exists and answers on this method. */
  resolve(method: string, endpoint: string): { route: Route; params: Record<string, string> } {
    const found = findRoute(this.routes, endpoint);
    if (!found) throw notFound(`unknown endpoint '${endpoint}'`);
    const expected = found.route.method;
    if (expected !== method)
      throw new SimHttpError(405, `method ${method} not allowed for '${endpoint}'; use ${expected}`);
    return found;
  }

  /** The method `endpoint` answers on (slashes around it ignored), or undefined if no route answers it. */
  methodOf(endpoint: string): HttpMethod | undefined {
    return findRoute(this.routes, normalizeEndpoint(endpoint))?.route.method;
  }

  async execute(method: string, endpoint: string, args: Args, origin: CommandOrigin): Promise<CommandResult> {
    let result: CommandResult;
    try {
      const { route, params } = this.resolve(method, endpoint);
      result = { status: 200, body: await route.handle(params, args) };
    } catch (e) {
      result =
        e instanceof SimHttpError
          ? { status: e.status, body: vendorErrorBody(e.status, e.message) }
          : { status: 500, body: vendorErrorBody(500, `internal error: ${String(e)}`) };
    }
    this.logEvent({
      at: Date.now(),
      kind: origin.kind,
      method,
      endpoint,
      args,
      status: result.status,
      ...(origin.kind === 'scheduled' ? { task: origin.task } : {}),
    });
    return result;
  }

  logEvent(event: SimEvent): void {
    this.eventLog.push(event);
    if (this.eventLog.length > MAX_EVENTS) this.eventLog.splice(0, this.eventLog.length - MAX_EVENTS);
  }

  events(): SimEvent[] {
    return [...this.eventLog];
  }

  /** Above the limit a rig stops every recording, as Motif does on a full disk. */
  setDiskUsedPercent(percent: number): void {
    this.diskUsedPercent = percent;
    if (percent > DISK_FULL_PERCENT) for (const cam of this.cameras.values()) this.recordings.stop(cam);
  }

  reset(): void {
    this.scheduler.stop();
    this.recordings.reset();
    this.jobs.reset();
    for (const cam of this.cameras.values()) cam.reset();
    for (const bank of this.outputs.values()) bank.reset();
    this.legacyOutputs.clear();
    this.cameraMessages.clear();
    this.ioLog.clear();
    this.experimentMessage = '';
    this.diskUsedPercent = DEFAULT_DISK_USED_PERCENT;
    this.eventLog = [];
  }

  stop(): void {
    this.scheduler.stop();
    this.recordings.reset();
    this.jobs.reset();
  }

  state(online: boolean): SimStateView {
    const cameras: SimStateView['cameras'] = {};
    for (const cam of this.cameras.values()) {
      const s = this.recordings.session(cam.serial);
      const bank = this.outputBank(cam.serial);
      cameras[cam.serial] = {
        serial: cam.serial,
        status: this.recordings.status(cam.serial),
        connected: cam.connected,
        recording: s ? { filename: s.filename, startedAt: s.startedAtMs, codec: s.codec } : null,
        params: { ...cam.params },
        outputs: bank.values(),
        outputChanges: bank.changes.map((c) => ({ ...c })),
        inputs: { ...bank.inputs },
        playbackStatus: this.jobs.status(cam.serial),
        ioLog: (this.ioLog.get(cam.serial) ?? []).map((e) => ({ ...e })),
        streamReaders: this.streamReaders(cam.serial),
        streamEndpoints: tcpEndpoints(this.streamAddress(cam.serial)),
      };
    }
    return {
      cameras,
      recordings: this.recordings.files.map((f) => ({
        serial: f.serial,
        filename: f.filename,
        startedAt: f.start_time * 1000,
        endedAt: f.end_time * 1000,
        codec: f.codec,
        copied: f.copied,
        ...(f.copied_to === undefined ? {} : { copiedTo: f.copied_to }),
        exported: f.exported,
      })),
      tasks: this.scheduler.views(),
      experimentMessage: this.experimentMessage,
      diskUsedPercent: this.diskUsedPercent,
      online,
    };
  }

  private async runTask(task: TaskSpec): Promise<void> {
    await this.execute(task.method, task.endpoint, task.args, { kind: 'scheduled', task: task.name });
  }
}

const tcpEndpoints = (a: StreamAddress | undefined) => (a ? { image: `tcp://${a.image.host}:${a.image.port}`, state: `tcp://${a.state.host}:${a.state.port}` } : null);
