import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { RecordingStartArgs, WireObject } from '../../core/motif-api/endpoint-table';
import { readExperimentMetadata } from '../../core/motif-api/experiment-metadata';
import { parseWire } from '../../core/python-json';
import { UsageError, type CommandContext } from './command-context';
import { addConnectionFlags, type ConnectionFlags } from './connection-flags';
import { parseNumber } from './key-values';
import { withRig } from './rig-action';

interface StartFlags extends ConnectionFlags {
  serial?: string;
  codec?: string;
  duration?: string;
  filename?: string;
  metadata?: string;
  metadataFile?: string;
  experimentMetadata?: boolean;
  recordToStore?: boolean;
  codecIdentifier?: string;
}

/** The `recording/start` arguments from flags; only what the user gave is sent. */
export async function recordingStartArgs(
  flags: StartFlags,
  env: Record<string, string | undefined>,
): Promise<RecordingStartArgs> {
  const args: RecordingStartArgs = {};
  if (flags.codec !== undefined) args.codec = flags.codec;
  if (flags.duration !== undefined) {
    args.duration = parseNumber(flags.duration, '--duration');
    if (!(args.duration > 0)) throw new UsageError('--duration must be a positive number of seconds.');
  }
  if (flags.filename !== undefined) args.filename = flags.filename;
  if (flags.recordToStore !== undefined) args.record_to_store = flags.recordToStore;
  if (flags.codecIdentifier !== undefined) args.codec_identifier = flags.codecIdentifier;
  const metadata: WireObject = {
    ...(flags.experimentMetadata ? await readExperimentMetadata(env) : {}),
    ...(flags.metadataFile !== undefined ? objectFrom(await readFile(flags.metadataFile, 'utf8'), flags.metadataFile) : {}),
    ...(flags.metadata !== undefined ? objectFrom(flags.metadata, '--metadata') : {}),
  };
  if (Object.keys(metadata).length > 0) args.metadata = metadata;
  return args;
}

function objectFrom(text: string, source: string): WireObject {
  let value: unknown;
  try {
    value = parseWire(text);
  } catch {
    throw new UsageError(`${source} is not valid JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${source} must be a JSON object, like {"animal": "fly-7"}.`);
  }
  return value as WireObject;
}

export function registerRecordCommand(program: Command, ctx: CommandContext): void {
  const record = program.command('record').description('start or stop recording');
  addConnectionFlags(
    record
      .command('start')
      .description('start recording on all cameras, or on one with --serial')
      .option('--serial <serial>', 'only this camera')
      .option('--codec <name>', "compression setting as named on the rig (e.g. high); the rig's default otherwise")
      .option('--duration <seconds>', 'stop after this many seconds; until stopped otherwise')
      .option('--filename <name>', 'recording file name, without the timestamp')
      .option('--metadata <json>', 'JSON object saved with the video')
      .option('--metadata-file <path>', 'JSON file of metadata saved with the video')
      .option('--experiment-metadata', 'include the experiment metadata of MOTIF_METADATA_JSON_PATH')
      .option('--record-to-store', 'record to an image store')
      .option('--no-record-to-store', 'record to a video file')
      .option('--codec-identifier <id>', 'advanced: exact codec identifier'),
  ).action(async (flags: StartFlags) => {
    await withRig(ctx, flags, async (client) =>
      client.startRecording(await recordingStartArgs(flags, ctx.io.env), flags.serial),
    );
  });
  addConnectionFlags(
    record
      .command('stop')
      .description('stop recording on all cameras, or on one with --serial')
      .option('--serial <serial>', 'only this camera'),
  ).action(async (flags: ConnectionFlags & { serial?: string }) => {
    await withRig(ctx, flags, (client) => client.stopRecording(flags.serial));
  });
}
