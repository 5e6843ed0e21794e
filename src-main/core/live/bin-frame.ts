import { BAYER_PATTERNS, isBayer } from '../../../src-shared/bayer';
import type { LiveFrame } from '../../contract/requests/live';

/** Gives the bytes a binned frame is written into: `bytes` long (at an even offset, for 16-bit levels), new or reused. */
export type BinInto = (bytes: number) => Uint8Array;

const fresh: BinInto = (bytes) => new Uint8Array(bytes);

/**
 * Shrinks a frame by averaging n x n blocks, n the smallest that brings it to `maxWidth`
 * or less. A Bayer mosaic is binned over whole 2 x 2 cells (n even) into RGB: each block's
 * red, green and blue sites averaged apart, so a binned colour camera stays in colour.
 * Previews of the wall and fitted views travel and draw what can be seen, not megabytes.
 * The binned pixels go into `into`'s bytes (new ones unless given).
 */
export function binFrame<F extends LiveFrame>(frame: F, maxWidth: number, into: BinInto = fresh): F {
  // Never fewer than one row: a very wide, short frame is binned less than asked.
  let n = Math.min(frame.height, Math.max(1, Math.ceil(frame.width / maxWidth)));
  if (isBayer(frame.pixelFormat) && n % 2 === 1) n = n + 1 <= frame.height ? n + 1 : n - 1;
  if (n <= 1) return frame;
  const width = Math.floor(frame.width / n);
  const height = Math.floor(frame.height / n);
  const src = frame.pixels;
  if (isBayer(frame.pixelFormat)) {
    const [redX, redY] = BAYER_PATTERNS[frame.pixelFormat].red;
    const out = into(width * height * 3);
    const share = 4 / (n * n); // each block holds n²/4 red, n²/4 blue and n²/2 green sites
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let red = 0;
        let green = 0;
        let blue = 0;
        for (let dy = 0; dy < n; dy++) {
          const row = (y * n + dy) * frame.width + x * n;
          // A row holds red and green sites, or green and blue; `own` is the site in red's column.
          const redRow = dy % 2 === redY;
          for (let dx = 0; dx < n; dx += 2) {
            const own = src[row + dx + redX]!;
            const other = src[row + dx + 1 - redX]!;
            if (redRow) {
              red += own;
              green += other;
            } else {
              blue += other;
              green += own;
            }
          }
        }
        const o = (y * width + x) * 3;
        out[o] = red * share;
        out[o + 1] = (green * share) / 2;
        out[o + 2] = blue * share;
      }
    return { ...frame, width, height, pixelFormat: 'rgb8', pixels: out, binning: frame.binning * n };
  }
  if (frame.pixelFormat === 'rgb8') {
    const out = into(width * height * 3);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        for (let c = 0; c < 3; c++) {
          let sum = 0;
          for (let dy = 0; dy < n; dy++) for (let dx = 0; dx < n; dx++) sum += src[((y * n + dy) * frame.width + x * n + dx) * 3 + c]!;
          out[(y * width + x) * 3 + c] = sum / (n * n);
        }
    return { ...frame, width, height, pixels: out, binning: frame.binning * n };
  }
  if (frame.pixelFormat === 'mono16') {
    // Levels are little-endian, as on every machine this runs on; a view needs even alignment.
    const aligned = src.byteOffset % 2 === 0 ? src : new Uint8Array(src); // a copy (a Buffer's slice() is a view)
    const levels = new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >> 1);
    const bytes = into(width * height * 2);
    binPlane(levels, frame.width, new Uint16Array(bytes.buffer, bytes.byteOffset, width * height), width, height, n, true);
    return { ...frame, width, height, pixels: bytes, binning: frame.binning * n };
  }
  const out = into(width * height);
  binPlane(src, frame.width, out, width, height, n, false);
  return { ...frame, width, height, pixelFormat: 'mono8', pixels: out, binning: frame.binning * n };
}

/**
 * Averages n x n blocks of one channel: row by row into a line of sums, so the source is read
 * in order. Sums are divided and truncated (8-bit) or rounded (16-bit levels).
 */
function binPlane(src: Uint8Array | Uint16Array, srcWidth: number, out: Uint8Array | Uint16Array, width: number, height: number, n: number, round: boolean): void {
  const sums = new Uint32Array(width);
  const blockArea = n * n;
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let dy = 0; dy < n; dy++) {
      let at = (y * n + dy) * srcWidth;
      if (n === 2) {
        // The usual case (a fitted view a little smaller than the camera), kept to two reads.
        for (let x = 0; x < width; x++, at += 2) sums[x]! += src[at]! + src[at + 1]!;
        continue;
      }
      for (let x = 0; x < width; x++, at += n) {
        let sum = 0;
        for (let dx = 0; dx < n; dx++) sum += src[at + dx]!;
        sums[x]! += sum;
      }
    }
    const row = y * width;
    if (round) for (let x = 0; x < width; x++) out[row + x] = Math.round(sums[x]! / blockArea);
    else for (let x = 0; x < width; x++) out[row + x] = sums[x]! / blockArea;
  }
}
