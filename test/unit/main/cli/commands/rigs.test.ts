import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT, type CommandContext } from '../../../../../src-main/cli/commands/command-context';
import type { KeyInput } from '../../../../../src-main/cli/commands/key-input';
import { registerRigsCommand } from '../../../../../src-main/cli/commands/rigs';
import { SecretStore } from '../../../../../src-main/core/secrets/secret-store';
import { MemoryKeychain } from '../../core/secrets/memory-keychain';

const KEY = 'cafe0123cafe0123cafe0123cafe0123';
const FP = 'AB:'.repeat(31) + 'AB';

/** `motifctl rigs ...` in-process with a given standard input and an in-memory keychain. */
function cli(dir = mkdtempSync(path.join(tmpdir(), 'motif-cli-rigs-')), keychain = new MemoryKeychain()) {
  const prompts: string[] = [];
  return {
    dir,
    keychain,
    prompts,
    async run(argv: string[], stdin: { text?: string; tty?: boolean } = {}) {
      let stdout = '';
      let stderr = '';
      const ctx: CommandContext = { io: { out: (t) => (stdout += t), err: (t) => (stderr += t), env: { MOTIF_CONTROL_CONFIG_DIR: dir } }, exitCode: EXIT.ok };
      const keyInput: KeyInput = {
        isTTY: stdin.tty ?? false,
        readAll: async () => stdin.text ?? '',
        promptHidden: async (prompt) => {
          prompts.push(prompt);
          return stdin.text ?? '';
        },
      };
      const program = new Command('motifctl').exitOverride().configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
      registerRigsCommand(program, ctx, { keyInput, rigsOptions: { secrets: new SecretStore(keychain, { cacheMs: 0 }) } });
      let code: number;
      try {
        await program.parseAsync(argv, { from: 'user' });
        code = ctx.exitCode;
      } catch {
        code = EXIT.usage;
      }
      return { code, stdout, stderr, json: () => JSON.parse(stdout) };
    },
  };
}

