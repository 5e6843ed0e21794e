/** Outputs, inputs, io/log, experiment messages and multi-camera connection. */
import type { WireValue } from '../core/python-json';
import { type Args, optionalNumber } from './args';
import type { RigModel } from './rig-model';
import { route, type Route } from './router';
import { badRequest, notFound } from './wire-errors';

const ALL_CAMERAS = '__all';

export function ioRoutes(rig: RigModel): Route[] {
  return [
    route('GET', 'io/read', () => readInputs(rig, rig.firstSerial)),
    route('GET', 'camera/:serial/io/read', ({ serial }) => readInputs(rig, serial!)),
    route('POST', 'io/log', (_, args) => ({ logged: rig.serials.map((s) => logValues(rig, s, args)) })),
    route('POST', 'camera/:serial/io/log', ({ serial }, args) => logValues(rig, serial!, args)),
    route('POST', 'io/:name/set', ({ name }, args) => setOutput(rig, rig.firstSerial, name!, args)),
    route('POST', 'camera/:serial/io/:name/set', ({ serial, name }, args) => setOutput(rig, serial!, name!, args)),
    route('POST', 'io/:ioSerial/:ioPort/set', ({ ioSerial, ioPort }, args) => setLegacyOutput(rig, ioSerial!, ioPort!, args)),
    route('POST', 'experiment/message', (_, args) => {
      rig.experimentMessage = messageArg(args);
      return { message: rig.experimentMessage };
    }),
    route('POST', 'camera/:serial/experiment/message', ({ serial }, args) => {
      rig.camera(serial!);
      rig.cameraMessages.set(serial!, messageArg(args));
      return { serial: serial!, message: rig.cameraMessages.get(serial!) ?? '' };
    }),
    route('POST', 'multicam/synchronize', () => ({
      synchronized: rig.serials.filter((s) => rig.camera(s).connected),
      time: Date.now() / 1000,
    })),
    route('POST', 'multicam/connect_camera/:serial', ({ serial }) => setConnected(rig, serial!, true)),
    route('POST', 'multicam/disconnect_camera/:serial', ({ serial }) => setConnected(rig, serial!, false)),
    route('POST', 'multicam/connect_all', () => setConnected(rig, ALL_CAMERAS, true)),
    route('POST', 'multicam/disconnect_all', () => setConnected(rig, ALL_CAMERAS, false)),
  ];
}

/** The value of an output: a number (±Infinity toggles) or a boolean. */
export function outputValueArg(args: Args): number {
  const v = args.value;
  if (v === undefined || v === null) throw badRequest("missing required argument 'value'");
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'number' || Number.isNaN(v)) throw badRequest("argument 'value' must be a number");
  return v;
}

function setOutput(rig: RigModel, serial: string, name: string, args: Args): WireValue {
  const value = rig.outputBank(serial).set(name, outputValueArg(args));
  return { serial, name, value };
}

function setLegacyOutput(rig: RigModel, ioSerial: string, ioPort: string, args: Args): WireValue {
  if (!/^(-1|\w+)$/.test(ioSerial)) throw notFound(`no IO device '${ioSerial}'`);
  if (!/^\d+$/.test(ioPort)) throw badRequest(`IO port must be a number, got '${ioPort}'`);
  const state = optionalNumber(args, 'state');
  if (state !== undefined && state !== 0 && state !== 1) throw badRequest("argument 'state' must be 0 or 1");
  const value = args.value !== undefined ? outputValueArg(args) : state;
  if (value === undefined) throw badRequest("needs argument 'value' or 'state'");
  // -1 names the first IO device, as the vendor client documents.
  const device = ioSerial === '-1' ? 'FAKEIO0' : ioSerial;
  rig.legacyOutputs.set(`${device}/${ioPort}`, value);
  return { io_serial: device, io_port: Number(ioPort), value };
}

function readInputs(rig: RigModel, serial: string): WireValue {
  return { serial, inputs: { ...rig.outputBank(serial).inputs } };
}

function logValues(rig: RigModel, serial: string, args: Args): Record<string, WireValue> {
  const cam = rig.camera(serial);
  const now = Date.now();
  const entry = {
    frame_number: cam.frameNumber(now),
    frame_time: now / 1000,
    recording: rig.recordings.session(serial)?.filename ?? null,
    values: { ...args },
  };
  const log = rig.ioLog.get(serial) ?? [];
  log.push(entry);
  rig.ioLog.set(serial, log);
  return { serial, frame_number: entry.frame_number, frame_time: entry.frame_time, recording: entry.recording };
}

function messageArg(args: Args): string {
  if (args.message === undefined) throw badRequest("missing required argument 'message'");
  if (typeof args.message !== 'string') throw badRequest("argument 'message' must be a string");
  return args.message;
}

function setConnected(rig: RigModel, serial: string, connected: boolean): WireValue {
  const serials = serial === ALL_CAMERAS ? rig.serials : [rig.camera(serial).serial];
  for (const s of serials) {
    // A camera process that stops ends its recording.
    if (!connected) rig.recordings.stop(rig.camera(s));
    rig.camera(s).connected = connected;
  }
  return { [connected ? 'connected' : 'disconnected']: serials };
}
