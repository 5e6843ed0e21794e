import type { LiveFrame } from '../../contract/requests/live';

/**
 * Shrinks a frame by averaging n x n blocks, n the smallest that brings it to `maxWidth`
 * or less. A Bayer mosaic is binned over whole RGGB cells (n even) into RGB: each block's
 * red, green and blue sites averaged apart, so a binned colour camera stays in colour.
 * Previews of the wall and fitted views travel and draw what can be seen, not megabytes.
 */
export function binFrame<F extends LiveFrame>(frame: F, maxWidth: number): F {
  // Never fewer than one row: a very wide, short frame is binned less than asked.
  let n = Math.min(frame.height, Math.max(1, Math.ceil(frame.width / maxWidth)));
  if (frame.pixelFormat === 'bayer_rggb8' && n % 2 === 1) n = n + 1 <= frame.height ? n + 1 : n - 1;
  if (n <= 1) return frame;
  const width = Math.floor(frame.width / n);
  const height = Math.floor(frame.height / n);
  const src = frame.pixels;
  if (frame.pixelFormat === 'bayer_rggb8') {
    const out = new Uint8Array(width * height * 3);
    const share = 4 / (n * n); // each block holds n²/4 red, n²/4 blue and n²/2 green sites
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let red = 0;
        let green = 0;
        let blue = 0;
        for (let dy = 0; dy < n; dy++) {
          const row = (y * n + dy) * frame.width + x * n;
          for (let dx = 0; dx < n; dx += 2) {
            const a = src[row + dx]!;
            const b = src[row + dx + 1]!;
            if (dy % 2 === 0) {
              red += a;
              green += b;
            } else {
              green += a;
              blue += b;
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
