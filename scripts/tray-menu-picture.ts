// The README's picture of the tray menu, drawn from the tray's own menu model (buildTrayModel)
// and icons: an HTML page made from the model, screenshot with Debian's Chromium.
//   npx tsx scripts/tray-menu-picture.ts       -> docs/screenshots/tray-menu.png
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { RigSummary } from '../src-main/contract/requests/rigs';
import type { CameraStatusView, RigStatus } from '../src-main/contract/requests/status';
import { buildTrayModel, type TrayItem } from '../src-main/core/tray/tray-menu';
import { trayIconFile, trayIconState } from '../src-main/shell/tray-icons';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'docs/screenshots/tray-menu.png');
const now = Date.UTC(2026, 10, 25, 14, 0, 0);

const rig = (id: string, name: string, simulated = false): RigSummary => ({
  id,
  name,
  host: '10.11.12.2' + id.length,
  port: 6083,
  tags: [],
  simulated,
  notes: '',
  trust: null,
  preset: {},
  keyState: 'keychain',
  createdAt: '2026-11-25T00:00:00Z',
});
const camera = (recording: boolean): CameraStatusView => ({
  serial: 'FAKE0',
  name: null,
  connected: true,
  state: recording ? 'recording' : 'idle',
  recording: recording
    ? { filename: 'fly-courtship', startedAtMs: now - 3723_000, durationSeconds: 7200, elapsedSeconds: null, remainingSeconds: null }
    : null,
  playbackStatus: null,
  playbackProgress: null,
  copying: false,
  exporting: false,
  timeZone: null,
  diskUsedPercent: null,
  outputs: {},
  error: null,
});
const status = (rigId: string, state: RigStatus['state'], recording = false): RigStatus => ({
  rigId,
  rigName: rigId,
  state,
  stale: false,
  problem: null,
  lastSeenAtMs: now,
  checkedAtMs: now,
  retryDelayMs: null,
  version: '5.2',
  clockOffsetMs: 0,
  cameras: [camera(recording)],
});

const rigs = [rig('a', 'Arena 1'), rig('b', 'Arena 2'), rig('c', 'Courtship rig'), rig('d', 'Test bench', true)];
const statuses = [status('a', 'online', true), status('b', 'online'), status('c', 'offline'), status('d', 'online')];
const model = buildTrayModel(rigs, statuses, now);
// The shell puts its Settings submenu in before "Show Motif Control" (src-main/shell/main.ts).
const show = model.items.findIndex((i) => i.kind === 'action' && i.action.kind === 'show-window');
const items: TrayItem[] = [
  ...model.items.slice(0, show),
  { kind: 'submenu', label: 'Settings', items: [] },
  ...model.items.slice(show),
];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
function menu(list: TrayItem[], openLabel: string | null): string {
  return list
    .map((item) => {
      switch (item.kind) {
        case 'separator':
          return '<div class="sep"></div>';
        case 'label':
          return `<div class="item disabled">${esc(item.label)}</div>`;
        case 'action':
          return `<div class="item${item.enabled ? '' : ' disabled'}">${esc(item.label)}</div>`;
        case 'submenu': {
          const open = item.label === openLabel;
          const sub = open ? `<div class="menu sub">${menu(item.items, null)}</div>` : '';
          return `<div class="item submenu${open ? ' open' : ''}">${esc(item.label)}<span class="arrow">›</span>${sub}</div>`;
        }
      }
    })
    .join('');
}

const icon = (file: string) => `data:image/png;base64,${readFileSync(path.join(root, 'assets', file)).toString('base64')}`;
const state = trayIconState(model);
const html = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; font: 13px/1.2 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; background: #e9ecef; }
  .panel { height: 30px; background: #1d1f21; display: flex; justify-content: flex-end; align-items: center; padding: 0 12px; gap: 14px; color: #dee2e6; }
  .panel img { width: 20px; height: 20px; }
  .panel .tray { background: #3a3d41; border-radius: 4px; padding: 3px 5px; display: flex; }
  .stage { position: relative; height: 420px; }
  .menu { position: absolute; background: #fff; border: 1px solid #c4c8cc; border-radius: 6px; box-shadow: 0 6px 18px rgba(0,0,0,.22); padding: 5px 0; min-width: 250px; }
  .root { right: 12px; top: 2px; }
  .item { position: relative; padding: 6px 28px 6px 14px; white-space: nowrap; color: #212529; }
  .item.disabled { color: #8d949b; }
  .item.open { background: #1c7ed6; color: #fff; }
  .arrow { position: absolute; right: 10px; }
  .sep { height: 1px; background: #dee2e6; margin: 4px 0; }
  .sub { right: calc(100% + 2px); top: -6px; color: #212529; }
  .sub .item { color: #212529; }
  .sub .item.disabled { color: #8d949b; }
  .caption { position: absolute; left: 14px; bottom: 10px; color: #495057; font-size: 12px; }
</style></head><body>
  <div class="panel"><span>14:00</span><span class="tray"><img src="${icon(trayIconFile(state, 'linux', 'dark'))}" alt="tray icon: ${state}"></span></div>
  <div class="stage">
    <div class="menu root">${menu(items, model.items.find((i) => i.kind === 'submenu')?.label ?? null)}</div>
    <div class="caption">Tray icon: recording, with a rig offline (${esc(state)}). Tooltip: ${esc(model.tooltip)}</div>
  </div>
</body></html>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 450 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`wrote ${path.relative(root, out)} (icon state ${state})`);
} finally {
  await browser.close();
}
