/**
 * The fleet as a lab user drives it, in browser mode with N simulated rigs (the simulators in
 * a child process at the lowest priority), through Chromium at 1280x800:
 *   - start to usable: browser mode spawned -> every rig listed in the window;
 *   - select all, Record selected..., (2 s reading the dialog), Start recording: click to the first result line, click
 *     to all result lines, click to every rig shown recording in the summary; the same for
 *     Stop selected...;
 *   - the longest task on the page's thread during each (PerformanceObserver 'longtask');
 *   - idle with the dashboard open: CPU of the core process and of the page;
 *   - memory of both over --memory-seconds.
 * `--profile-start` prints where the page's thread went from navigation to every rig listed.
 * `--react-profile` prints React's render time by component during record all (build first with
 * MOTIF_RENDERER_PROFILE=1 MOTIF_RENDERER_MINIFY=0).
 * `--profile-core` writes the core process's CPU profile (whole run) and prints its folder.
 * `--profile` prints where the page's thread spent the record-all (a DevTools CPU profile; build
 * with MOTIF_RENDERER_MINIFY=0 first for the page's function names).
 *   bash scripts/with-keyring.sh npx tsx bench/fleet.ts [--rigs 40] [--cameras 2] [--idle-seconds 20] [--memory-seconds 60] [--rounds 1] [--profile]
 * Needs `npm run build` first.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { topInclusiveTime, topSelfTime, type CpuProfile } from './cpu-profile';
import { describeCommits, RECORDED_COMMITS, REACT_COMMIT_HOOK, START_RECORDING_COMMITS, type ReactCommit } from './react-commits';
import { openRigs } from '../src-main/core/registry/open-rigs';
import { startSimulatedRigs, type SimOptions, type SimRigInfo } from '../src-main/sim';

const CLOCK_TICKS = 100; // USER_HZ on Linux
/** `--profile-core`: the core process writes a V8 CPU profile of its whole run here (read with DevTools). */
const CORE_PROFILE_DIR = process.argv.includes('--profile-core') ? mkdtempSync(join(tmpdir(), 'motif-fleet-core-profile-')) : null;
const PROFILE_MARK = 'motif-fleet-bench-profile';
/** How long the bench's user looks at the Record or Stop dialog before pressing its button. */
const READ_DIALOG_MS = 2000;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Child: the simulated fleet, reporting its rigs to the parent. */
async function simulator(options: SimOptions): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'motif-bench-sim-'));
  const fleet = await startSimulatedRigs({ ...options, port: 0, streams: false, dataDir });
  process.send!({ rigs: fleet.rigs.map((r) => r.info) });
  process.on('disconnect', () => {
    void fleet.stop().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

async function startSimulator(options: SimOptions): Promise<{ rigs: SimRigInfo[]; child: ChildProcess }> {
  const child = fork(fileURLToPath(import.meta.url), ['--simulator', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Rigs are machines of their own: here their stand-in yields the CPU to the app and the page.
  setPriority(child.pid!, 19);
  const rigs = await new Promise<SimRigInfo[]>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { rigs: SimRigInfo[] }).rigs));
    child.once('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  return { rigs, child };
}

async function configFolder(rigs: SimRigInfo[]): Promise<string> {
  const configDir = mkdtempSync(join(tmpdir(), 'motif-bench-config-'));
  const opened = openRigs({ configDir });
  for (const [i, info] of rigs.entries()) {
    const saved = opened.registry.add({ name: `Bench rig ${String(i + 1).padStart(3, '0')}`, host: info.host, port: info.port, trust: { kind: 'fingerprint', sha256: info.fingerprint256 } });
    await opened.secrets.setKey(saved.id, info.apiKey);
  }
  await opened.close();
  return configDir;
}

interface App {
  url: string;
  pid: number;
  startedAtMs: number;
  /** When it printed its address. */
  readyAtMs: number;
  stop(): Promise<void>;
}

function startApp(configDir: string): Promise<App> {
  const startedAtMs = Date.now();
  const profileArgs = CORE_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CORE_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profileArgs, 'dist/browser/browser-mode.js', '--port', '0', '--no-open'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MOTIF_CONTROL_CONFIG_DIR: configDir, NODE_ENV: 'production' },
  });
  return new Promise<App>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /open (http:\/\/\S+)/.exec(line);
      if (!m?.[1]) return;
      resolve({
        url: m[1],
        pid: child.pid!,
        startedAtMs,
        readyAtMs: Date.now(),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** CPU seconds (user + system) and resident memory of one process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return { cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS, rssMb: rssKb / 1024 };
  } catch {
    return { cpu: 0, rssMb: 0 };
  }
}

/** CPU seconds by thread name (the main thread, V8's helpers, libuv's pool...) of one process. */
function threadUsage(pid: number): Map<string, number> {
  const byName = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/\d+$/, 'N');
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
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

/** Chromium's renderer processes of this bench's profile: where the page's script runs. */
function rendererPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('--type=renderer') && cmd.includes(PROFILE_MARK)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

const sum = (pids: number[]) => pids.map(usage).reduce((a, b) => ({ cpu: a.cpu + b.cpu, rssMb: a.rssMb + b.rssMb }), { cpu: 0, rssMb: 0 });

