/** Readers for the keyword arguments a call carries, failing with a vendor-shaped 400. */
import type { WireValue } from '../core/python-json';
import { badRequest } from './wire-errors';

export type Args = Record<string, WireValue>;

export function optionalString(args: Args, key: string): string | undefined {
  const v = args[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw badRequest(`argument '${key}' must be a string`);
  return v;
}

export function requireString(args: Args, key: string): string {
  const v = optionalString(args, key);
  if (v === undefined || v === '') throw badRequest(`missing required argument '${key}'`);
  return v;
}

export function optionalNumber(args: Args, key: string): number | undefined {
  const v = args[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || Number.isNaN(v)) throw badRequest(`argument '${key}' must be a number`);
  return v;
}

export function requireNumber(args: Args, key: string): number {
  const v = optionalNumber(args, key);
  if (v === undefined) throw badRequest(`missing required argument '${key}'`);
  return v;
}

/** Python clients send True/False; MATLAB users sometimes send 0/1. */
export function optionalBoolean(args: Args, key: string): boolean | undefined {
  const v = args[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 0 || v === 1) return v === 1;
  throw badRequest(`argument '${key}' must be true or false`);
}

export function optionalObject(args: Args, key: string): Args | undefined {
  const v = args[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw badRequest(`argument '${key}' must be an object`);
  return v;
}

export function isArgs(v: unknown): v is Args {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
