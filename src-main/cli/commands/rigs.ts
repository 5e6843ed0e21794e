import { readFileSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { Result } from '../../contract/errors';
import { requests, type RequestName, type Res } from '../../contract/requests';
import { appConfigDir } from '../../core/config-dir';
import { rigHandlers } from '../../core/registry/rig-handlers';
import { openRigs, type Rigs, type RigsOptions } from '../../core/registry/open-rigs';
import type { RigConfig } from '../../core/registry/rig-registry';
import { EXIT, exitCodeFor, formatJson, reportFailure, UsageError, type CommandContext } from './command-context';
import { processKeyInput, type KeyInput } from './key-input';

type RigRequest = Extract<RequestName, `rigs.${string}`>;

export interface RigsCommandDeps {
  keyInput?: KeyInput;
  /** Tests pass their own keychain; the config folder always follows `appConfigDir(env)`. */
  rigsOptions?: Omit<RigsOptions, 'configDir'>;
}

interface Session {
  rigs: Rigs;
  /** A rigs.* request with the contract's argument check, as over the bridge. */
  call<N extends RigRequest>(name: N, args: unknown): Promise<Result<Res<N>>>;
  rigNamed(name: string): RigConfig;
}

interface RigFieldFlags {
  host?: string;
  port?: string;
  ca?: string;
  fingerprint?: string;
  tag?: string[];
  notes?: string;
  simulated?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function addFieldFlags(cmd: Command, adding: boolean): Command {
  return cmd
    .option('--port <port>', adding ? 'HTTPS port (default 6083)' : 'HTTPS port')
    .addOption(new Option('--ca <file>', "trust the rig's certificate file (server.crt)").conflicts('fingerprint'))
    .option('--fingerprint <sha256>', "pin the rig's SHA-256 certificate fingerprint (motifctl trust shows it)")
    .option('--tag <tag>', adding ? 'a tag or group (repeat for more)' : 'replace the tags (repeat for more)', collect)
    .option('--notes <text>', 'free notes')
    .option('--simulated', 'mark as a simulated rig');
}

/** `motifctl rigs ...`: the rig list shared with the app; keys go to the OS keychain. */
export function registerRigsCommand(program: Command, ctx: CommandContext, deps: RigsCommandDeps = {}): void {
  const keyInput = deps.keyInput ?? processKeyInput;
  const run = (fn: (s: Session) => Promise<void>) => runSession(ctx, deps, fn);
  const rigs = program
    .command('rigs')
    .description('the rig list shared with the app: list, add, edit, remove, import, export')
    .addHelpText('after', `\nThe list lives in ${appConfigDir(ctx.io.env)}/config.json (env MOTIF_CONTROL_CONFIG_DIR); API keys only in the OS keychain.`);

  rigs
    .command('list')
    .description('every configured rig as JSON (keyState says whether a key is stored, never the key)')
    .action(() => run(async (s) => emit(ctx, await s.call('rigs.list', {}))));

  addFieldFlags(
    rigs
      .command('add <name>')
      .description('add a rig; the API key is read from standard input (a hidden prompt on a terminal)')
      .requiredOption('--host <host>', 'rig address: IP or host name'),
    true,
  )
    .option('--no-key', 'add the rig without an API key')
    .action((name: string, flags: RigFieldFlags & { key: boolean }) =>
      run(async (s) => {
        const apiKey = flags.key ? await readKey(keyInput, name) : undefined;
        const result = await s.call('rigs.add', { name, ...fieldArgs(flags, true), host: flags.host, apiKey });
        emit(ctx, result, keychainHint);
      }),
    );

  addFieldFlags(rigs.command('edit <name>').description('change a rig; only the given fields change'), false)
    .option('--name <new>', 'rename')
    .option('--host <host>', 'new address')
    .option('--no-simulated', 'mark as a real rig')
    .addOption(new Option('--set-key', 'store a new API key (standard input or a hidden prompt)').conflicts('clearKey'))
    .option('--clear-key', 'delete the stored API key')
    .action((name: string, flags: RigFieldFlags & { name?: string; setKey?: boolean; clearKey?: boolean }) =>
      run(async (s) => {
        const rig = s.rigNamed(name);
        const apiKey = flags.setKey ? await readKey(keyInput, rig.name) : undefined;
        const patch = { ...fieldArgs(flags, false), name: flags.name, host: flags.host };
        if (Object.values(patch).some((v) => v !== undefined)) {
          const updated = await s.call('rigs.update', { rigId: rig.id, patch });
          if (!updated.ok) return emit(ctx, updated);
        }
        if (apiKey !== undefined) {
          const set = await s.call('rigs.setKey', { rigId: rig.id, apiKey });
          if (!set.ok) return emit(ctx, set, keychainHint);
        }
        if (flags.clearKey) {
          const cleared = await s.call('rigs.clearKey', { rigId: rig.id });
          if (!cleared.ok) return emit(ctx, cleared);
        }
        const list = await s.call('rigs.list', {});
        emit(ctx, list.ok ? { ok: true, value: list.value.find((r) => r.id === rig.id) } : list);
      }),
    );

  rigs
    .command('remove <name>')
    .description('remove a rig and delete its API key from the keychain')
    .action((name: string) =>
      run(async (s) => {
        const rig = s.rigNamed(name);
        const result = await s.call('rigs.remove', { rigId: rig.id });
        emit(ctx, result.ok ? { ok: true, value: { removed: { id: rig.id, name: rig.name } } } : result);
      }),
    );

  rigs
    .command('export')
    .description('the rig list as JSON for another lab PC (never the keys)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action((flags: { out?: string }) =>
      run(async (s) => {
        const result = await s.call('rigs.export', {});
        if (!result.ok || !flags.out) return emit(ctx, result);
        writeFileSync(flags.out, formatJson(result.value));
        emit(ctx, { ok: true, value: { written: flags.out, rigs: result.value.rigs.length } });
      }),
    );

  rigs
    .command('import <file>')
    .description('add rigs from an export and update those with the same name; never removes one ("-" reads standard input)')
    .option('--dry-run', 'only report what would change')
    .action((file: string, flags: { dryRun?: boolean }) =>
      run(async (s) => {
        const text = file === '-' ? await keyInput.readAll() : readText(file);
        let document: unknown;
        try {
          document = JSON.parse(text);
        } catch {
          throw new UsageError(`${file === '-' ? 'Standard input' : file} is not JSON; nothing was imported.`);
        }
        const result = await s.call('rigs.import', { document, dryRun: flags.dryRun });
        if (result.ok) {
          for (const skip of result.value.skipped) {
            ctx.io.err(`motifctl: skipped entry ${skip.index + 1}${skip.name ? ` (${skip.name})` : ''}: ${skip.reason}\n`);
          }
        }
        emit(ctx, result);
      }),
    );
}

async function runSession(ctx: CommandContext, deps: RigsCommandDeps, fn: (s: Session) => Promise<void>): Promise<void> {
  let rigs: Rigs | undefined;
  try {
    rigs = openRigs({ ...deps.rigsOptions, configDir: appConfigDir(ctx.io.env) });
    for (const notice of rigs.notices.list()) ctx.io.err(`motifctl: ${notice.message}\n`);
    const handlers = rigHandlers(rigs);
    const registry = rigs.registry;
    await fn({
      rigs,
      async call(name, args) {
        const parsed = requests[name].args.safeParse(args);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new UsageError(`Bad arguments for ${name} (${issue?.path.join('.')}: ${issue?.message}).`);
        }
        // The schema for `name` just checked these arguments; TypeScript cannot tie the two.
        const handler = handlers[name] as (a: unknown) => Promise<Result<Res<typeof name>>>;
        return handler(parsed.data);
      },
      rigNamed(name) {
        const rig = registry.findByName(name) ?? registry.get(name);
        if (rig) return rig;
        const known = registry.list().map((r) => r.name);
        throw new UsageError(`There is no rig named "${name}"${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}.`);
      },
    });
  } catch (e) {
    reportFailure(ctx, e);
  } finally {
    await rigs?.close();
  }
}

/** A Result as motifctl output: JSON on stdout, or a sentence on stderr with the exit code. */
function emit<T>(ctx: CommandContext, result: Result<T>, hint?: (code: string) => string): void {
  if (result.ok) {
    ctx.io.out(formatJson(result.value));
    ctx.exitCode = EXIT.ok;
    return;
  }
  const extra = hint?.(result.error.code) ?? '';
  ctx.io.err(`motifctl: ${result.error.message}${extra} [${result.error.code}]\n`);
  ctx.exitCode = result.error.code === 'not-found' ? EXIT.usage : exitCodeFor(result.error.code);
}

const keychainHint = (code: string) =>
  code === 'keychain-unavailable'
    ? ' A key kept for this session only would end with this command: add the rig with --no-key and pass --api-key (or MOTIF_API_KEY) to each command instead.'
    : '';

async function readKey(input: KeyInput, rigName: string): Promise<string> {
  const text = input.isTTY
    ? await input.promptHidden(`API key for ${rigName} (recnode-apikey on the rig shows it): `)
    : await input.readAll();
  const key = text.trim();
  if (key === '') throw new UsageError('No API key on standard input. Pipe the key in, or pass --no-key to add the rig without one.');
  return key;
}

function fieldArgs(flags: RigFieldFlags, adding: boolean) {
  const trust = flags.fingerprint
    ? { kind: 'fingerprint' as const, sha256: flags.fingerprint }
    : flags.ca
      ? { kind: 'ca' as const, caPath: flags.ca }
      : undefined;
  return {
    port: flags.port === undefined ? undefined : parsePort(flags.port),
    trust,
    tags: flags.tag ?? (adding ? [] : undefined),
    notes: flags.notes,
    simulated: flags.simulated,
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (text.trim() === '' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`Port "${text}" is not a whole number from 1 to 65535.`);
  }
  return port;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)}); nothing was imported.`);
  }
}
