/** One simulated rig: model, HTTPS server, faults, streams and the in-process test handle. */
import { controlHandler } from './control-surface';
import { FaultSet, parseFault } from './faults';
import { RigServer } from './https-server';
import { type RigConfig, RigModel, type StreamAddress } from './rig-model';
import { RigStreams } from './streams';
import type { FrameFormat } from './test-pattern';
import type { FaultSpec, SimEvent, SimRig, SimRigInfo, SimStateView } from './types';
import { badRequest } from './wire-errors';

export interface SimRigOptions extends RigConfig {
  host: string;
  port: number;
  apiKey: string;
  tls: { cert: string; key: string; certPath: string; fingerprint256: string };
  control: boolean;
  streams: boolean;
}

export class SimRigImpl implements SimRig {
  info: SimRigInfo;
  readonly model: RigModel;
  private readonly faults = new FaultSet();
  private readonly server: RigServer;
  private streams: RigStreams | null = null;
  /** Ports of the last streams, so streams switched on again keep their addresses. */
  private streamPorts: Map<string, StreamAddress> | undefined;

  private constructor(private readonly opts: SimRigOptions) {
    this.model = new RigModel(opts);
    this.server = new RigServer({
      host: opts.host,
      port: opts.port,
      apiKey: opts.apiKey,
      tls: opts.tls,
      model: this.model,
      faults: this.faults,
      ...(opts.control ? { control: controlHandler(this, () => this.model.firstSerial) } : {}),
    });
    this.info = this.describe();
  }

  static async start(opts: SimRigOptions): Promise<SimRigImpl> {
    const rig = new SimRigImpl(opts);
    try {
      rig.model.streamAddress = (serial) => rig.streams?.address(serial);
      rig.model.streamReaders = (serial) => rig.streams?.readers(serial) ?? 0;
      if (opts.streams) await rig.setStreaming(true);
      await rig.server.listen();
    } catch (e) {
      await rig.stop();
      throw e;
    }
    rig.info = rig.describe();
    return rig;
  }

  setFault(fault: FaultSpec | string): void {
    const spec = typeof fault === 'string' ? parseFault(fault) : fault;
    if (spec.kind === 'offline') void this.goOffline();
    else this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  goOffline(): Promise<void> {
    return this.server.close();
  }

  async comeBack(): Promise<void> {
    await this.server.listen();
  }

  events(): SimEvent[] {
    return this.model.events();
  }

  reset(): void {
    this.faults.clear();
    this.model.reset();
  }

  finishJobs(): void {
    this.model.jobs.finishAll();
  }

  fireTask(name: string): Promise<boolean> {
    return this.model.scheduler.fire(name);
  }

  setInput(serial: string, name: string, value: number): void {
    if (!Number.isFinite(value)) throw badRequest('an input value must be a finite number');
    this.model.outputBank(serial).inputs[name] = value;
  }

  setDiskUsedPercent(percent: number): void {
    this.model.setDiskUsedPercent(percent);
  }

  get frameFormat(): FrameFormat {
    return this.model.config.frame;
  }

  setFrameFormat(format: FrameFormat): void {
    this.model.config.frame = format;
    this.streams?.setFormat(format);
  }

  async setStreaming(on: boolean): Promise<void> {
    if (on && !this.streams) {
      this.streams = await RigStreams.start(this.model, this.streamPorts);
      this.streamPorts = this.streams.addresses();
    } else if (!on && this.streams) {
      const streams = this.streams;
      this.streams = null;
      await streams.stop();
    }
  }

  get state(): SimStateView {
    return this.model.state(this.server.online);
  }

  async stop(): Promise<void> {
    this.model.stop();
    await this.server.close();
    await this.streams?.stop();
    this.streams = null;
  }

  private describe(): SimRigInfo {
    const port = this.server.port;
    return {
      url: `https://${this.opts.host.includes(":") ? `[${this.opts.host}]` : this.opts.host}:${port}`,
      host: this.opts.host,
      port,
      apiKey: this.opts.apiKey,
      certPath: this.opts.tls.certPath,
      fingerprint256: this.opts.tls.fingerprint256,
      serials: this.model.serials,
    };
  }
}
