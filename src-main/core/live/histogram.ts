import { HISTOGRAM_BINS, type LiveFrame, type LiveHistogram } from '../../contract/requests/live';

export { HISTOGRAM_BINS };

/**
 * Intensity histogram of a whole frame: every pixel counts, so a single saturated pixel is
 * seen. RGB reads green (closest to brightness), a Bayer mosaic its raw values. The receiver
 * runs it a few times a second on whole frames (before a preview or a fitted view is binned,
 * which would average single saturated pixels away), apart from drawing. Levels are counted
 * first and folded into bins after, which keeps the pass over the pixels a bare increment.
 */
export function computeHistogram(frame: Pick<LiveFrame, 'width' | 'height' | 'pixelFormat' | 'pixels'>): LiveHistogram {
  const count = frame.width * frame.height;
  const wide = frame.pixelFormat === 'mono16';
  const levels = countLevels(frame, count, wide);
  let max = levels.length - 1;
  while (max > 0 && levels[max] === 0) max--;
  // mono16 cameras mostly use 10 or 12 bits: the range is what the levels reach, in whole bits.
  const range = wide ? 2 ** Math.max(8, Math.ceil(Math.log2(max + 1))) - 1 : 255;
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  let sum = 0;
  let saturated = 0;
  for (let v = 0; v <= max; v++) {
    const n = levels[v]!;
    if (n === 0) continue;
    bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((v / (range + 1)) * HISTOGRAM_BINS))]! += n;
    sum += v * n;
    if (v >= range) saturated += n;
  }
  const n = Math.max(1, count);
  return { bins, saturated: saturated / n, mean: sum / n / range, max, range };
}

/** How many pixels have each level. */
function countLevels(frame: Pick<LiveFrame, 'pixelFormat' | 'pixels'>, count: number, wide: boolean): Uint32Array {
  const p = frame.pixels;
  if (wide) {
    const levels = new Uint32Array(65536);
    for (let i = 0, o = 0; i < count; i++, o += 2) levels[p[o]! | (p[o + 1]! << 8)]! += 1;
    return levels;
  }
  const levels = new Uint32Array(256);
  if (frame.pixelFormat === 'rgb8') for (let i = 0, o = 1; i < count; i++, o += 3) levels[p[o]!]! += 1;
  else for (let i = 0; i < count; i++) levels[p[i]!]! += 1;
  return levels;
}