/**
 * In the page: long tasks as they happen, the time of the last click, and a watcher that stamps,
 * on every animation frame, when each awaited condition first held (so "shown" means painted).
 * A string, so the bundler's helpers never reach the page.
 */
const PAGE_PROBE = `
window.__fleetBench = { longTasks: [], clickAt: 0, marks: {} };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__fleetBench.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
document.addEventListener('click', (e) => { window.__fleetBench.clickAt = e.timeStamp; }, { capture: true });
window.__fleetWatch = (label, expected, recording) => {
  const b = window.__fleetBench;
  b.longTasks = [];
  b.clickAt = 0;
  const marks = {};
  b.marks = marks;
  function check() {
    const now = performance.now();
    const results = document.querySelectorAll('[aria-label="' + label + '"] li').length;
    if (results >= 1 && marks.first === undefined) marks.first = now;
    if (results >= expected && marks.all === undefined) marks.all = now;
    const m = /^(\\d+)/.exec((document.querySelector('[data-group="recording"]') || {}).textContent || '');
    if (m && Number(m[1]) === recording && results >= 1 && marks.shown === undefined) marks.shown = now;
    if (marks.all === undefined || marks.shown === undefined) requestAnimationFrame(check);
  }
  requestAnimationFrame(check);
};
`;

interface ActionFigures {
  firstResultMs: number;
  allResultsMs: number;
  allShownMs: number;
  longestTaskMs: number;
  longTasksOver50: number;
}

/** Clicks `button` and stamps, on animation frames, when results and the summary reach their goals. */
async function timedAction(page: Page, button: string | RegExp, resultsLabel: string, expectedResults: number, shownRecording: number): Promise<ActionFigures> {
  await page.evaluate(`window.__fleetWatch(${JSON.stringify(resultsLabel)}, ${expectedResults}, ${shownRecording})`);
  await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
  await page.waitForFunction('window.__fleetBench.marks.all !== undefined && window.__fleetBench.marks.shown !== undefined', undefined, {
    timeout: 120_000,
    polling: 200,
  });
  // Long tasks are reported after they end: give the observer a moment.
  await page.waitForTimeout(300);
  const { clickAt, longTasks, marks } = (await page.evaluate('window.__fleetBench')) as {
    clickAt: number;
    longTasks: { start: number; duration: number }[];
    marks: Record<string, number | undefined>;
  };
  const during = longTasks.filter((t) => t.start + t.duration >= clickAt);
  return {
    firstResultMs: (marks.first ?? NaN) - clickAt,
    allResultsMs: (marks.all ?? NaN) - clickAt,
    allShownMs: (marks.shown ?? NaN) - clickAt,
    longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    longTasksOver50: during.filter((t) => t.duration > 50).length,
  };
}

/** Escape, not the Close button: the toast that follows a result may cover it. */
async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

