import type { LiveFrame } from '../../../src-main/contract/requests/live';

/** An opaque grey pixel as one little-endian RGBA word. */
const GREY = 0x010101;
const OPAQUE = 0xff000000;

/**
 * A small frame as RGBA for a 2D canvas. The wall draws its previews this way, not with
 * WebGL: a browser keeps only about 16 WebGL contexts alive and drops the oldest past that,
 * and a wall has up to 32 tiles beside the full view. mono16 is scaled so `mono16Max` is
 * white; a Bayer mosaic too small to have been binned into colour shows as its raw grey
 * levels. Grey pixels are written a word at a time (RGBA in a little-endian word, as every
 * machine this runs on is): a wall converts a few million pixels a second. It writes into
 * `out` (a tile's ImageData, kept from frame to frame): allocating a fresh buffer for each
 * frame cost ten times the conversion.
 */
export function previewRgba(
  frame: Pick<LiveFrame, 'width' | 'height' | 'pixelFormat' | 'pixels'>,
  mono16Max: number,
  out: Uint8ClampedArray<ArrayBuffer> = new Uint8ClampedArray(frame.width * frame.height * 4),
): Uint8ClampedArray<ArrayBuffer> {
  const count = frame.width * frame.height;
  if (out.length !== count * 4) throw new RangeError(`A ${frame.width}x${frame.height} preview needs ${count * 4} bytes of RGBA, not ${out.length}.`);
  const p = frame.pixels;
  if (frame.pixelFormat === 'rgb8') {
    for (let i = 0, o = 0, s = 0; i < count; i++, o += 4, s += 3) {
      out[o] = p[s]!;
      out[o + 1] = p[s + 1]!;
      out[o + 2] = p[s + 2]!;
      out[o + 3] = 255;
    }
    return out;
  }
  const words = new Uint32Array(out.buffer, out.byteOffset, count);
  if (frame.pixelFormat === 'mono16') {
    const scale = 255 / Math.max(1, mono16Max);
    for (let i = 0, s = 0; i < count; i++, s += 2) words[i] = (OPAQUE | (Math.min(255, Math.round((p[s]! | (p[s + 1]! << 8)) * scale)) * GREY)) >>> 0;
  } else {
    for (let i = 0; i < count; i++) words[i] = (OPAQUE | (p[i]! * GREY)) >>> 0;
  }
  return out;
}
