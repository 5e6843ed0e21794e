import type { LiveFrame } from '../../contract/requests/live';

/**
 * Shrinks a frame by averaging n x n blocks, n the smallest that brings it to `maxWidth`
 * or less (even for Bayer, whose 2 x 2 cells then average to grey). Previews of the wall
 * travel and draw a few kB instead of megabytes.
 */
export function binFrame<F extends LiveFrame>(frame: F, maxWidth: number): F {
  // Never fewer than one row: a very wide, short frame is binned less than asked.
  let n = Math.min(frame.height, Math.max(1, Math.ceil(frame.width / maxWidth)));
  if (frame.pixelFormat === 'bayer_rggb8' && n % 2 === 1) n = n + 1 <= frame.height ? n + 1 : n - 1;
  if (n <= 1) return frame;
  const width = Math.floor(frame.width / n);
  const height = Math.floor(frame.height / n);
  const src = frame.pixels;
  if (frame.pixelFormat === 'rgb8') {
    const out = new Uint8Array(width * height * 3);
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
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const out = new Uint8Array(width * height * 2);
    const outView = new DataView(out.buffer);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let dy = 0; dy < n; dy++) for (let dx = 0; dx < n; dx++) sum += view.getUint16(((y * n + dy) * frame.width + x * n + dx) * 2, true);
        outView.setUint16((y * width + x) * 2, Math.round(sum / (n * n)), true);
      }
    return { ...frame, width, height, pixels: out, binning: frame.binning * n };
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < n; dy++) for (let dx = 0; dx < n; dx++) sum += src[(y * n + dy) * frame.width + x * n + dx]!;
      out[y * width + x] = sum / (n * n);
    }
  return { ...frame, width, height, pixelFormat: 'mono8', pixels: out, binning: frame.binning * n };
}
