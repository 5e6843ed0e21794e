// Draws the app and tray icons (a lens with a red record dot) as PNGs into assets/.
// Run once after changing the design: node scripts/make-icons.mjs
//
// - assets/icon.png: the app icon, 1024 px (electron-builder makes the .icns and .ico from it).
// - assets/tray/<state>-<panel>.png, 32 px, for Linux and Windows trays: <state> is one of
//   TRAY_STATES, <panel> the tray's theme: `dark` (a light glyph, for dark panels such as
//   GNOME's top bar) or `light` (a dark glyph).
// - assets/tray/<state>Template.png (16 px) and @2x (32 px): macOS template images, black
//   and transparent only; macOS tints them for the menu bar's appearance.
//
// The tray shows at a glance: a red dot while any rig records; a grey crossed circle when a
// rig is unreachable (offline); an amber triangle when a rig needs the user (key rejected,
// certificate, keychain, rig error). Both at once keep the dot and add the badge.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const TRAY_STATES = ['idle', 'recording', 'offline', 'problem', 'recording-offline', 'recording-problem'];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

/** A size x size RGBA PNG; `pixel(u, v)` gives [r, g, b, a] at (u, v) in 0..1, averaged over 4x4 samples (anti-aliased edges). */
function png(size, pixel) {
  const rows = [];
  const n = 4;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [pr, pg, pb, pa] = pixel((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size);
          r += pr * pa;
          g += pg * pa;
          b += pb * pa;
          a += pa;
        }
      }
      const px = a === 0 ? [0, 0, 0, 0] : [r / a, g / a, b / a, a / (n * n)].map(Math.round);
      row.set(px, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CLEAR = [0, 0, 0, 0];
const RED = [224, 49, 49, 255];

/** The app icon: a blue lens with a red record dot. */
const appIcon = (u, v) => {
  const r = Math.hypot(u - 0.5, v - 0.5);
  const dot = Math.hypot(u - 0.78, v - 0.22);
  if (dot < 0.12) return RED;
  if (r < 0.16) return [21, 24, 30, 255];
  if (r < 0.3) return [77, 171, 247, 255];
  if (r < 0.44) return [28, 126, 214, 255];
  return CLEAR;
};

// Tray geometry, in 0..1 of the icon.
const LENS = { x: 0.44, y: 0.54, outer: 0.4, inner: 0.25, pupil: 0.13 };
const DOT = { x: 0.79, y: 0.21, r: 0.19, gap: 0.07 };
const BADGE = { x: 0.76, y: 0.76, r: 0.23, gap: 0.07 };

/** Inside the triangle of the problem badge (pointing up, centred on the badge). */
function inTriangle(u, v, grow = 0) {
  const top = BADGE.y - BADGE.r - grow;
  const bottom = BADGE.y + BADGE.r * 0.8 + grow;
  if (v < top || v > bottom) return false;
  const half = ((v - top) / (bottom - top)) * (BADGE.r + grow) * 1.1;
  return Math.abs(u - BADGE.x) <= half;
}

/**
 * One tray glyph. `ink` draws the lens and the offline badge, `accent` the record dot and the
 * problem badge; template images use black for all and knock the marks out of the glyph.
 */
function trayGlyph(state, { ink, red, amber, grey, mark }) {
  const recording = state.startsWith('recording');
  const attention = state.endsWith('offline') ? 'offline' : state.endsWith('problem') ? 'problem' : 'none';
  return (u, v) => {
    const dot = Math.hypot(u - DOT.x, v - DOT.y);
    const badge = Math.hypot(u - BADGE.x, v - BADGE.y);
    if (recording) {
      if (dot < DOT.r) return red;
      if (dot < DOT.r + DOT.gap) return CLEAR;
    }
    if (attention === 'problem') {
      if (inTriangle(u, v)) {
        // "!": a bar and a point, knocked out of the triangle.
        const bar = Math.abs(u - BADGE.x) < 0.035 && v > BADGE.y - BADGE.r * 0.45 && v < BADGE.y + BADGE.r * 0.2;
        const point = Math.hypot(u - BADGE.x, v - (BADGE.y + BADGE.r * 0.5)) < 0.045;
        return bar || point ? mark : amber;
      }
      if (inTriangle(u, v, BADGE.gap)) return CLEAR;
    }
    if (attention === 'offline') {
      if (badge < BADGE.r) {
        // A crossed circle: ring and slash drawn, the rest knocked out.
        const ring = badge > BADGE.r - 0.07;
        const slash = Math.abs((u - BADGE.x) - (v - BADGE.y)) / Math.SQRT2 < 0.045;
        return ring || slash ? grey : CLEAR;
      }
      if (badge < BADGE.r + BADGE.gap) return CLEAR;
    }
    const r = Math.hypot(u - LENS.x, v - LENS.y);
    if (r < LENS.pupil) return ink;
    if (r < LENS.inner) return CLEAR;
    if (r < LENS.outer) return ink;
    return CLEAR;
  };
}

const PANELS = {
  // A light glyph for dark panels, a dark one for light panels; the marks keep their colours.
  dark: { ink: [241, 243, 245, 255], red: [255, 82, 82, 255], amber: [252, 196, 25, 255], grey: [173, 181, 189, 255], mark: [33, 37, 41, 255] },
  light: { ink: [33, 37, 41, 255], red: RED, amber: [240, 140, 0, 255], grey: [73, 80, 87, 255], mark: [255, 255, 255, 255] },
};
const BLACK = [0, 0, 0, 255];
const TEMPLATE = { ink: BLACK, red: BLACK, amber: BLACK, grey: BLACK, mark: CLEAR };

/** Every file this script writes, relative to the project folder. */
export function iconFiles() {
  const files = ['assets/icon.png'];
  for (const state of TRAY_STATES) {
    for (const panel of Object.keys(PANELS)) files.push(`assets/tray/${state}-${panel}.png`);
    files.push(`assets/tray/${state}Template.png`, `assets/tray/${state}Template@2x.png`);
  }
  return files;
}

function main() {
  mkdirSync('assets/tray', { recursive: true });
  writeFileSync('assets/icon.png', png(1024, appIcon));
  for (const state of TRAY_STATES) {
    for (const [panel, colors] of Object.entries(PANELS)) writeFileSync(`assets/tray/${state}-${panel}.png`, png(32, trayGlyph(state, colors)));
    writeFileSync(`assets/tray/${state}Template.png`, png(16, trayGlyph(state, TEMPLATE)));
    writeFileSync(`assets/tray/${state}Template@2x.png`, png(32, trayGlyph(state, TEMPLATE)));
  }
  console.log(`wrote ${iconFiles().length} icons into assets/`);
}

if (process.argv[1]?.endsWith('make-icons.mjs')) main();
