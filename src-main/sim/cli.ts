/** The motif-sim command line: options to SimOptions, one JSON line per rig, clean stop on signals. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseFault } from './faults';
import { DEFAULT_PORT, startSimulatedRigs } from './index';
import type { SimFleet, SimOptions, SimRigInfo } from './types';
import { DEFAULT_FRAME_FORMAT, parseFrameSize, parsePixelFormat, PIXEL_FORMATS, type PixelFormat } from './test-pattern';

function integer(min: number, max: number) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`needs a whole number from ${min} to ${max}`);
    return n;
  };
}

function positiveNumber(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('needs a positive number');
  return n;
}

/** Turns a parser's Error into commander's, so the message names the option. */
function asOption<T>(parse: (text: string) => T) {
  return (text: string): T => {
    try {
      return parse(text);
    } catch (e) {
      throw new InvalidArgumentError((e as Error).message);
    }
  };
}
const frameSize = asOption(parseFrameSize);
const pixelFormat = asOption(parsePixelFormat);

function faultSpec(text: string): string {
  try {
    parseFault(text);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
  return text;
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

export function buildProgram(): Command {
  return new Command('motif-sim')
    .description('Simulated loopbio Motif rigs on the wire: HTTPS API, scheduler, ZeroMQ streams.')
    .option('--port <port>', 'first rig port (0: an ephemeral port per rig)', integer(0, 65535), DEFAULT_PORT)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--api-key <key>', 'API key (default: a random 32-hex key)')
    .option('--cameras <n>', 'cameras per rig', integer(1, 64), 2)
    .option('--rigs <n>', 'rigs on consecutive ports', integer(1, 1000), 1)
    .option('--cert <file>', 'TLS certificate (PEM); with --key')
    .option('--key <file>', 'TLS private key (PEM); with --cert')
    .option('--cert-out <file>', 'also write the certificate here (reported as certPath)')
    .option('--data-dir <dir>', 'where the generated certificate is kept')
    .option('--fps <fps>', 'frame rate of cameras and streams', positiveNumber, 30)
    .option('--fault <spec>', 'initial fault: latency=MS | reset | http500[=MSG] | garbage | hang | offline, optional @ENDPOINT_REGEX', faultSpec)
    .option('--control', 'enable the /_sim/ control surface (API key still required)', false)
    .option('--no-streams', 'no ZeroMQ image/state streams (cheap fleets)')
    .option('--frame-size <WxH>', 'size of the streamed frames', frameSize, DEFAULT_FRAME_FORMAT)
    .option('--pixel-format <format>', `pixel format of the streamed frames: ${PIXEL_FORMATS.join(', ')}`, pixelFormat, DEFAULT_FRAME_FORMAT.pixelFormat)
    .option('--outputs <names>', 'comma-separated output names', list)
    .option('--codecs <names>', 'comma-separated codec names', list)
    .addOption(new Option('--copy-seconds <s>', 'duration of copy/export jobs').argParser(positiveNumber))
    .option('--time-zone <iana>', 'time zone the rig reports');
}

interface CliOptions {
  port: number;
  host: string;
  apiKey?: string;
  cameras: number;
  rigs: number;
  cert?: string;
  key?: string;
  certOut?: string;
  dataDir?: string;
  fps: number;
  fault?: string;
  control: boolean;
  streams: boolean;
  frameSize: { width: number; height: number };
  pixelFormat: PixelFormat;
  outputs?: string[];
  codecs?: string[];
  copySeconds?: number;
  timeZone?: string;
}

export function toSimOptions(o: CliOptions): SimOptions {
  return {
    port: o.port,
    host: o.host,
    cameras: o.cameras,
    rigs: o.rigs,
    fps: o.fps,
    control: o.control,
    streams: o.streams,
    frame: { width: o.frameSize.width, height: o.frameSize.height, pixelFormat: o.pixelFormat },
    ...(o.apiKey ? { apiKey: o.apiKey } : {}),
    ...(o.cert ? { certFile: o.cert } : {}),
    ...(o.key ? { keyFile: o.key } : {}),
    ...(o.dataDir ? { dataDir: o.dataDir } : {}),
    ...(o.fault ? { fault: o.fault } : {}),
    ...(o.outputs ? { outputs: o.outputs } : {}),
    ...(o.codecs ? { codecs: o.codecs } : {}),
    ...(o.copySeconds ? { copySeconds: o.copySeconds } : {}),
    ...(o.timeZone ? { timeZone: o.timeZone } : {}),
  };
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  program.parse(argv);
  const opts = program.opts<CliOptions>();
  let fleet: SimFleet;
  try {
    fleet = await startSimulatedRigs(toSimOptions(opts));
  } catch (e) {
    process.stderr.write(`motif-sim: ${(e as Error).message}\n`);
    process.exit(1);
  }
  let certPath: string | undefined;
  if (opts.certOut) {
    const first = fleet.rigs[0]!.info;
    certPath = path.resolve(opts.certOut);
    await fs.copyFile(first.certPath, certPath);
  }
  for (const rig of fleet.rigs) process.stdout.write(`${JSON.stringify(infoLine(rig.info, certPath))}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`motif-sim: ${signal}, stopping\n`);
    void fleet.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function infoLine(info: SimRigInfo, certPath?: string): SimRigInfo {
  const { url, host, port, apiKey, fingerprint256, serials } = info;
  return { url, host, port, apiKey, certPath: certPath ?? info.certPath, fingerprint256, serials };
}
