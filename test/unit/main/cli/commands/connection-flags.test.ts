import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConnectionOptions, resolveRigAddress } from '../../../../../src-main/cli/commands/connection-flags';

const FP = 'AF:EC:31:5F:EE:59:67:1D:5B:BF:ED:5A:F5:72:D4:60:7A:BE:34:DD:AC:77:9B:EB:F5:B1:5B:10:10:EA:EC:0D';

describe('resolveConnectionOptions', () => {
  it("defaults like the vendor client: MOTIF_HOST 127.0.0.1, MOTIF_PORT 6083, 10 s", () => {
    const o = resolveConnectionOptions({}, { MOTIF_API_KEY: 'k1' });
    expect(o).toMatchObject({ host: '127.0.0.1', port: 6083, apiKey: 'k1', trust: { kind: 'system' } });
    expect(resolveRigAddress({}, {}).timeoutMs).toBe(10_000);
  });

  it('takes the environment, and flags over the environment', () => {
    const env = { MOTIF_HOST: '10.0.0.9', MOTIF_PORT: '7000', MOTIF_API_KEY: 'envkey', MOTIF_FINGERPRINT: FP.toLowerCase() };
    expect(resolveConnectionOptions({}, env)).toMatchObject({
      host: '10.0.0.9',
      port: 7000,
      apiKey: 'envkey',
      trust: { kind: 'fingerprint', fingerprint256: FP },
    });
    expect(
      resolveConnectionOptions({ host: 'rig-3', port: '6090', apiKey: 'flagkey', fingerprint: FP.replace(/:/g, ''), timeout: '2.5' }, env),
    ).toMatchObject({ host: 'rig-3', port: 6090, apiKey: 'flagkey', connectTimeoutMs: 2500, responseTimeoutMs: 2500 });
  });

  it('reads a CA file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'motif-ca-')), 'server.crt');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\n');
    const o = resolveConnectionOptions({ ca: file, apiKey: 'k' }, {});
    expect(o.trust.kind).toBe('ca');
  });

  it('refuses missing keys, bad ports, bad timeouts, bad fingerprints and two trusts at once', () => {
    expect(() => resolveConnectionOptions({}, {})).toThrow(/No API key.*MOTIF_API_KEY/);
    expect(() => resolveConnectionOptions({ apiKey: 'k', port: '70000' }, {})).toThrow(/Port "70000"/);
    expect(() => resolveConnectionOptions({ apiKey: 'k', timeout: '0' }, {})).toThrow(/Timeout "0"/);
    expect(() => resolveConnectionOptions({ apiKey: 'k', fingerprint: 'abc' }, {})).toThrow(/64 hexadecimal/);
    expect(() => resolveConnectionOptions({ apiKey: 'k', fingerprint: FP, ca: '/x.crt' }, {})).toThrow(/not both/);
    expect(() => resolveConnectionOptions({ apiKey: 'k', ca: '/no/such/server.crt' }, {})).toThrow(/Cannot read the CA file/);
  });
});
