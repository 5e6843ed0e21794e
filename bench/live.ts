/**
 * Live view figures, end to end in browser mode.
 *  1. One camera at 1280x1024 mono8, 100 fps, shown in Chromium: frames received and shown
 *     per second, dropped, latency (frame time to paint), CPU of the main process (browser
 *     mode) and of the page's renderer, memory at the start and the end.
 *  2. A wall of 16 cameras (4 rigs x 4, 640x480 mono8 at 30 fps) at 2 fps each: the same CPU figures.
 * Both print the main process's major (and minor) garbage collections per minute, over all its
 * isolates (the stream worker's too), counted from its `--trace-gc` lines.
 * The simulators run in child processes at the lowest priority, so only the app and the page
 * are measured and they get the CPU first, as they would with the rigs on their own machines.
 *   bash scripts/with-keyring.sh npx tsx bench/live.ts [--seconds 60] [--wall-seconds 20] [--only single|wall] [--profile]
 * After the page, a Node WebSocket client takes the same frames for 15 s: the app's own latency,
 * without a browser.
 * `--profile` also prints where the main process and the page spent their time (V8 CPU
 * profiles, kept in test-results/); profiling costs CPU itself, so take figures from a run without it.
 * Needs `npm run build` first.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { topSelfTime, type CpuProfile } from './cpu-profile';
import { GcTally, type GcCounts } from './gc-trace';
import { nodeClientRun } from './live-node-client';
import type { FloorOrder } from './live-transport-floor';
import { openRigs } from '../src-main/core/registry/open-rigs';
import { startSimulatedRigs, type SimOptions, type SimRigInfo } from '../src-main/sim';

const CLOCK_TICKS = 100; // USER_HZ on Linux

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Child: one simulated fleet, reporting its rigs to the parent. */
async function simulator(options: SimOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motif-bench-sim-'));
  const fleet = await startSimulatedRigs({ ...options, port: 0, dataDir });
  const images = fleet.rigs.flatMap((r) => Object.values(r.state.cameras).flatMap((c) => (c.streamEndpoints ? [c.streamEndpoints.image] : [])));
  process.send!({ rigs: fleet.rigs.map((r) => r.info), images });
  process.on('disconnect', () => {
    void fleet.stop().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

async function startSimulator(options: SimOptions): Promise<{ rigs: SimRigInfo[]; images: string[]; child: ChildProcess }> {
  const child = fork(fileURLToPath(import.meta.url), ['--simulator', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // A rig is its own machine: here its stand-in yields the CPU to the app and the page it feeds.
  setPriority(child.pid!, 19);
  const { rigs, images } = await new Promise<{ rigs: SimRigInfo[]; images: string[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { rigs: SimRigInfo[]; images: string[] }));
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return { rigs, images, child };
}

/** A config folder holding the rigs, and browser mode serving it. */
async function startApp(rigs: SimRigInfo[], profileDir?: string): Promise<{ url: string; pid: number; gcs: GcTally; stop(): Promise<void> }> {
  const configDir = mkdtempSync(join(tmpdir(), 'motif-bench-config-'));
  const registry = openRigs({ configDir });
  for (const [i, info] of rigs.entries()) {
    const saved = registry.registry.add({ name: `Bench rig ${i + 1}`, host: info.host, port: info.port, trust: { kind: 'fingerprint', sha256: info.fingerprint256 } });
    await registry.secrets.setKey(saved.id, info.apiKey);
  }
  await registry.close();
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profiling, '--trace-gc', 'dist/browser/browser-mode.js', '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MOTIF_CONTROL_CONFIG_DIR: configDir, NODE_ENV: 'production' },
  });
  const gcs = new GcTally();
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      gcs.line(line);
      const m = /open (http:\/\/\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
  });
  return {
    url,
    pid: child.pid!,
    gcs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(configDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** The wall's transport alone, in a child process (see live-transport-floor.ts). */
function transportFloor(order: FloorOrder): Promise<{ cpuShare: number; previewsPerSecond: number }> {
  const child = fork(fileURLToPath(new URL('./live-transport-floor.ts', import.meta.url)), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send(order);
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as { cpuShare: number; previewsPerSecond: number }));
    child.once('exit', (code) => reject(new Error(`the transport floor exited (${code}) without figures`)));
  });
}

/** CPU seconds (user + system) and resident memory of one process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { cpu, rssMb: rssKb / 1024 };
  } catch {
    return { cpu: 0, rssMb: 0 };
  }
}

/** CPU seconds of each thread of a process, summed by thread name (node's main thread, ZMQbg/IO, V8 workers ...). */
function threadUsage(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        byName.set(name, (byName.get(name) ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    // the process ended
  }
  return byName;
}

/** Share of one core per thread name between two readings, largest first. */
function threadShares(before: Map<string, number>, after: Map<string, number>, seconds: number): string {
  return [...after]
    .map(([name, cpu]) => [name, (cpu - (before.get(name) ?? 0)) / seconds] as const)
    .filter(([, share]) => share >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([name, share]) => `${name} ${fmt(share * 100)} %`)
    .join(', ');
}

/** Chromium's renderer processes (where the page's script runs), or its GPU process (where WebGL draws). */
function rendererPids(type = 'renderer'): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(`--type=${type}`) && cmd.includes('motif-bench-profile')) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const sum = (pids: number[]) => pids.map(usage).reduce((a, b) => ({ cpu: a.cpu + b.cpu, rssMb: a.rssMb + b.rssMb }), { cpu: 0, rssMb: 0 });

interface Sample {
  shown: number;
  received: number;
  dropped: number;
  latency: number;
  /** Where the latency went: rig to app, app to window, window to screen. */
  stages: [number, number, number];
}

async function sampleView(page: Page): Promise<Sample | null> {
  const view = page.getByTestId('live-view');
  const [shown, received, dropped, latency, rig, app, window] = await Promise.all(
    ['data-shown-fps', 'data-received-fps', 'data-dropped-fps', 'data-latency-ms', 'data-latency-rig-ms', 'data-latency-app-ms', 'data-latency-window-ms'].map((a) => view.getAttribute(a)),
  );
  if (!shown || !latency) return null;
  // An empty stage (no frame time from the stream) stays out of the medians, not a 0.
  const ms = (v: string | null | undefined) => (v ? Number(v) : NaN);
  return { shown: Number(shown), received: Number(received), dropped: Number(dropped), latency: Number(latency), stages: [ms(rig), ms(app), ms(window)] };
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

/** Measures main and renderer CPU (share of one core), memory and the main process's collections over `seconds`, calling `each` every second. */
async function measure(main: { pid: number; gcs: GcTally }, simPid: number, seconds: number, each: () => Promise<void>) {
  const mainPid = main.pid;
  const gc0 = main.gcs.snapshot();
  const renderers = rendererPids();
  const gpu = rendererPids('gpu-process');
  const m0 = usage(mainPid);
  const r0 = sum(renderers);
  const g0 = sum(gpu);
  const s0 = usage(simPid);
  const t0 = threadUsage(mainPid);
  const started = Date.now();
  const memory: { main: number; renderer: number }[] = [];
  for (let s = 0; s < seconds; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    await each();
    memory.push({ main: usage(mainPid).rssMb, renderer: sum(renderers).rssMb });
  }
  const elapsed = (Date.now() - started) / 1000;
  const m1 = usage(mainPid);
  const r1 = sum(renderers);
  const g1 = sum(gpu);
  const s1 = usage(simPid);
  const mainThreads = threadShares(t0, threadUsage(mainPid), elapsed);
  const gc1 = main.gcs.snapshot();
  const perMinute = (key: keyof GcCounts) => ((gc1[key] - gc0[key]) / elapsed) * 60;
  const gcsPerMinute = { major: perMinute('major'), minor: perMinute('minor'), majorMain: perMinute('majorMain'), majorOthers: perMinute('majorOthers') };
  return { mainThreads, gcsPerMinute, mainCpu: (m1.cpu - m0.cpu) / elapsed, rendererCpu: (r1.cpu - r0.cpu) / elapsed, gpuCpu: (g1.cpu - g0.cpu) / elapsed, simCpu: (s1.cpu - s0.cpu) / elapsed, memory };
}

const gcLine = (perMinute: GcCounts) =>
  `main process garbage collections: ${fmt(perMinute.major)} major/min (main thread ${fmt(perMinute.majorMain)}, ` +
  `stream worker ${fmt(perMinute.majorOthers)}), ${fmt(perMinute.minor)} minor/min`;

/** Starts the page's V8 profiler; the function returned stops it, keeps the profile and prints its busiest functions. */
async function startPageProfile(page: Page): Promise<(file: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  return async (file) => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    writeFileSync(file, JSON.stringify(profile));
    console.log("  the page's busiest functions (self time, share of the run):");
    for (const line of topSelfTime(profile as CpuProfile)) console.log(`    ${line}`);
  };
}

/** Prints, then moves aside, the main process's profiles written since the last call. */
function printMainProfiles(dir: string): void {
  for (const file of readdirSync(dir).filter((f) => f.startsWith('CPU.'))) {
    console.log(`  the main process's busiest functions (self time, share of its life), ${file}:`);
    for (const line of topSelfTime(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile)) console.log(`    ${line}`);
    renameSync(join(dir, file), join(dir, `main-${file.slice(4)}`));
  }
}

const fmt = (n: number, d = 1) => n.toFixed(d);
const memLine = (memory: { main: number; renderer: number }[]) => {
  const first = memory[0]!;
  const last = memory[memory.length - 1]!;
  const peakMain = Math.max(...memory.map((m) => m.main));
  return `memory: main ${fmt(first.main, 0)} -> ${fmt(last.main, 0)} MB (peak ${fmt(peakMain, 0)}), renderer ${fmt(first.renderer, 0)} -> ${fmt(last.renderer, 0)} MB`;
};

async function main(): Promise<void> {
  const seconds = flag('seconds', 60);
  // The figures mean little on a busy machine: say how busy it was.
  console.log(`load average at the start: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (1, 5, 15 min)`);
  const wallSeconds = flag('wall-seconds', 20);
  const profile = mkdtempSync(join(tmpdir(), 'motif-bench-profile-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox'],
    viewport: { width: 1600, height: 1200 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  // What reaches the page: binary messages are frames (pixels), text ones the rest. Counted in
  // the page: Playwright's own WebSocket events would copy every frame out through the
  // DevTools protocol as base64, loading the machine being measured.
  await browser.addInitScript(() => {
    const counts = { binary: 0, bytes: 0 };
    Object.assign(globalThis, { __benchWs: counts });
    const Base = WebSocket;
    globalThis.WebSocket = class extends Base {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        this.addEventListener('message', (e: MessageEvent) => {
          if (e.data instanceof ArrayBuffer) {
            counts.binary += 1;
            counts.bytes += e.data.byteLength;
          }
        });
      }
    };
  });
  const wsCounts = () => page.evaluate(() => (globalThis as unknown as { __benchWs: { binary: number; bytes: number } }).__benchWs);
  const cpuProfiles = process.argv.includes('--profile') ? 'test-results/bench-live-profile' : undefined;
  if (cpuProfiles) {
    rmSync(cpuProfiles, { recursive: true, force: true });
    mkdirSync(cpuProfiles, { recursive: true });
  }
  try {
    const only = process.argv[process.argv.indexOf('--only') + 1];
    // 1. One camera, 1280x1024 mono8 at 100 fps.
    if (only !== 'wall') {
      const single = await startSimulator({ rigs: 1, cameras: 1, fps: 100, frame: { width: 1280, height: 1024, pixelFormat: 'mono8' } });
      const app = await startApp(single.rigs, cpuProfiles);
      try {
        await page.goto(app.url);
        await page.getByRole('navigation', { name: 'Areas' }).getByText('Bench rig 1', { exact: true }).click();
        await page.getByRole('tab', { name: 'Live' }).click();
        await until(async () => Number((await page.getByTestId('live-view').getAttribute('data-frame-number')) || 0) > 0, 60_000).catch(async (e: unknown) => {
          await page.screenshot({ path: 'test-results/bench-live-not-ready.png' });
          throw e;
        });
        await new Promise((r) => setTimeout(r, 3000)); // warm up
        const samples: Sample[] = [];
        const ws0 = await wsCounts();
        const stopPageProfile = cpuProfiles ? await startPageProfile(page) : null;
        const figures = await measure(app, single.child.pid!, seconds, async () => {
          const s = await sampleView(page);
          if (s) samples.push(s);
        });
        const ws = await wsCounts();
        console.log(`Live view, 1 camera 1280x1024 mono8 at 100 fps, ${seconds} s (Chromium headless, software WebGL2):`);
        console.log(`  frames/s: received ${fmt(mean(samples.map((s) => s.received)))}, shown ${fmt(mean(samples.map((s) => s.shown)))}, dropped ${fmt(mean(samples.map((s) => s.dropped)))}`);
        console.log(`  binary WebSocket messages to the page: ${fmt((ws.binary - ws0.binary) / seconds)}/s, ${fmt((ws.bytes - ws0.bytes) / seconds / 1e6)} MB/s`);
        console.log(`  latency frame time -> paint: median ${fmt(pct(samples.map((s) => s.latency), 50), 0)} ms, p95 ${fmt(pct(samples.map((s) => s.latency), 95), 0)} ms`);
        const stage = (i: number) => `median ${fmt(pct(samples.map((s) => s.stages[i]!).filter((v) => !Number.isNaN(v)), 50), 0)} ms`;
        console.log(`    rig -> app ${stage(0)}, app -> window ${stage(1)}, window -> screen ${stage(2)}`);
        console.log(`  CPU (share of one core): main process ${fmt(figures.mainCpu * 100)} %, renderer ${fmt(figures.rendererCpu * 100)} %, Chromium GPU process ${fmt(figures.gpuCpu * 100)} %; the simulator ${fmt(figures.simCpu * 100)} %`);
        console.log(`  main process by thread: ${figures.mainThreads}`);
        console.log(`  ${gcLine(figures.gcsPerMinute)}`);
        console.log(`  ${memLine(figures.memory)}`);
        if (stopPageProfile && cpuProfiles) await stopPageProfile(join(cpuProfiles, 'page-single.cpuprofile'));
        // The app alone: the same frames to a Node client, the page closed.
        const binnedTo = Number(await page.getByTestId('live-canvas').evaluate((c: { width: number }) => c.width));
        await page.goto('about:blank');
        const alone = await nodeClientRun(app.url, single.rigs[0]!.serials[0]!, binnedTo, 15);
        console.log(`  the app alone (a Node WebSocket client, frames binned to ${binnedTo} px as for the page, 15 s): ${fmt(alone.framesPerSecond)} frames/s, latency frame time -> arrival median ${fmt(pct(alone.latencies, 50), 0)} ms, p95 ${fmt(pct(alone.latencies, 95), 0)} ms`);
      } finally {
        await page.goto('about:blank');
        await app.stop();
        single.child.disconnect();
      }
      if (cpuProfiles) printMainProfiles(cpuProfiles);

    }
    // 2. The wall: 16 cameras at 2 fps each.
    if (only !== 'single') {
      const fleet = await startSimulator({ rigs: 4, cameras: 4, fps: 30, frame: { width: 640, height: 480, pixelFormat: 'mono8' } });
      const wallApp = await startApp(fleet.rigs, cpuProfiles);
      try {
        await page.goto(wallApp.url);
        // The same app and page without the wall (polling 4 rigs, the dashboard), to tell what the wall adds.
        await page.getByText('Bench rig 4').first().waitFor();
        await new Promise((r) => setTimeout(r, 3000));
        const idle = await measure(wallApp, fleet.child.pid!, wallSeconds, async () => {});
        await page.getByRole('navigation', { name: 'Areas' }).getByText('Wall of cameras', { exact: true }).click();
        const tiles = page.getByTestId('wall-tile');
        await until(async () => {
          const numbers = await Promise.all((await tiles.all()).map((t) => t.getAttribute('data-frame-number')));
          return numbers.filter((n) => Number(n || 0) > 0).length === 16;
        }, 30_000);
        await new Promise((r) => setTimeout(r, 2000));
        const stopWallProfile = cpuProfiles ? await startPageProfile(page) : null;
        const figures = await measure(wallApp, fleet.child.pid!, wallSeconds, async () => {});
        console.log(`Wall of 16 cameras (640x480 mono8 at 30 fps, previews at 2 fps), ${wallSeconds} s:`);
        console.log(`  CPU (share of one core): main process ${fmt(figures.mainCpu * 100)} %, renderer ${fmt(figures.rendererCpu * 100)} %, Chromium GPU process ${fmt(figures.gpuCpu * 100)} %; the simulator ${fmt(figures.simCpu * 100)} %`);
        console.log(`  main process by thread: ${figures.mainThreads}`);
        console.log(`  ${gcLine(figures.gcsPerMinute)}`);
        console.log(`  the same app on its dashboard, no wall: main process ${fmt(idle.mainCpu * 100)} %, renderer ${fmt(idle.rendererCpu * 100)} %; ${gcLine(idle.gcsPerMinute)}`);
        console.log(`  what the wall adds: main process ${fmt((figures.mainCpu - idle.mainCpu) * 100)} %, renderer ${fmt((figures.rendererCpu - idle.rendererCpu) * 100)} %`);
        if (stopWallProfile && cpuProfiles) await stopWallProfile(join(cpuProfiles, 'page-wall.cpuprofile'));
        console.log(`  ${memLine(figures.memory)}`);
        await page.goto('about:blank');
        const floor = await transportFloor({ images: fleet.images, intervalMs: 500, seconds: wallSeconds });
        console.log(
          `  ZeroMQ alone taking the same previews (connect, one frame, close; nothing else): ${fmt(floor.cpuShare * 100)} % of a core, ${fmt(floor.previewsPerSecond)} previews/s: the floor on this machine`,
        );
      } finally {
        await page.goto('about:blank');
        await wallApp.stop();
        fleet.child.disconnect();
      }
      if (cpuProfiles) printMainProfiles(cpuProfiles);
    }
  } finally {
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--simulator') void simulator(JSON.parse(process.argv[3] ?? '{}') as SimOptions);
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