describe('motifctl rigs (in-process)', () => {
  it('adds a rig with the key from piped standard input, lists it without the key', async () => {
    const c = cli();
    const add = await c.run(['rigs', 'add', 'Arena 1', '--host', '10.0.0.5', '--port', '6090', '--fingerprint', FP.replace(/:/g, '').toLowerCase(), '--tag', 'fly', '--tag', 'room 2'], {
      text: `${KEY}\n`,
    });
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const rig = add.json();
    expect(rig).toMatchObject({ name: 'Arena 1', host: '10.0.0.5', port: 6090, trust: { kind: 'fingerprint', sha256: FP }, tags: ['fly', 'room 2'], keyState: 'keychain' });
    expect(c.keychain.entries.get(`Motif Control/${rig.id}`)).toBe(KEY);
    const list = await c.run(['rigs', 'list']);
    expect(list.json()).toEqual([rig]);
    expect(list.stdout + add.stdout).not.toContain(KEY);
    for (const f of readdirSync(c.dir)) expect(readFileSync(path.join(c.dir, f), 'utf8')).not.toContain(KEY);
  });

  it('prompts (hidden) on a terminal, and --no-key skips the key', async () => {
    const c = cli();
    expect((await c.run(['rigs', 'add', 'T', '--host', 'a'], { tty: true, text: KEY })).json().keyState).toBe('keychain');
    expect(c.prompts).toEqual([expect.stringMatching(/^API key for T/)]);
    expect((await c.run(['rigs', 'add', 'N', '--host', 'b', '--no-key'])).json().keyState).toBe('none');
    const empty = await c.run(['rigs', 'add', 'E', '--host', 'c'], { text: '\n' });
    expect(empty).toMatchObject({ code: 2, stderr: expect.stringMatching(/No API key on standard input.*--no-key/) });
    expect((await c.run(['rigs', 'list'])).json().map((r: { name: string }) => r.name)).toEqual(['T', 'N']);
  });

  it('refuses bad input with a sentence on stderr and exit code 2', async () => {
    const c = cli();
    await c.run(['rigs', 'add', 'A', '--host', 'a', '--no-key']);
    for (const [argv, message] of [
      [['rigs', 'add', 'a', '--host', 'b', '--no-key'], /already a rig named "A"/],
      [['rigs', 'add', 'B', '--host', 'https://b', '--no-key'], /not a host name/],
      [['rigs', 'add', 'B', '--host', 'b', '--port', '0', '--no-key'], /1 to 65535/],
      [['rigs', 'add', 'B', '--host', 'b', '--fingerprint', 'zz', '--no-key'], /64 hexadecimal digits/],
      [['rigs', 'add', 'B', '--host', 'b', '--ca', '/nonexistent.crt', '--no-key'], /not a readable CA certificate/],
      [['rigs', 'edit', 'Nope', '--notes', 'x'], /no rig named "Nope" \(known: A\)/],
      [['rigs', 'remove', 'Nope'], /no rig named/],
    ] as const) {
      const r = await c.run([...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
    expect((await c.run(['rigs', 'add', 'B', '--host', 'b'])).code).toBe(2); // --host is required, commander says so
  });

  it('edits only the given fields, sets and clears the key, removes rig and key', async () => {
    const c = cli();
    const rig = (await c.run(['rigs', 'add', 'A', '--host', 'a', '--no-key', '--notes', 'keep'])).json();
    const edited = await c.run(['rigs', 'edit', 'a', '--name', 'A2', '--port', '7000', '--tag', 'x', '--set-key'], { text: KEY });
    expect(edited.json()).toMatchObject({ id: rig.id, name: 'A2', host: 'a', port: 7000, tags: ['x'], notes: 'keep', keyState: 'keychain' });
    expect((await c.run(['rigs', 'edit', 'A2', '--clear-key'])).json().keyState).toBe('none');
    await c.run(['rigs', 'edit', 'A2', '--set-key'], { text: KEY });
    const removed = await c.run(['rigs', 'remove', rig.id]);
    expect(removed.json()).toEqual({ removed: { id: rig.id, name: 'A2' } });
    expect(c.keychain.entries.size).toBe(0);
    expect((await c.run(['rigs', 'list'])).json()).toEqual([]);
  });

  it('exports without keys and imports on another PC with a report; bad files change nothing', async () => {
    const a = cli();
    await a.run(['rigs', 'add', 'A', '--host', 'a', '--fingerprint', FP], { text: KEY });
    await a.run(['rigs', 'add', 'B', '--host', 'b'], { text: KEY });
    const exported = await a.run(['rigs', 'export']);
    expect(exported.stdout).not.toContain(KEY);
    const file = path.join(a.dir, 'rigs-export.json');
    expect((await a.run(['rigs', 'export', '--out', file])).json()).toEqual({ written: file, rigs: 2 });
    expect(readFileSync(file, 'utf8')).not.toContain(KEY);

    const b = cli();
    await b.run(['rigs', 'add', 'Mine', '--host', 'm', '--no-key']);
    const garbage = path.join(b.dir, 'garbage.json');
    writeFileSync(garbage, '{ nope');
    expect(await b.run(['rigs', 'import', garbage])).toMatchObject({ code: 2, stderr: expect.stringMatching(/not JSON; nothing was imported/) });
    writeFileSync(garbage, JSON.stringify({ rigs: [{ name: 'X', host: 'x' }] }));
    expect(await b.run(['rigs', 'import', garbage])).toMatchObject({ code: 2, stderr: expect.stringMatching(/not a Motif Control rig export/) });
    const withBad = { ...exported.json(), rigs: [...exported.json().rigs, { name: 'Bad', host: 'b', port: -1 }] };
    writeFileSync(garbage, JSON.stringify(withBad));
    const dry = await b.run(['rigs', 'import', garbage, '--dry-run']);
    expect(dry.json().added.map((r: { name: string }) => r.name)).toEqual(['A', 'B']);
    expect((await b.run(['rigs', 'list'])).json().map((r: { name: string }) => r.name)).toEqual(['Mine']);
    const imported = await b.run(['rigs', 'import', garbage]);
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ added: [{ name: 'A' }, { name: 'B' }], updated: [], skipped: [{ index: 2, name: 'Bad' }] });
    expect(imported.stderr).toMatch(/skipped entry 3 \(Bad\): Port -1/);
    const list = (await b.run(['rigs', 'list'])).json();
    expect(list.map((r: { name: string; keyState: string }) => [r.name, r.keyState])).toEqual([
      ['Mine', 'none'],
      ['A', 'none'],
      ['B', 'none'],
    ]);
    expect(list[1].trust).toEqual({ kind: 'fingerprint', sha256: FP });
  });

  it('prints a config notice on stderr when the file had to be moved aside, and carries on', async () => {
    const c = cli();
    writeFileSync(path.join(c.dir, 'config.json'), '{"schemaVersion": 1, "rigs": [');
    const r = await c.run(['rigs', 'list']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual([]);
    expect(r.stderr).toMatch(/could not be used: it is not valid JSON\. It was moved to .*config\.json\.corrupt-/);
  });
});