function report(name: 'record all' | 'stop all', round: number, f: ActionFigures): void {
  console.log(
    `${name}${round > 1 ? ` (round ${round})` : ''}: click to first result ${fmt(f.firstResultMs)} ms, to all results ${fmt(f.allResultsMs)} ms, ` +
      `to all shown ${name === 'record all' ? 'recording' : 'idle'} ${fmt(f.allShownMs)} ms; longest task on the page's thread ${fmt(f.longestTaskMs)} ms (${f.longTasksOver50} over 50 ms)`,
  );
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

async function main(): Promise<void> {
  const rigCount = flag('rigs', 40);
  const cameras = flag('cameras', 2);
  const idleSeconds = flag('idle-seconds', 20);
  const memorySeconds = flag('memory-seconds', 60);
  const rounds = flag('rounds', 1);
  const sim = await startSimulator({ rigs: rigCount, cameras });
  const configDir = await configFolder(sim.rigs);
  const profile = mkdtempSync(join(tmpdir(), `${PROFILE_MARK}-`));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    bypassCSP: true, // the probe's string predicates; the app's own CSP is not what is measured
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  const reactProfile = process.argv.includes('--react-profile');
  if (reactProfile) await page.addInitScript(REACT_COMMIT_HOOK);
  await page.addInitScript(PAGE_PROBE);
  // Chromium first, so the start measured is the app's alone.
  const app = await startApp(configDir);
  try {
    const servingMs = app.readyAtMs - app.startedAtMs;
    const startCdp = process.argv.includes('--profile-start') ? await page.context().newCDPSession(page) : null;
    if (startCdp) {
      await startCdp.send('Profiler.enable');
      await startCdp.send('Profiler.start');
    }
    await page.goto(app.url);
    const summary = page.getByTestId('fleet-summary');
    await summary.getByText(`${rigCount} rigs:`).waitFor({ timeout: 60_000 });
    const listedMs = Date.now() - app.startedAtMs;
    if (startCdp) {
      const { profile } = (await startCdp.send('Profiler.stop')) as { profile: CpuProfile };
      // A string, as the bench's own types know no DOM.
      const loaded = await page.evaluate<{ response: number; domContentLoaded: number; now: number }>(
        "(() => { const n = performance.getEntriesByType('navigation')[0]; return { response: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd, now: performance.now() }; })()",
      );
      console.log(`page: response ${fmt(loaded.response)} ms, DOMContentLoaded ${fmt(loaded.domContentLoaded)} ms, listed ${fmt(loaded.now)} ms after navigation began`);
      console.log(`from navigation to every rig listed, self time:\n${topSelfTime(profile, 8).join('\n')}`);
      console.log(`where the page's thread went from navigation to every rig listed (components, inclusive):\n${topInclusiveTime(profile, 90).filter((line) => /% {2}[A-Z]/.test(line)).join('\n')}`);
      await startCdp.detach();
    }
    await summary.getByRole('button', { name: `${rigCount} online` }).waitFor({ timeout: 120_000 });
    const onlineMs = Date.now() - app.startedAtMs;
    console.log(`${rigCount} rigs x ${cameras} cameras, Chromium 1280x800, default layout; the dialogs are read for ${READ_DIALOG_MS / 1000} s before their button is pressed`);
    console.log(
      `start to usable: browser mode serving ${fmt(servingMs)} ms after it was started, every rig listed in the window ${fmt(listedMs)} ms, all online ${fmt(onlineMs)} ms`,
    );

    for (let round = 1; round <= rounds; round++) {
      await page.getByLabel(/^Select all \d+ shown$/).check();
      await page.getByRole('button', { name: 'Record selected…' }).click();
      // A user reads the dialog before pressing Start (the window watches its rigs meanwhile).
      await page.waitForTimeout(READ_DIALOG_MS);
      const cdp = process.argv.includes('--profile') ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
      }
      if (reactProfile) await page.evaluate(START_RECORDING_COMMITS);
      const start = await timedAction(page, 'Start recording', 'Start results', rigCount, rigCount);
      if (reactProfile) console.log(`React during record all:\n${describeCommits((await page.evaluate(RECORDED_COMMITS)) as ReactCommit[]).join('\n')}`);
      if (cdp) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
        console.log(`where the page's thread went during record all (self time):\n${topSelfTime(profile, 20).join('\n')}`);
        console.log(`and by caller (inclusive time; build with MOTIF_RENDERER_MINIFY=0 for names):\n${topInclusiveTime(profile, 40).join('\n')}`);
        await cdp.detach();
      }
      report('record all', round, start);
      await closeDialog(page);
      await page.getByRole('button', { name: 'Stop selected…' }).click();
      await page.waitForTimeout(READ_DIALOG_MS);
      // "Stop 80 recordings" (the count follows the cameras as they turn from starting to recording).
      report('stop all', round, await timedAction(page, /^(Stop \d+ recordings?|Send stop)$/, 'Stop results', rigCount, 0));
      await closeDialog(page);
      await page.getByRole('button', { name: 'Clear selection' }).click();
    }

    // Idle, dashboard open: what watching the fleet costs.
    await page.waitForTimeout(3000);
    const renderers = rendererPids();
    const m0 = usage(app.pid);
    const threads0 = threadUsage(app.pid);
    const r0 = sum(renderers);
    const t0 = performance.now();
    await page.waitForTimeout(idleSeconds * 1000);
    const elapsed = (performance.now() - t0) / 1000;
    const m1 = usage(app.pid);
    const threads1 = threadUsage(app.pid);
    const r1 = sum(renderers);
    const byThread = [...threads1]
      .map(([name, cpu]) => [name, ((cpu - (threads0.get(name) ?? 0)) / elapsed) * 100] as const)
      .filter(([, pct]) => pct >= 0.1)
      .sort((a, b) => b[1] - a[1])
      .map(([name, pct]) => `${name} ${fmt(pct, 1)}`)
      .join(', ');
    console.log(
      `idle, dashboard open (${fmt(elapsed)} s): core process ${fmt(((m1.cpu - m0.cpu) / elapsed) * 100, 1)} % of a core (${byThread}), page ${fmt(((r1.cpu - r0.cpu) / elapsed) * 100, 1)} %`,
    );

    if (memorySeconds > 0) {
      const samples: { main: number; page: number }[] = [];
      for (let s = 0; s <= memorySeconds; s += 10) {
        samples.push({ main: usage(app.pid).rssMb, page: sum(renderers).rssMb });
        if (s < memorySeconds) await page.waitForTimeout(10_000);
      }
      const first = samples[0]!;
      const last = samples[samples.length - 1]!;
      const peak = (k: 'main' | 'page') => Math.max(...samples.map((x) => x[k]));
      console.log(
        `memory over ${memorySeconds} s: core ${fmt(first.main)} -> ${fmt(last.main)} MB (peak ${fmt(peak('main'))}), page ${fmt(first.page)} -> ${fmt(last.page)} MB (peak ${fmt(peak('page'))})`,
      );
    }
  } finally {
    await browser.close();
    await app.stop();
    if (CORE_PROFILE_DIR) console.log(`core CPU profile (whole run) in ${CORE_PROFILE_DIR}`);
    sim.child.disconnect();
    rmSync(configDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--simulator') void simulator(JSON.parse(process.argv[3]!) as SimOptions);
else
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
