/** The camera parameters a simulated camera knows, with their limits (GenICam names). */
import type { WireValue } from '../core/python-json';
import { badRequest } from './wire-errors';
import { BAYER_FORMATS, BAYER_PATTERNS } from '../../src-shared/bayer';

type ParamSpec =
  | { kind: 'number'; min: number; max: number; integer?: boolean }
  | { kind: 'enum'; values: string[] }
  | { kind: 'boolean' };

const PARAM_SPECS: Record<string, ParamSpec> = {
  AcquisitionFrameRate: { kind: 'number', min: 1, max: 200 },
  ExposureTime: { kind: 'number', min: 10, max: 1_000_000 },
  Gain: { kind: 'number', min: 0, max: 24 },
  Gamma: { kind: 'number', min: 0.25, max: 4 },
  BlackLevel: { kind: 'number', min: 0, max: 255 },
  Width: { kind: 'number', min: 16, max: 2048, integer: true },
  Height: { kind: 'number', min: 16, max: 2048, integer: true },
  OffsetX: { kind: 'number', min: 0, max: 2032, integer: true },
  OffsetY: { kind: 'number', min: 0, max: 2032, integer: true },
  PixelFormat: { kind: 'enum', values: ['Mono8', ...BAYER_FORMATS.map((f) => BAYER_PATTERNS[f].genicam), 'RGB8'] },
  TriggerMode: { kind: 'enum', values: ['Off', 'On'] },
  ReverseX: { kind: 'boolean' },
  ReverseY: { kind: 'boolean' },
};

export function defaultParams(fps: number): Record<string, WireValue> {
  return {
    AcquisitionFrameRate: fps,
    ExposureTime: 10_000,
    Gain: 0,
    Gamma: 1,
    BlackLevel: 0,
    Width: 2048,
    Height: 1536,
    OffsetX: 0,
    OffsetY: 0,
    PixelFormat: 'Mono8',
    TriggerMode: 'Off',
    ReverseX: false,
    ReverseY: false,
  };
}

export function isKnownParam(name: string): boolean {
  return Object.hasOwn(PARAM_SPECS, name);
}

/** Checks one value against its parameter's limits; returns the value to store. */
export function checkParam(name: string, value: WireValue): WireValue {
  const spec = PARAM_SPECS[name];
  if (!spec) throw badRequest(`unknown camera parameter '${name}'`);
  if (spec.kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw badRequest(`parameter '${name}' needs a finite number`);
    if (value < spec.min || value > spec.max)
      throw badRequest(`parameter '${name}' must be between ${spec.min} and ${spec.max}`);
    if (spec.integer && !Number.isInteger(value)) throw badRequest(`parameter '${name}' must be an integer`);
    return value;
  }
  if (spec.kind === 'enum') {
    if (typeof value !== 'string' || !spec.values.includes(value))
      throw badRequest(`parameter '${name}' must be one of ${spec.values.join(', ')}`);
    return value;
  }
  if (typeof value !== 'boolean') throw badRequest(`parameter '${name}' must be true or false`);
  return value;
}
