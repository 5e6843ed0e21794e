import type { Command } from 'commander';
import { fetchPeerCertificate, normalizeFingerprint } from '../../core/motif-api/fingerprint';
import { EXIT, formatJson, reportFailure, type CommandContext } from './command-context';
import { resolveRigAddress, type ConnectionFlags } from './connection-flags';

/** `motifctl trust`: read a rig's certificate without trusting it, to pin on first use. */
export function registerTrustCommand(program: Command, ctx: CommandContext): void {
  program
    .command('trust')
    .description("show the rig's certificate and its SHA-256 fingerprint; check it against --fingerprint")
    .option('--rig <name>', 'a rig from the rig list (env MOTIF_RIG)')
    .option('--host <host>', 'rig address (env MOTIF_HOST, default 127.0.0.1)')
    .option('--port <port>', 'rig HTTPS port (env MOTIF_PORT, default 6083)')
    .option('--timeout <seconds>', 'connect timeout in seconds (default 10)')
    .option('--fingerprint <sha256>', 'the fingerprint you expect; exit code 4 if the rig shows another')
    .option('--pin', 'print only the fingerprint, ready for --fingerprint or MOTIF_FINGERPRINT')
    .addHelpText(
      'after',
      '\nCompare the fingerprint with the one shown on the rig itself before pinning it:\n' +
        'anyone on the network could answer in its place the first time.',
    )
    .action(async (flags: ConnectionFlags & { pin?: boolean }) => {
      try {
        const { host, port, timeoutMs } = resolveRigAddress(flags, ctx.io.env);
        const expected = flags.fingerprint === undefined ? undefined : normalizeFingerprint(flags.fingerprint);
        const cert = await fetchPeerCertificate(host, port, timeoutMs);
        const { pem: _pem, ...shown } = cert;
        if (flags.pin) ctx.io.out(`${cert.fingerprint256}\n`);
        else ctx.io.out(formatJson(expected === undefined ? shown : { ...shown, matchesExpected: expected === cert.fingerprint256 }));
        if (expected !== undefined && expected !== cert.fingerprint256) {
          ctx.io.err(
            `motifctl: the rig at ${host}:${port} shows fingerprint ${cert.fingerprint256}, not the expected ${expected}: ` +
              `this may be another machine posing as the rig. [tls-fingerprint-changed]\n`,
          );
          ctx.exitCode = EXIT.trust;
          return;
        }
        ctx.exitCode = EXIT.ok;
      } catch (e) {
        reportFailure(ctx, e);
      }
    });
}
