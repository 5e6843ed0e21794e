/**
 * Cost of the status monitor: 50 simulated rigs x 4 cameras polled every second for ~20 s.
 * The simulator runs in a child process so only the monitor's CPU and memory are measured.
 * Prints the total and the cost of one read (CPU per request); `--profile` adds where that CPU
 * goes (the busiest functions of a V8 CPU profile of the measured span; profiling costs CPU
 * itself, so take the figures from a run without it).
 * `--watched N` rigs are on screen (read every second, as a window showing them asks); the
 * others are idle and read every 5 s.
 * Then a slow rig: how soon a start reaches a rig whose status reads take 4 s (and another).
 *   npx tsx bench/monitor.ts [--rigs 50] [--cameras 4] [--seconds 20] [--watched 20] [--profile]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { topSelfTime, type CpuProfile } from './cpu-profile';
import { MotifClient } from '../src-main/core/motif-api/motif-client';
import type { CallOptions } from '../src-main/core/motif-api/rig-endpoints';
import type { WireValue } from '../src-main/core/python-json';
import { StatusMonitor } from '../src-main/core/status/status-monitor';
import { startSimulatedRigs, type SimRigInfo } from '../src-main/sim';

const WARM_UP_MS = 4000;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Child: the simulated fleet, reporting its rigs to the parent. */
async function simulator(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motif-bench-sim-'));
  const fleet = await startSimulatedRigs({ rigs: flag('rigs', 50), cameras: flag('cameras', 4), port: 0, streams: false, dataDir });
  process.send!({ rigs: fleet.rigs.map((r) => r.info) });
  // The parent makes a rig slow and asks when commands reached a rig.
  process.on('message', (m: { fault?: { rig: number; spec: string }; startsOf?: number }) => {
    if (m.fault) fleet.rigs[m.fault.rig]!.setFault(m.fault.spec);
    if (m.startsOf !== undefined) {
      const at = fleet.rigs[m.startsOf]!.events().filter((e) => e.endpoint === 'recording/start').map((e) => e.at);
      process.send!({ startsOf: m.startsOf, at });
    }
  });
  process.on('disconnect', () => {
    void fleet.stop().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

/** Counts requests: the monitor's cost per request is what the figures explain. */
class CountingClient extends MotifClient {
  static calls = 0;
  override call(path: string, args?: object, options?: CallOptions): Promise<WireValue> {
    CountingClient.calls += 1;
    return super.call(path, args, options);
  }
}

async function main(): Promise<void> {
  const seconds = flag('seconds', 20);
  const child = fork(fileURLToPath(import.meta.url), ['--simulator', ...process.argv.slice(2)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const infos = await new Promise<SimRigInfo[]>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { rigs: SimRigInfo[] }).rigs));
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  const clients = new Map(
    infos.map((info, i) => [
      `rig-${i}`,
      new CountingClient({ host: info.host, port: info.port, apiKey: info.apiKey, trust: { kind: 'fingerprint', fingerprint256: info.fingerprint256 } }),
    ]),
  );
  const rigs = { list: () => infos.map((_, i) => ({ id: `rig-${i}`, name: `Rig ${i}` })), onChange: () => () => {} };
  const cacheDir = mkdtempSync(join(tmpdir(), 'motif-bench-config-'));
  const monitor = new StatusMonitor({ rigs, clientFor: async (id) => clients.get(id)!, cacheDir, intervalMs: 1000 });
  let events = 0;
  monitor.onStatus(() => events++);
  await monitor.start();
  const watched = Array.from({ length: Math.min(flag('watched', 20), infos.length) }, (_, i) => `rig-${i}`);
  // As a window renews its lease on the rigs it shows.
  const watching = setInterval(() => monitor.watch(watched, 10_000), 2500);
  monitor.watch(watched, 10_000);
  // TLS handshakes and first reads, then a few idle polls so connections are as they stay.
  const onlineNow = () => monitor.list().filter((s) => s.state === 'online').length;
  const warmUntil = performance.now() + 30_000;
  while (onlineNow() < infos.length && performance.now() < warmUntil) await new Promise((r) => setTimeout(r, 250));
  await new Promise((r) => setTimeout(r, WARM_UP_MS));
  const online = onlineNow();
  let connections = 0;
  subscribe('undici:client:connected', () => connections++);

  const profiler = process.argv.includes('--profile') ? new Session() : null;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const calls0 = CountingClient.calls;
  const connections0 = connections;
  const events0 = events;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  clearInterval(sampler);
  clearInterval(watching);
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - wall0;
  const reads = CountingClient.calls - calls0;
  const profile = profiler ? ((await profiler.post('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  const mem = process.memoryUsage();

  const cpuPercent = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(`rigs ${infos.length} x ${infos[0]?.serials.length ?? 0} cameras, online ${online}, ${watched.length} on screen (read every second), the others idle (every 5 s, or sooner to keep their connection); measured ${(wallMs / 1000).toFixed(1)} s`);
  console.log(`requests ${(reads / (wallMs / 1000)).toFixed(1)}/s, new TLS connections ${((connections - connections0) / (wallMs / 1000)).toFixed(1)}/s, rig.status changes ${events - events0}`);
  console.log(`monitor CPU ${cpuPercent.toFixed(2)} % of one core (user ${(cpu.user / 1000).toFixed(0)} ms, system ${(cpu.system / 1000).toFixed(0)} ms)`);
  console.log(`per read ${reads > 0 ? ((cpu.user + cpu.system) / reads).toFixed(0) : '-'} us of CPU (all the monitor's work divided by the requests it sent)`);
  if (profile) console.log(`where the CPU went (self time, share of the measured span):\n${topSelfTime(profile, 25).join('\n')}`);
  console.log(`memory RSS ${mb(mem.rss)} (peak ${mb(Math.max(peakRss, mem.rss))}), heap used ${mb(mem.heapUsed)} of ${mb(mem.heapTotal)}`);

  await slowRig(child, clients, monitor);

  await monitor.stop();
  await Promise.all([...clients.values()].map((c) => c.destroy()));
  rmSync(cacheDir, { recursive: true, force: true });
  child.disconnect();
}

/**
 * A slow rig delays nobody: rig 0 answers status reads after 4 s and is watched (read at the
 * quick pace, so reads to it are always under way); a start sent to it and to rig 1 at once
 * must reach each rig at once, not after the reads.
 */
async function slowRig(child: ChildProcess, clients: Map<string, MotifClient>, monitor: StatusMonitor): Promise<void> {
  const ask = (message: object) => child.send(message);
  ask({ fault: { rig: 0, spec: 'latency=4000@^camera/' } });
  monitor.watch(['rig-0', 'rig-1'], 30_000);
  await new Promise((r) => setTimeout(r, 6000)); // slow reads under way
  const sentAt = Date.now();
  const [slow, quick] = await Promise.allSettled(['rig-0', 'rig-1'].map((id) => clients.get(id)!.invoke('recording.start', {}, {})));
  const answeredMs = Date.now() - sentAt;
  const startsOf = (rig: number) =>
    new Promise<number[]>((resolve) => {
      const onMessage = (m: { startsOf?: number; at?: number[] }) => {
        if (m.startsOf !== rig) return;
        child.off('message', onMessage);
        resolve(m.at ?? []);
      };
      child.on('message', onMessage);
      ask({ startsOf: rig });
    });
  const reached = async (rig: number) => {
    const at = (await startsOf(rig)).filter((t) => t >= sentAt);
    return at.length > 0 ? `${at[0]! - sentAt} ms` : 'never';
  };
  console.log(
    `slow rig (status reads take 4 s, under way): a start sent to it reached it after ${await reached(0)}, one sent to another rig at the same moment after ${await reached(1)}; both answered within ${answeredMs} ms (${[slow, quick].every((r) => r?.status === 'fulfilled') ? 'both started' : 'a start failed'})`,
  );
  await Promise.allSettled(['rig-0', 'rig-1'].map((id) => clients.get(id)!.invoke('recording.stop', {}, {})));
}

if (process.argv.includes('--simulator')) void simulator();
else void main();
