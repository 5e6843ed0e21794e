import type { Keychain } from '../../../../../src-main/core/secrets/keychain';

/** An in-memory stand-in for the OS keychain, for tests about something else (the real one has its own tests). */
export class MemoryKeychain implements Keychain {
  readonly entries = new Map<string, string>();
  async getPassword(service: string, account: string): Promise<string | null> {
    return this.entries.get(`${service}/${account}`) ?? null;
  }
  async findCredentials(service: string): Promise<{ account: string; password: string }[]> {
    return [...this.entries].flatMap(([k, password]) => (k.startsWith(`${service}/`) ? [{ account: k.slice(service.length + 1), password }] : []));
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.entries.set(`${service}/${account}`, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    return this.entries.delete(`${service}/${account}`);
  }
}
