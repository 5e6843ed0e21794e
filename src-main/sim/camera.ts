/** One simulated camera: parameters, a frame counter that follows the frame rate, connection. */
import type { WireValue } from '../core/python-json';
import { checkParam, defaultParams } from './camera-params';
import { badRequest } from './wire-errors';

export class SimCamera {
  params: Record<string, WireValue>;
  connected = true;
  // Frame numbers advance with AcquisitionFrameRate; a rate change re-bases the count.
  private frameBase: { frame: number; atMs: number };

  constructor(
    readonly serial: string,
    readonly name: string,
    private readonly defaultFps: number,
  ) {
    this.params = defaultParams(defaultFps);
    this.frameBase = { frame: 0, atMs: Date.now() };
  }

  get fps(): number {
    const v = this.params.AcquisitionFrameRate;
    return typeof v === 'number' && v > 0 ? v : this.defaultFps;
  }

  frameNumber(nowMs = Date.now()): number {
    return this.frameBase.frame + Math.floor(((nowMs - this.frameBase.atMs) / 1000) * this.fps);
  }

  read(name: string): WireValue {
    if (!Object.hasOwn(this.params, name)) throw badRequest(`camera ${this.serial} has no parameter '${name}'`);
    return this.params[name] ?? null;
  }

  /** Validates every value first so a bad call changes nothing. */
  configure(changes: Record<string, WireValue>): Record<string, WireValue> {
    const checked = Object.entries(changes).map(([k, v]) => [k, checkParam(k, v)] as const);
    if (checked.length === 0) throw badRequest('configure needs at least one parameter=value');
    for (const [k, v] of checked) {
      if (k === 'AcquisitionFrameRate') this.frameBase = { frame: this.frameNumber(), atMs: Date.now() };
      this.params[k] = v;
    }
    return Object.fromEntries(checked);
  }

  reset(): void {
    this.params = defaultParams(this.defaultFps);
    this.connected = true;
  }
}
