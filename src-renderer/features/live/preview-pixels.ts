import type { LiveFrame } from '../../../src-main/contract/requests/live';

/**
 * A small frame as RGBA for a 2D canvas. The wall draws its previews this way, not with
 * WebGL: a browser keeps only about 16 WebGL contexts alive and drops the oldest past that,
 * and a wall has up to 32 tiles beside the full view. Previews are a few thousand pixels,
 * so converting them here costs little. mono16 is scaled so `mono16Max` is white; a Bayer
 * mosaic too small to have been binned into colour shows as its raw grey levels.
 */
export function previewRgba(frame: Pick<LiveFrame, 'width' | 'height' | 'pixelFormat' | 'pixels'>, mono16Max: number): Uint8ClampedArray<ArrayBuffer> {
  const count = frame.width * frame.height;
  const out = new Uint8ClampedArray(new ArrayBuffer(count * 4));
  const p = frame.pixels;
  const scale = 255 / Math.max(1, mono16Max);
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    if (frame.pixelFormat === 'rgb8') {
      out[o] = p[i * 3]!;
      out[o + 1] = p[i * 3 + 1]!;
      out[o + 2] = p[i * 3 + 2]!;
    } else {
      const v = frame.pixelFormat === 'mono16' ? (p[i * 2]! | (p[i * 2 + 1]! << 8)) * scale : p[i]!;
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
    }
    out[o + 3] = 255;
  }
  return out;
}
