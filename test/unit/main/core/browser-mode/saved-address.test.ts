import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCommand, shouldOpenBrowser } from '../../../../../src-main/core/browser-mode/open-browser';
import { readSavedAddress, SAVED_ADDRESS_FILE, saveAddress } from '../../../../../src-main/core/browser-mode/saved-address';

describe("browser mode's saved address", () => {
  it('keeps port and token per config folder in a 0600 file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-address-'));
    expect(await readSavedAddress(dir)).toBeUndefined();
    await saveAddress(dir, { port: 41234, token: 'abcdefghijklmnopqrstuvwx' });
    expect(await readSavedAddress(dir)).toEqual({ port: 41234, token: 'abcdefghijklmnopqrstuvwx' });
    if (process.platform !== 'win32') expect(statSync(path.join(dir, SAVED_ADDRESS_FILE)).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['not json', '{'],
    ['a bad port', JSON.stringify({ port: 70000, token: 'abcdefghijklmnopqrstuvwx' })],
    ['a short token', JSON.stringify({ port: 4000, token: 'short' })],
    ['a token with odd characters', JSON.stringify({ port: 4000, token: 'abcdefghijklmnop qrstuvwx' })],
  ])('ignores a file with %s (a new address is made)', async (_what, text) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'motif-address-'));
    writeFileSync(path.join(dir, SAVED_ADDRESS_FILE), text);
    expect(await readSavedAddress(dir)).toBeUndefined();
  });
});

describe('opening the browser', () => {
  const person = { noOpen: false, env: { DISPLAY: ':0' }, platform: 'linux' as const, isTTY: true };

  it('opens for a person at a terminal with a display', () => {
    expect(shouldOpenBrowser(person)).toEqual({ open: true });
    expect(shouldOpenBrowser({ ...person, env: {}, platform: 'darwin' })).toEqual({ open: true });
  });

  it.each([
    ['--no-open', { noOpen: true }],
    ['CI', { env: { DISPLAY: ':0', CI: 'true' } }],
    ['MOTIF_CONTROL_NO_OPEN', { env: { DISPLAY: ':0', MOTIF_CONTROL_NO_OPEN: '1' } }],
    ['a pipe (tests, npm run dev)', { isTTY: false }],
    ['no display', { env: {} }],
  ])('does not open with %s', (_what, change) => {
    expect(shouldOpenBrowser({ ...person, ...change }).open).toBe(false);
  });

  it('uses the platform opener', () => {
    expect(openCommand('http://127.0.0.1:1/#token=x', 'linux')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:1/#token=x'] });
    expect(openCommand('http://127.0.0.1:1/#token=x', 'darwin').command).toBe('open');
    expect(openCommand('http://127.0.0.1:1/#token=x', 'win32')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:1/#token=x'] });
  });
});
