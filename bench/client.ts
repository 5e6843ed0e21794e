/**
 * Client throughput on loopback against motif-sim in its own process (so client and rig
 * do not share an event loop). Prints figures; asserts nothing.
 *   npx tsx bench/client.ts [--seconds 2] [--rounds 3] [--rigs 50] [--latency 20] [--ec]
 * (1) pooled MotifClient, sequential calls   (2) a new TLS connection per call, as the vendor client
 * (3) bare keep-alive loop with node:https   (4) one command fanned out to N rigs with added latency
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { generate } from 'selfsigned';
import { fanOut } from '../src-main/core/motif-api/fan-out';
import { MotifClient } from '../src-main/core/motif-api/motif-client';
import type { RigTrust } from '../src-main/core/motif-api/tls-trust';

interface RigLine {
  host: string;
  port: number;
  apiKey: string;
  certPath: string;
  fingerprint256: string;
}

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 2);
const FLEET = arg('rigs', 50);
const LATENCY_MS = arg('latency', 20);
const ROUNDS = arg('rounds', 3);

/** Start motif-sim as a child process and read its one JSON line per rig. */
async function startSim(extra: string[], rigs: number): Promise<{ rigs: RigLine[]; child: ChildProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motif-bench-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/sim/motif-sim.ts', '--port', '0', '--rigs', String(rigs), '--cameras', '1', '--no-streams', '--data-dir', dataDir, ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: RigLine[] = [];
  for await (const line of createInterface({ input: child.stdout! })) {
    lines.push(JSON.parse(line) as RigLine);
    if (lines.length === rigs) break;
  }
  return { rigs: lines, child };
}

