/**
 * /_sim/ endpoints for tests, outside the vendor API (behind the API key, off by default):
 *   GET  events | state
 *   POST fault {fault: "SPEC"}   DELETE fault (clears all)
 *   POST offline {seconds}       goes offline, comes back after `seconds` (default 5)
 *   POST reset | jobs/finish | tasks/<name>/fire
 *   POST input {serial?, name, value}   POST disk {percent}
 *   POST stream {on?, frame_size?: "WxH", pixel_format?}   streaming on/off, frame size and format
 */
import type { WireValue } from '../core/python-json';
import { type Args, optionalBoolean, optionalNumber, optionalString, requireNumber, requireString } from './args';
import { parseFrameSize, parsePixelFormat } from './test-pattern';
import type { CommandResult } from './rig-model';
import type { SimRig } from './types';
import { vendorErrorBody } from './wire-errors';

const DEFAULT_OFFLINE_SECONDS = 5;
// Lets the answer to /_sim/offline leave before the socket is dropped.
const OFFLINE_AFTER_MS = 50;

export function controlHandler(rig: SimRig, firstSerial: () => string) {
  return async (method: string, path: string, args: Args): Promise<CommandResult> => {
    try {
      const body = await dispatch(rig, firstSerial, method, path.replace(/\/+$/, ''), args);
      if (body === undefined) return fail(404, `no control endpoint ${method} /_sim/${path}`);
      return { status: 200, body };
    } catch (e) {
      return fail(400, (e as Error).message);
    }
  };
}

async function dispatch(
  rig: SimRig,
  firstSerial: () => string,
  method: string,
  path: string,
  args: Args,
): Promise<WireValue | undefined> {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET events':
      return { events: rig.events() as unknown as WireValue[] };
    case 'GET state':
      return rig.state as unknown as WireValue;
    case 'POST fault':
      rig.setFault(requireString(args, 'fault'));
      return { ok: true };
    case 'DELETE fault':
    case 'POST fault/clear':
      rig.clearFaults();
      return { ok: true };
    case 'POST offline': {
      const seconds = optionalNumber(args, 'seconds') ?? DEFAULT_OFFLINE_SECONDS;
      setTimeout(() => {
        void rig.goOffline().then(() => setTimeout(() => void rig.comeBack(), seconds * 1000));
      }, OFFLINE_AFTER_MS);
      return { offline_seconds: seconds };
    }
    case 'POST reset':
      rig.reset();
      return { ok: true };
    case 'POST jobs/finish':
      rig.finishJobs();
      return { ok: true };
    case 'POST input':
      rig.setInput(optionalString(args, 'serial') ?? firstSerial(), requireString(args, 'name'), requireNumber(args, 'value'));
      return { ok: true };
    case 'POST stream': {
      const size = optionalString(args, 'frame_size');
      const format = optionalString(args, 'pixel_format');
      const on = optionalBoolean(args, 'on');
      if (size !== undefined || format !== undefined) {
        const current = rig.frameFormat;
        rig.setFrameFormat({
          ...(size !== undefined ? parseFrameSize(size) : current),
          pixelFormat: format !== undefined ? parsePixelFormat(format) : current.pixelFormat,
        });
      }
      if (on !== undefined) await rig.setStreaming(on);
      return { ok: true };
    }
    case 'POST disk':
      rig.setDiskUsedPercent(requireNumber(args, 'percent'));
      return { ok: true };
  }
  const fire = /^POST tasks\/([^/]+)\/fire$/.exec(key);
  if (fire) return { fired: await rig.fireTask(decodeURIComponent(fire[1]!)) };
  return undefined;
}

function fail(status: number, message: string): CommandResult {
  return { status, body: vendorErrorBody(status, message) };
}
