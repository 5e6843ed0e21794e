import { readFile } from 'node:fs/promises';
import type { Command} from 'commander';
import { Option } from 'commander';
import { z } from 'zod';
import { readExperimentMetadata } from '../../core/motif-api/experiment-metadata';
import { OPERATIONS, type OperationName, type OperationSpec, type WireObject } from '../../core/motif-api/operation-table';
import { parseWire, type WireValue } from '../../core/python-json';
import { reportFailure, UsageError, type CommandContext } from '../commands/command-context';
import { addConnectionFlags, type ConnectionFlags } from '../commands/connection-flags';
import { parseCliValue, parseKeyValues, parseNumber } from '../commands/key-values';
import { withFleetSession } from './fleet-session';
import { withRigSession } from './rig-session';

/**
 * motifctl's rig commands, made from the operation table: each table operation with a
 * `cli` entry becomes a command whose arguments are its path parameters (and the body
 * fields it names), whose options are its body fields, and whose help is the table's.
 * Every one goes through the dispatch as `operations.run` or `operations.read`.
 */

type Flags = ConnectionFlags & { serial?: string; metadataFile?: string; experimentMetadata?: boolean; rigs?: string; json?: boolean } & Record<string, unknown>;

/** A body field as the CLI reads it. */
interface FieldReader {
  name: string;
  kind: 'string' | 'number' | 'boolean' | 'object' | 'value';
  description: string;
  flag: string;
}

const kebab = (s: string) => s.replace(/_/g, '-');
const camel = (s: string) => s.replace(/[-_]([a-z])/g, (_m, c: string) => c.toUpperCase());

function unwrap(t: z.ZodType): z.ZodType {
  let cur = t;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodDefault || cur instanceof z.ZodCatch) cur = cur.unwrap() as z.ZodType;
  return cur;
}

function fieldsOf(body: z.ZodType): FieldReader[] | 'pairs' | null {
  if (body instanceof z.ZodRecord) return 'pairs';
  if (!(body instanceof z.ZodObject)) return null;
  return Object.entries(body.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const inner = unwrap(field);
    const meta = (field.meta() ?? {}) as { flag?: string; description?: string };
    const kind: FieldReader['kind'] =
      inner instanceof z.ZodBoolean ? 'boolean'
      : inner instanceof z.ZodNumber ? 'number'
      : inner instanceof z.ZodCustom ? 'number'
      : inner instanceof z.ZodString ? 'string'
      : inner instanceof z.ZodRecord ? 'object'
      : 'value';
    return { name, kind, description: field.description ?? meta.description ?? '', flag: meta.flag ?? kebab(name) };
  });
}

/** Path parameters in template order; a `<serial>` that selects the camera form is `--serial` instead. */
function pathParams(spec: OperationSpec): string[] {
  const template = spec.path.rig ?? spec.path.camera ?? '';
  return [...template.matchAll(/<([a-z_]+)>/g)].map((m) => m[1]!);
}

function read(field: FieldReader, text: string): WireValue {
  switch (field.kind) {
    case 'string':
      return text;
    case 'number':
      return parseNumber(text, `--${field.flag}`);
    case 'boolean':
      return true;
    case 'object':
      return objectFrom(text, `--${field.flag}`);
    case 'value':
      return parseCliValue(text);
  }
}

function objectFrom(text: string, source: string): WireObject {
  let value: WireValue;
  try {
    value = parseWire(text);
  } catch {
    throw new UsageError(`${source} is not valid JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${source} must be a JSON object, like {"animal": "fly-7"}.`);
  }
  return value;
}

/** The command at `words` under `program`, made on first use (`schedule add io`). */
function commandAt(program: Command, words: string[], summaries: Map<string, string>): Command {
  let parent = program;
  words.forEach((word, i) => {
    const found = parent.commands.find((c) => c.name() === word);
    const path = words.slice(0, i + 1).join(' ');
    parent = found ?? parent.command(word).description(summaries.get(path) ?? '');
  });
  return parent;
}

const GROUPS = new Map([
  ['record', 'start or stop recording'],
  ['recordings', 'list, copy or export recordings'],
  ['io', 'outputs, inputs and logging into recordings'],
  ['schedule', "the rig's scheduled tasks"],
  ['schedule add', 'schedule a task on the rig'],
  ['multicam', 'camera processes of a multi-camera rig'],
]);

