/**
 * The simulated cameras' moving test pattern, in any size and pixel format. Drawn so that a
 * viewer can see what it receives: a diagonal gradient scrolling one pixel per frame, a bright
 * bar sweeping across, and the frame number written as a row of black/white blocks (bit 0 on
 * the left) along the top, so a dropped or repeated frame is visible and checkable.
 */

import { BAYER_PATTERNS, isBayer } from '../../src-shared/bayer';
import { LivePixelFormat } from '../contract/requests/live';

/** What the simulated cameras can stream: every layout the live view draws. */
export const PIXEL_FORMATS = LivePixelFormat.options;
export type PixelFormat = LivePixelFormat;

export interface FrameFormat {
  width: number;
  height: number;
  pixelFormat: PixelFormat;
}

export const DEFAULT_FRAME_FORMAT: FrameFormat = { width: 640, height: 480, pixelFormat: 'mono8' };

/** Bits of the frame number drawn as blocks along the top edge. */
export const FRAME_NUMBER_BITS = 24;
/** The exposure at which the gradient spans the full range; longer is brighter (and clips). */
export const REFERENCE_EXPOSURE_US = 10_000;
const BIT_ON = 240;
const BIT_OFF = 16;

/** What the image header says about a format: numpy dtype and array shape, plus GenICam's pixel format name. */
export function describeFormat(f: FrameFormat): { dtype: 'uint8' | 'uint16'; shape: number[]; pixel_format: string } {
  if (isBayer(f.pixelFormat)) return { dtype: 'uint8', shape: [f.height, f.width], pixel_format: BAYER_PATTERNS[f.pixelFormat].genicam };
  switch (f.pixelFormat) {
    case 'mono8':
      return { dtype: 'uint8', shape: [f.height, f.width], pixel_format: 'Mono8' };
    case 'mono16':
      return { dtype: 'uint16', shape: [f.height, f.width], pixel_format: 'Mono16' };
    case 'rgb8':
      return { dtype: 'uint8', shape: [f.height, f.width, 3], pixel_format: 'RGB8' };
  }
}

/** Block edge in pixels for the frame-number row: as wide as fits, at least 1. */
export function frameNumberBlock(width: number, height: number): number {
  return Math.max(1, Math.min(Math.floor(width / FRAME_NUMBER_BITS), Math.floor(height / 8)));
}

/** Reads the frame number back from a mono8 image drawn by `drawPattern` (for tests and checks). */
export function readFrameNumber(pixels: Uint8Array, width: number, height: number): number {
  const block = frameNumberBlock(width, height);
  let n = 0;
  for (let bit = 0; bit < FRAME_NUMBER_BITS; bit++) {
    const x = bit * block + Math.floor(block / 2);
    const y = Math.floor(block / 2);
    if ((pixels[y * width + x] ?? 0) > 127) n |= 1 << bit;
  }
  return n >>> 0;
}

/**
 * Draws one frame as 8-bit intensities (one per pixel), then widens it to the format.
 * The intensity buffer is kept between calls of one drawer: the pattern costs a row copy per line.
 */
export class PatternDrawer {
  private readonly intensity: Buffer;
  private readonly row: Buffer;
  private gain = -1;

  constructor(readonly format: FrameFormat) {
    this.intensity = Buffer.alloc(format.width * format.height);
    this.row = Buffer.alloc(format.width * 2);
  }

  /** `exposureUs` scales the gradient, so brightness (and a histogram) follows ExposureTime. */
  draw(frameNumber: number, exposureUs: number): Buffer {
    const { width, height } = this.format;
    const gain = Math.max(0.02, exposureUs / REFERENCE_EXPOSURE_US);
    if (gain !== this.gain) this.fillRow(gain);
    const img = this.intensity;
    for (let y = 0; y < height; y++) {
      const start = (y + frameNumber) % width;
      this.row.copy(img, y * width, start, start + width);
    }
    const barWidth = Math.max(2, Math.floor(width / 64));
    const bar = (frameNumber * Math.max(1, Math.floor(width / 200))) % width;
    const barValue = Math.min(255, Math.round(200 * gain));
    for (let y = 0; y < height; y++) img.fill(barValue, y * width + bar, y * width + Math.min(width, bar + barWidth));
    const block = frameNumberBlock(width, height);
    for (let bit = 0; bit < FRAME_NUMBER_BITS; bit++) {
      // Short of full scale: the blocks must not count as saturated pixels in a histogram.
      const v = (frameNumber >>> bit) & 1 ? BIT_ON : BIT_OFF;
      for (let y = 0; y < block; y++) img.fill(v, y * width + bit * block, y * width + (bit + 1) * block);
    }
    return widen(img, this.format);
  }

  /** The gradient row, twice as long so any start offset reads a full row. */
  private fillRow(gain: number): void {
    const { width } = this.format;
    for (let x = 0; x < width * 2; x++) {
      const base = 16 + ((x % width) / width) * 200;
      this.row[x] = Math.min(255, Math.round(base * gain));
    }
    this.gain = gain;
  }
}

function widen(img: Buffer, f: FrameFormat): Buffer {
  if (isBayer(f.pixelFormat)) return mosaic(img, f.width, f.height, BAYER_PATTERNS[f.pixelFormat].red);
  switch (f.pixelFormat) {
    case 'mono8':
      return Buffer.from(img);
    case 'mono16': {
      // 12 significant bits, as most mono16 cameras deliver, little-endian like numpy on x86.
      const out = Buffer.alloc(img.length * 2);
      for (let i = 0; i < img.length; i++) out.writeUInt16LE(img[i]! * 16 + (img[i]! >> 4), i * 2);
      return out;
    }
    case 'rgb8': {
      const out = Buffer.alloc(img.length * 3);
      for (let i = 0; i < img.length; i++) {
        const v = img[i]!;
        out[i * 3] = v;
        out[i * 3 + 1] = (v * 3) >> 2;
        out[i * 3 + 2] = 255 - v;
      }
      return out;
    }
  }
}

/** A colour scene (red = intensity, green = 3/4, blue = inverse) seen through a Bayer mosaic with red at `red` in each cell. */
function mosaic(img: Buffer, width: number, height: number, [redX, redY]: readonly [number, number]): Buffer {
  const out = Buffer.alloc(img.length);
  for (let y = 0; y < height; y++) {
    const redRow = (y & 1) === redY;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const v = img[i]!;
      const redColumn = (x & 1) === redX;
      out[i] = redRow && redColumn ? v : !redRow && !redColumn ? 255 - v : (v * 3) >> 2;
    }
  }
  return out;
}

export function parseFrameSize(text: string): { width: number; height: number } {
  const m = /^(\d+)x(\d+)$/i.exec(text.trim());
  const width = m ? Number(m[1]) : NaN;
  const height = m ? Number(m[2]) : NaN;
  if (!m || width < 16 || height < 16 || width > 8192 || height > 8192) {
    throw new Error(`frame size must be WIDTHxHEIGHT between 16x16 and 8192x8192, e.g. 1280x1024 (got '${text}')`);
  }
  return { width, height };
}

export function parsePixelFormat(text: string): PixelFormat {
  const found = PIXEL_FORMATS.find((f) => f === text.trim().toLowerCase());
  if (!found) throw new Error(`pixel format must be one of ${PIXEL_FORMATS.join(', ')} (got '${text}')`);
  return found;
}