function stopSim(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Calls per second of `once` run back to back for SECONDS, after half a second of warm-up (JIT, connection). */
async function rate(once: () => Promise<unknown>): Promise<number> {
  const run = async (ms: number): Promise<number> => {
    let calls = 0;
    const started = performance.now();
    while (performance.now() - started < ms) {
      await once();
      calls++;
    }
    return calls / ((performance.now() - started) / 1000);
  };
  await run(500);
  return run(SECONDS * 1000);
}

const pinned = (rig: RigLine): RigTrust => ({ kind: 'fingerprint', fingerprint256: rig.fingerprint256 });
const clientFor = (rig: RigLine, connections = 4, trust: RigTrust = pinned(rig)) =>
  new MotifClient({ host: rig.host, port: rig.port, apiKey: rig.apiKey, trust, connections });

function bareHttpsLoop(rig: RigLine): () => Promise<unknown> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: readFileSync(rig.certPath), checkServerIdentity: () => undefined });
  return () =>
    new Promise((resolve, reject) => {
      const req = https.request(
        { host: rig.host, port: rig.port, path: '/api/1/cameras', method: 'GET', agent, headers: { 'X-Api-Key': rig.apiKey, 'Content-Type': 'application/json' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve(JSON.parse(body)));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 1);

/**
 * The vendor's server.crt is a self-signed RSA-2048 certificate; motif-sim generates EC P-256,
 * whose handshakes cost less. Serve an RSA-2048 one so (2) pays what a real rig charges.
 */
async function vendorLikeCertificate(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'motif-bench-rsa-'));
  const pems = await generate([{ name: 'organizationName', value: 'loopbio gmbh' }], { keyType: 'rsa', keySize: 2048, algorithm: 'sha256' });
  writeFileSync(join(dir, 'server.crt'), pems.cert);
  writeFileSync(join(dir, 'server.key'), pems.private);
  return ['--cert', join(dir, 'server.crt'), '--key', join(dir, 'server.key')];
}

async function main(): Promise<void> {
  const certKind = process.argv.includes('--ec') ? 'EC P-256 (motif-sim default)' : 'RSA-2048 (as the vendor server.crt)';
  const single = await startSim(process.argv.includes('--ec') ? [] : await vendorLikeCertificate(), 1);
  const rig = single.rigs[0]!;
  const caPem = readFileSync(rig.certPath);
  const pooledRates: number[] = [];
  const perCallRates: number[] = [];
  const bareRates: number[] = [];
  try {
    // Rounds interleave the three loops so background load on the machine hits each alike.
    for (let round = 0; round < ROUNDS; round++) {
      const pooled = clientFor(rig);
      pooledRates.push(await rate(() => pooled.invoke('cameras')));
      await pooled.destroy();
      perCallRates.push(
        await rate(async () => {
          // The vendor client's way: a fresh TCP + TLS connection for every call, verified against server.crt.
          const fresh = clientFor(rig, 1, { kind: 'ca', caPem: caPem });
          try {
            return await fresh.invoke('cameras');
          } finally {
            await fresh.destroy();
          }
        }),
      );
      bareRates.push(await rate(bareHttpsLoop(rig)));
    }
  } finally {
    await stopSim(single.child);
  }
  const pooledRate = median(pooledRates);
  const perCallRate = median(perCallRates);
  const bareRate = median(bareRates);

  console.log(`Sequential GET cameras on loopback, median of ${ROUNDS} rounds of ${SECONDS} s, rig certificate ${certKind}:`);
  console.log(`  (1) pooled MotifClient (keep-alive)      ${fmt(pooledRate)} calls/s`);
  console.log(`  (2) new TLS connection per call          ${fmt(perCallRate)} calls/s   (vendor Python client: about 24 calls/s here)`);
  console.log(`  (3) bare node:https keep-alive loop      ${fmt(bareRate)} calls/s`);
  console.log(`  (1)/(2) = ${fmt(pooledRate / perCallRate)}x   (target >= 10x)`);
  console.log(`  (1)/(3) = ${(pooledRate / bareRate).toFixed(2)}x   (target >= 0.7x)`);

  const fleet = await startSim(['--fault', `latency=${LATENCY_MS}`], FLEET);
  try {
    const clients = fleet.rigs.map((r) => clientFor(r));
    await Promise.all(clients.map((c) => c.invoke('version'))); // connections open, as in a running app
    const one: number[] = [];
    const all: number[] = [];
    let failures = 0;
    for (let round = 0; round < 7; round++) {
      let t = performance.now();
      await clients[0]!.invoke('experiment.message', {}, { message: `bench round ${round}` });
      one.push(performance.now() - t);
      t = performance.now();
      const results = await fanOut(clients, (c) => c.invoke('experiment.message', {}, { message: `bench round ${round}` }));
      all.push(performance.now() - t);
      failures += results.filter((r) => !r.ok).length;
    }
    // Cold: fresh clients, so every rig also needs its TLS handshake.
    const cold = fleet.rigs.map((r) => clientFor(r));
    const t = performance.now();
    const coldResults = await fanOut(cold, (c) => c.invoke('recording.start', {}, { codec: 'high', duration: 1 }));
    const coldMs = performance.now() - t;
    failures += coldResults.filter((r) => !r.ok).length;
    await Promise.all([...clients, ...cold].map((c) => c.destroy()));

    console.log(`\nOne command fanned out to ${FLEET} rigs, each with ${LATENCY_MS} ms added latency (median of 7):`);
    console.log(`  one call to one rig                      ${median(one).toFixed(1)} ms`);
    console.log(`  fan-out to ${FLEET} rigs                      ${median(all).toFixed(1)} ms   = ${(median(all) / median(one)).toFixed(2)}x one call (target < 2x)`);
    console.log(`  cold fan-out (new TLS connections)       ${coldMs.toFixed(1)} ms   (recording/start)`);
    if (failures > 0) console.log(`  failed calls: ${failures}`);
    // Figures move with other work on the machine; say how busy it was.
    console.log(`\n${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (client and motif-sim in separate processes)`);
  } finally {
    await stopSim(fleet.child);
  }
}

await main();