/** Register every table operation that has a command. */
export function registerOperationCommands(program: Command, ctx: CommandContext): void {
  const entries = (Object.keys(OPERATIONS) as OperationName[]).flatMap((name) => {
    const spec: OperationSpec = OPERATIONS[name];
    return spec.cli ? [{ name, spec, cli: spec.cli }] : [];
  });
  // Commands first, then the operations that are options of another command.
  for (const { name, spec, cli } of entries.filter((e) => e.cli.switch === undefined)) {
    const switches = entries.filter((e) => e.cli.switch !== undefined && e.cli.command === cli.command);
    defineCommand(commandAt(program, cli.command.split(' '), GROUPS), ctx, name, spec, switches);
  }
}

function defineCommand(
  cmd: Command,
  ctx: CommandContext,
  name: OperationName,
  spec: OperationSpec,
  switches: { name: OperationName; spec: OperationSpec; cli: NonNullable<OperationSpec['cli']> }[],
): void {
  const cli = spec.cli!;
  const fields = fieldsOf(spec.body);
  const positional = cli.positional ?? [];
  const params = pathParams(spec).filter((p) => !(p === 'serial' && spec.path.camera !== undefined));
  const withSwitch = switches.length > 0;
  cmd.description(spec.summary);
  for (const p of params) {
    const words = cli.params?.[p] ?? (p === 'serial' ? 'camera serial, or all' : p.replace(/_/g, ' '));
    cmd.argument(withSwitch ? `[${p}]` : `<${p}>`, words);
  }
  for (const p of positional) cmd.argument(`<${p}>`, (Array.isArray(fields) ? fields.find((f) => f.name === p)?.description : '') ?? p);
  const takesPairs = fields === 'pairs' || (Array.isArray(fields) && fields.length > 0 && positional.length === 0);
  if (takesPairs) cmd.argument('[pairs...]', fields === 'pairs' ? 'key=value pairs, values as JSON, inf/-inf, or text' : 'key=value arguments, as the vendor call() takes them');
  if (spec.path.camera !== undefined && spec.path.rig !== undefined) cmd.option('--serial <serial>', 'only this camera; all cameras otherwise');
  if (Array.isArray(fields)) {
    for (const f of fields.filter((f) => !positional.includes(f.name))) {
      if (f.kind === 'boolean') {
        cmd.option(`--${f.flag}`, f.description);
        if (!f.name.startsWith('camera_relative')) cmd.addOption(new Option(`--no-${f.flag}`).hideHelp());
      } else {
        const option = new Option(`--${f.flag} <${f.kind === 'object' ? 'json' : 'value'}>`, f.description);
        if (spec.schedules && (f.name === 'task_name' || f.name === 'cron_expression')) option.makeOptionMandatory();
        cmd.addOption(option);
      }
      if (f.name === 'metadata') {
        cmd.option('--metadata-file <path>', 'JSON file of metadata saved with the video');
        cmd.option('--experiment-metadata', 'include the experiment metadata of MOTIF_METADATA_JSON_PATH');
      }
    }
  }
  if (spec.schedules) cmd.option('--replace', 'replace a task of the same name on the rig (refused otherwise)');
  if (spec.delivery !== 'read') {
    cmd.option('--rigs <names>', "several rigs of the rig list, comma-separated, at once: each rig's line is printed as it answers");
    cmd.option('--json', 'with --rigs: the outcomes as one JSON array on stdout (the lines go to stderr)');
  }
  for (const s of switches) {
    const sParams = pathParams(s.spec);
    cmd.option(sParams.length > 0 ? `--${s.cli.switch} <${sParams[0]}>` : `--${s.cli.switch}`, s.spec.summary);
  }
  // So that "-inf" and "-1" reach their argument instead of being read as options.
  if (positional.length > 0 || takesPairs) cmd.allowUnknownOption();
  addConnectionFlags(cmd).action(async (...received: unknown[]) => {
    const flags = received[received.length - 2] as Flags; // commander passes (...args, options, command)
    const args = received.slice(0, received.length - 2);
    let request: { operation: OperationName; serial?: string; params: Record<string, string>; body?: WireObject };
    try {
      request = await buildRequest(ctx, name, spec, switches, params, positional, fields, takesPairs, args, flags);
    } catch (e) {
      // Usage is checked before connecting, so a typo never reaches the rig.
      reportFailure(ctx, e);
      return;
    }
    const { operation, serial, params: pathValues, body } = request;
    if (typeof flags.rigs === 'string') {
      const names = flags.rigs.split(',').map((n) => n.trim()).filter(Boolean);
      if (names.length === 0) return reportFailure(ctx, new UsageError('--rigs needs rig names, comma-separated (motifctl rigs list).'));
      await withFleetSession(ctx, names, flags, (call, rigs, progress) =>
        call('operations.run', { targets: rigs.map((r) => ({ rigId: r.id, serial })), operation, params: pathValues, body, progress, ...(flags.replace === true ? { replace: true } : {}) }),
      );
      return;
    }
    await withRigSession(ctx, flags, (call, rig) =>
      OPERATIONS[operation].delivery === 'read'
        ? call('operations.read', { target: { rigId: rig.id, serial }, operation, params: pathValues })
        : call('operations.run', { targets: [{ rigId: rig.id, serial }], operation, params: pathValues, body, ...(flags.replace === true ? { replace: true } : {}) }),
    );
  });
}

