import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';

/**
 * Browser mode's address, kept per config folder so that a restart serves the same URL
 * and an open tab reconnects: the port and the token. The file is 0600, like the rest of
 * the config folder's files; deleting it makes the next start pick a new port and token.
 */
export interface SavedAddress {
  port: number;
  token: string;
}

export const SAVED_ADDRESS_FILE = 'browser-mode.json';

/** The saved address, or undefined when there is none or it is not one (then a new one is made). */
export async function readSavedAddress(configDir: string): Promise<SavedAddress | undefined> {
  let text: string | undefined;
  try {
    text = await readFileIfExists(path.join(configDir, SAVED_ADDRESS_FILE));
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  try {
    const { port, token } = JSON.parse(text) as Partial<SavedAddress>;
    if (!Number.isInteger(port) || (port as number) < 1 || (port as number) > 65535) return undefined;
    if (!isToken(token)) return undefined;
    return { port: port as number, token };
  } catch {
    return undefined;
  }
}

export async function saveAddress(configDir: string, address: SavedAddress): Promise<void> {
  await writeFileAtomic(path.join(configDir, SAVED_ADDRESS_FILE), `${JSON.stringify(address, null, 2)}\n`);
}

/** At least 16 URL-safe characters: what the server's random tokens are made of. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(value);
}