async function buildRequest(
  ctx: CommandContext,
  name: OperationName,
  spec: OperationSpec,
  switches: { name: OperationName; spec: OperationSpec; cli: NonNullable<OperationSpec['cli']> }[],
  params: string[],
  positional: string[],
  fields: FieldReader[] | 'pairs' | null,
  takesPairs: boolean,
  args: unknown[],
  flags: Flags,
): Promise<{ operation: OperationName; serial?: string; params: Record<string, string>; body?: WireObject }> {
  const serial = typeof flags.serial === 'string' ? flags.serial : undefined;
  const chosen = switches.filter((s) => flags[camel(s.cli.switch!)] !== undefined);
  if (chosen.length > 1) throw new UsageError(`Use one of ${chosen.map((s) => `--${s.cli.switch}`).join(', ')}.`);
  const given = args.slice(0, params.length).filter((a) => a !== undefined);
  if (chosen[0]) {
    const s = chosen[0];
    const value = flags[camel(s.cli.switch!)];
    const sParams = pathParams(s.spec);
    const pairs = takesPairs ? (args[args.length - 1] as string[] | undefined) ?? [] : [];
    if (given.length > 0 || pairs.length > 0) throw new UsageError(`--${s.cli.switch} takes no other arguments.`);
    return { operation: s.name, serial, params: sParams.length > 0 && typeof value === 'string' ? { [sParams[0]!]: value } : {} };
  }
  if (given.length < params.length) {
    const hint = switches.map((s) => ` or --${s.cli.switch}`).join('');
    throw new UsageError(`Give the ${params.slice(given.length).join(' and ').replace(/_/g, ' ')}${hint}.`);
  }
  const pathValues: Record<string, string> = {};
  params.forEach((p, i) => {
    const v = String(args[i]);
    pathValues[p] = p === 'serial' && v === 'all' ? '__all' : v; // "all" is the vendor's special serial __all
  });
  let body: WireObject = {};
  const rest = args.slice(params.length);
  if (Array.isArray(fields)) {
    positional.forEach((p, i) => {
      const f = fields.find((x) => x.name === p)!;
      body[p] = read(f, String(rest[i]));
    });
    if (takesPairs) body = { ...parseKeyValues((rest[positional.length] as string[] | undefined) ?? []), ...body };
    for (const f of fields.filter((x) => !positional.includes(x.name))) {
      const v = flags[camel(f.flag)];
      if (v === undefined) continue;
      body[f.name] = f.kind === 'boolean' ? v === true : read(f, String(v));
    }
    if ('metadata' in (spec.body instanceof z.ZodObject ? spec.body.shape : {})) {
      const metadata: WireObject = {
        ...(flags.experimentMetadata ? await readExperimentMetadata(ctx.io.env) : {}),
        ...(flags.metadataFile !== undefined ? objectFrom(await readFile(flags.metadataFile, 'utf8'), flags.metadataFile) : {}),
        ...(typeof body.metadata === 'object' && body.metadata !== null && !Array.isArray(body.metadata) ? body.metadata : {}),
      };
      if (Object.keys(metadata).length > 0) body.metadata = metadata;
    }
  } else if (fields === 'pairs') {
    body = parseKeyValues((rest[0] as string[] | undefined) ?? []);
    if (Object.keys(body).length === 0) throw new UsageError(`Nothing to send: give key=value pairs.`);
  }
  const hasBody = fields !== null && !(spec.body instanceof z.ZodObject && Object.keys(spec.body.shape).length === 0);
  return { operation: name, serial, params: pathValues, ...(hasBody ? { body } : {}) };
}
